import Foundation
import Synchronization

/// The sessions a PostgreSQL-backed daemon keeps in memory, so the next input of a session it
/// served reuses the engine instead of rebuilding it from the store. Bounded: the least
/// recently used is dropped (it is in the database, so nothing is lost, only warmth).
final class SessionCache: Sendable {
    private struct Entry {
        let session: LiveSession
        var used: UInt64
        var at: Date
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var tick: UInt64 = 0
    }

    private let state = Mutex(State())
    private let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The cached session `id`, marked as just used.
    func get(_ id: String, at time: Date) -> LiveSession? {
        state.withLock { state in
            guard var entry = state.entries[id] else { return nil }
            state.tick += 1
            entry.used = state.tick
            entry.at = time
            state.entries[id] = entry
            return entry.session
        }
    }

    /// Keeps `session`, dropping the least recently used one when over the limit.
    func put(_ session: LiveSession, at time: Date) {
        state.withLock { state in
            state.tick += 1
            state.entries[session.id] = Entry(session: session, used: state.tick, at: time)
            guard state.entries.count > limit else { return }
            if let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key { state.entries[oldest] = nil }
        }
    }

    /// Drops `id` if it is still `session` (a newer copy put meanwhile stays), or whatever is
    /// cached for `id` when `session` is nil.
    func drop(_ id: String, ifStill session: LiveSession? = nil) {
        state.withLock { state in
            guard let entry = state.entries[id] else { return }
            if let session, entry.session !== session { return }
            state.entries[id] = nil
        }
    }

    /// Drops sessions not used since `cutoff`.
    func drop(unusedSince cutoff: Date) {
        state.withLock { state in state.entries = state.entries.filter { $0.value.at >= cutoff } }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
