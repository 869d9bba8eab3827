import RehearseAPI

/// Every input id a session has seen, so that an input sent again — at the same moment, much
/// later, or after a restart — is answered with its reply and never recorded twice. Owned by
/// its session's actor.
struct InputLedger {
    /// What became of an input.
    typealias Outcome = Result<[WireMessage]?, ServerError>

    private enum Entry {
        /// Being handled; these resends wait for its outcome.
        case inFlight([CheckedContinuation<Outcome, Never>])
        /// Recorded; `nil` when the reply is not kept (before a restart, or long ago).
        case recorded([WireMessage]?)
    }

    private var entries: [String: Entry] = [:]
    /// Ids whose replies are kept, oldest first: a resend of an older one gets "already recorded".
    private var withReplies: [String] = []
    /// Replies kept per session; resends are of recent inputs, and the ids alone stay forever.
    static let repliesKept = 32

    /// What to do with an input carrying `id`.
    enum Decision {
        /// Handle it: the id is now in flight.
        case handle
        /// Seen before: here is its reply (`nil`: recorded, reply not kept).
        case answered([WireMessage]?)
        /// Being handled right now: wait for it.
        case wait
    }

    /// Looks `id` up, marking it in flight when it is new.
    mutating func begin(_ id: String) -> Decision {
        switch entries[id] {
        case .recorded(let reply)?: return .answered(reply)
        case .inFlight?: return .wait
        case nil:
            entries[id] = .inFlight([])
            return .handle
        }
    }

    /// Whether `id` has not been seen: ``begin(_:)`` would say to handle it.
    func isNew(_ id: String) -> Bool { entries[id] == nil }

    /// Waits, inside the owning actor, for the input in flight with `id`.
    mutating func enqueue(_ id: String, _ continuation: CheckedContinuation<Outcome, Never>) {
        guard case .inFlight(let waiters)? = entries[id] else { return continuation.resume(returning: .success(nil)) }
        entries[id] = .inFlight(waiters + [continuation])
    }

    /// Settles `id`: a recorded input keeps its reply; a failed one is forgotten, so sending it
    /// again handles it anew. Every waiter gets the same outcome.
    mutating func settle(_ id: String, _ outcome: Outcome) {
        guard case .inFlight(let waiters)? = entries[id] else { return }
        switch outcome {
        case .success(let reply):
            entries[id] = .recorded(reply)
            withReplies.append(id)
            if withReplies.count > Self.repliesKept {
                let oldest = withReplies.removeFirst()
                entries[oldest] = .recorded(nil)
            }
        case .failure:
            entries[id] = nil
        }
        for waiter in waiters { waiter.resume(returning: outcome) }
    }

    /// Notes ids recorded before a restart, whose replies were lost with it.
    mutating func remember(_ ids: [String]) {
        for id in ids where entries[id] == nil { entries[id] = .recorded(nil) }
    }
}
