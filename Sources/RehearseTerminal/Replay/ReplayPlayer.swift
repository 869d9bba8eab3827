import Foundation

/// Writes a replay's frames to standard output, waiting between them as long as the person
/// did (divided by the pace's speed).
public enum ReplayPlayer {
    /// Plays `frames` at `pace`; pauses longer than `idleLimit` seconds are cut to it, so a
    /// coffee break does not stall the replay. On a terminal any key ends a wait at once.
    public static func play(_ frames: [SessionReplayView.Frame], pace: ReplayPace, idleLimit: Double) {
        let speed = pace.speed
        let waiter = speed == nil ? nil : KeyWaiter()
        defer { waiter?.restore() }
        var previous: Date?
        for frame in frames {
            if let speed, let waiter, let time = frame.time {
                if let previous { waiter.wait(min(idleLimit, max(0, time.timeIntervalSince(previous))) / speed) }
                previous = time
            }
            FileHandle.standardOutput.write(Data(frame.text.utf8))
        }
    }
}
