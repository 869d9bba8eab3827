import Foundation

/// The inputs that, fed to a new session with the same scenario and options, reproduce a
/// transcript's lines: how a daemon continues a session after a crash or restart.
public enum ResumeInputs {
    /// What the person typed, in order, as far as the transcript shows it. Commands that write
    /// nothing (`/help`, `/score`, ...) change nothing and are not needed.
    public static func from(_ records: [TranscriptRecord]) -> [String] {
        timed(records).map(\.input)
    }

    /// The inputs with when each was handled (its first line's time), so a replay can give the
    /// engine the clock it had: elapsed seconds and time limits come out as they were.
    public static func timed(_ records: [TranscriptRecord]) -> [(input: String, at: Date?)] {
        var inputs: [(input: String, at: Date?)] = []
        var awaitingFollowUp = false
        for record in records {
            let at = TranscriptTime.parse(record.time)
            switch record.type {
            case .answer:
                inputs.append((record.text ?? "", at))
                awaitingFollowUp = false
            case .hint: inputs.append(("/hint", at))
            case .skip: inputs.append(("/skip", at))
            case .followUp: awaitingFollowUp = true
            case .question:
                // A follow-up followed by the next question, with no answer between, was skipped.
                if awaitingFollowUp { inputs.append(("/skip", at)) }
                awaitingFollowUp = false
            case .sessionStart, .score, .sessionEnd, .review: break
            }
        }
        return inputs
    }
}
