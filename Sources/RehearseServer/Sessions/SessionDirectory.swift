import Foundation

/// The daemon's sessions by id, and which are live, readable and updatable from any request
/// without queueing on an actor: each operation is a few dictionary steps under a lock.
final class SessionDirectory: @unchecked Sendable {
    // NSLock guards all three; LiveSession is an actor, so handing it out is safe.
    private let lock = NSLock()
    private var sessions: [String: LiveSession] = [:]
    private var live: Set<String> = []
    private var finishedAt: [String: Date] = [:]

    subscript(id: String) -> LiveSession? {
        get { lock.withLock { sessions[id] } }
        set { lock.withLock { sessions[id] = newValue } }
    }

    var all: [LiveSession] { lock.withLock { Array(sessions.values) } }

    /// Unfinished sessions.
    var liveCount: Int { lock.withLock { live.count } }

    /// Ids of unfinished sessions.
    var liveIDs: [String] { lock.withLock { Array(live) } }

    /// Takes a live place for `id` if fewer than `limit` are taken.
    func reserve(_ id: String, limit: Int) -> Bool {
        lock.withLock {
            guard live.count < limit else { return false }
            live.insert(id)
            return true
        }
    }

    /// Adds a recovered session.
    func restore(_ session: LiveSession) {
        lock.withLock {
            sessions[session.id] = session
            live.insert(session.id)
        }
    }

    /// Forgets a session that could not be started.
    func discard(_ id: String) {
        lock.withLock {
            sessions[id] = nil
            live.remove(id)
        }
    }

    /// Notes that a session ended at `time`, so it no longer counts as live.
    func ended(_ id: String, at time: Date) {
        lock.withLock {
            guard live.remove(id) != nil else { return }
            finishedAt[id] = time
        }
    }

    /// Forgets sessions that ended before `cutoff`.
    func forget(endedBefore cutoff: Date) {
        lock.withLock {
            for (id, at) in finishedAt where at < cutoff {
                sessions[id] = nil
                finishedAt[id] = nil
            }
        }
    }
}
