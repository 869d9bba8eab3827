import Foundation
import Synchronization

/// The daemon's sessions by id, and which are live, readable and updatable from any request
/// without queueing on an actor: each operation is a few dictionary steps under a lock.
final class SessionDirectory: Sendable {
    private struct State {
        var sessions: [String: LiveSession] = [:]
        var live: Set<String> = []
        var finishedAt: [String: Date] = [:]
    }

    // One mutex over all three; LiveSession is an actor, so handing it out is safe.
    private let state = Mutex(State())

    subscript(id: String) -> LiveSession? {
        get { state.withLock { $0.sessions[id] } }
        set { state.withLock { $0.sessions[id] = newValue } }
    }

    var all: [LiveSession] { state.withLock { Array($0.sessions.values) } }

    /// Unfinished sessions.
    var liveCount: Int { state.withLock { $0.live.count } }

    /// Ids of unfinished sessions.
    var liveIDs: [String] { state.withLock { Array($0.live) } }

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

    /// Notes that a session ended at `time`, so it no longer counts as live.
    func ended(_ id: String, at time: Date) {
        state.withLock {
            guard $0.live.remove(id) != nil else { return }
            $0.finishedAt[id] = time
        }
    }

    /// Forgets sessions that ended before `cutoff`.
    func forget(endedBefore cutoff: Date) {
        state.withLock { state in
            for (id, at) in state.finishedAt where at < cutoff {
                state.sessions[id] = nil
                state.finishedAt[id] = nil
            }
        }
    }
}
