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
    private struct State {
        var sessions: [String: LiveSession] = [:]
        var live: Set<String> = []
        /// When each ended session ended, in memory or not, until it is forgotten.
        var endedAt: [String: Date] = [:]
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
            state.endedAt[id] = time
            state.warm.append(id)
            Self.cool(&state, keeping: keptEnded)
        }
    }

    /// The transcript of ended session `id` if it left memory and is not forgotten yet.
    func coldPath(of id: String) -> String? {
        state.withLock { $0.cold[id] }
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

    /// Forgets sessions that ended before `cutoff`, in memory or not.
    func forget(endedBefore cutoff: Date) {
        state.withLock { state in
            for (id, at) in state.endedAt where at < cutoff {
                state.sessions[id] = nil
                state.cold[id] = nil
                state.endedAt[id] = nil
            }
            state.warm = CircularBuffer(state.warm.filter { state.sessions[$0] != nil })
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
