import Foundation
import NIOCore
import Synchronization

/// The daemon's sessions by id, and which are live, readable and updatable from any request
/// without queueing on an actor: each operation is a few dictionary steps under a lock.
///
/// Ended sessions stay findable until they are forgotten, but only the newest `keptEnded` stay
/// in memory: older ones are remembered by their transcript's path and read back from it when
/// asked for, so a daemon that ends sessions fast does not fill its memory with them.
final class SessionDirectory: Sendable {
    /// Where a session is.
    enum Place {
        /// In memory, live or ended.
        case warm(LiveSession)
        /// Ended and out of memory: its transcript.
        case cold(path: String)
        case absent
    }

    /// An ended session not forgotten yet, and when it ended.
    private struct Ended {
        let id: String
        let at: Date
    }

    private struct State {
        var sessions: [String: LiveSession] = [:]
        var live: Set<String> = []
        /// Ended sessions, in memory or not, in the order they ended: forgetting takes them
        /// from the front, without looking at the rest.
        var ended = CircularBuffer<Ended>()
        /// Ended sessions in memory, oldest first.
        var warm = CircularBuffer<String>()
        /// The transcripts of ended sessions that left memory before they were forgotten.
        var cold: [String: String] = [:]
    }

    // One mutex over all of it; LiveSession is an actor, so handing it out is safe.
    private let state = Mutex(State())
    private let keptEnded: Int

    /// A directory keeping at most `keptEnded` ended sessions in memory (at least one).
    init(keptEnded: Int = .max) {
        self.keptEnded = max(1, keptEnded)
    }

    subscript(id: String) -> LiveSession? {
        get { state.withLock { $0.sessions[id] } }
        set { state.withLock { $0.sessions[id] = newValue } }
    }

    /// Where session `id` is, in one look (a session read back meanwhile is found either way).
    func place(of id: String) -> Place {
        state.withLock { state in
            if let session = state.sessions[id] { return .warm(session) }
            if let path = state.cold[id] { return .cold(path: path) }
            return .absent
        }
    }

    /// The transcript of ended session `id` if it is out of memory and not forgotten.
    func coldPath(of id: String) -> String? {
        if case .cold(let path) = place(of: id) { path } else { nil }
    }

    var all: [LiveSession] { state.withLock { Array($0.sessions.values) } }

    /// Unfinished sessions.
    var liveCount: Int { state.withLock { $0.live.count } }

    /// Ids of unfinished sessions.
    var liveIDs: [String] { state.withLock { Array($0.live) } }

    /// Ended sessions held in memory.
    var warmCount: Int { state.withLock { $0.warm.count } }

    /// Takes a live place for `id` if fewer than `limit` are taken.
    func reserve(_ id: String, limit: Int) -> Bool {
        state.withLock {
            guard $0.live.count < limit else { return false }
            $0.live.insert(id)
            return true
        }
    }

    /// Adds a recovered session.
    func restore(_ session: LiveSession) {
        state.withLock {
            $0.sessions[session.id] = session
            $0.live.insert(session.id)
        }
    }

    /// Adds a session found ended in the transcripts folder at `path`, out of memory until it
    /// is asked for. Added oldest first, they are forgotten in order.
    func restoreEnded(_ id: String, path: String, at time: Date) {
        state.withLock { state in
            guard state.sessions[id] == nil, state.cold[id] == nil else { return }
            state.cold[id] = path
            state.ended.append(Ended(id: id, at: time))
        }
    }

    /// Forgets a session that could not be started.
    func discard(_ id: String) {
        state.withLock {
            $0.sessions[id] = nil
            $0.live.remove(id)
        }
    }

    /// Notes that a session ended at `time`, so it no longer counts as live; the oldest ended
    /// session in memory leaves it if that makes one too many.
    func ended(_ id: String, at time: Date) {
        state.withLock { state in
            guard state.live.remove(id) != nil else { return }
            state.ended.append(Ended(id: id, at: time))
            state.warm.append(id)
            Self.cool(&state, keeping: keptEnded)
        }
    }

    /// Puts back in memory ended session `session`, read back from its transcript; returns
    /// the one in memory instead if another request put it back first.
    func warmAgain(_ session: LiveSession) -> LiveSession {
        state.withLock { state in
            if let present = state.sessions[session.id] { return present }
            // Forgotten meanwhile: served this once, not kept.
            guard state.cold.removeValue(forKey: session.id) != nil else { return session }
            state.sessions[session.id] = session
            state.warm.append(session.id)
            Self.cool(&state, keeping: keptEnded)
            return session
        }
    }

    /// Forgets ended session `id` now if it is out of memory: its transcript could not be
    /// read back (removed, changed, or its scenario is gone), and would not be next time.
    func forgetCold(_ id: String) {
        _ = state.withLock { $0.cold.removeValue(forKey: id) }
    }

    /// Forgets sessions that ended before `cutoff`, in memory or not.
    func forget(endedBefore cutoff: Date) {
        state.withLock { state in
            var forgotWarm = false
            while let first = state.ended.first, first.at < cutoff {
                state.ended.removeFirst()
                if state.sessions.removeValue(forKey: first.id) != nil { forgotWarm = true }
                state.cold[first.id] = nil
            }
            if forgotWarm { state.warm = CircularBuffer(state.warm.filter { state.sessions[$0] != nil }) }
        }
    }

    /// Moves the oldest ended sessions out of memory until at most `kept` are in it.
    private static func cool(_ state: inout State, keeping kept: Int) {
        while state.warm.count > kept {
            let id = state.warm.removeFirst()
            guard let session = state.sessions.removeValue(forKey: id) else { continue }
            state.cold[id] = session.path
        }
    }
}
