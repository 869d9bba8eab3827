import Foundation
import RehearseCore
import Synchronization

/// The clock of a rebuilt session: while its stored inputs are said again it shows the time
/// each was first handled, so elapsed seconds, overtime and time limits come out as they were;
/// then it shows the real time.
final class ReplayClock: SessionClock, Sendable {
    private let base: any SessionClock
    private let pinned = Mutex<Date?>(nil)

    init(base: any SessionClock) {
        self.base = base
    }

    func now() -> Date { pinned.withLock { $0 } ?? base.now() }

    /// Shows `time` until the next pin or ``release()``; `nil` keeps the last pinned time.
    func pin(_ time: Date?) {
        guard let time else { return }
        pinned.withLock { $0 = time }
    }

    /// Goes back to the real time.
    func release() {
        pinned.withLock { $0 = nil }
    }
}
