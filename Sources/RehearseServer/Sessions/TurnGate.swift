/// Lets one input of a session run at a time, in arrival order, across the actor's
/// suspension points: an input's lines are flushed before the next is handled, so undoing an
/// input whose flush failed can never undo another's.
struct TurnGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Whether the caller may go now; if not, it must wait with ``enqueue(_:)``.
    mutating func tryEnter() -> Bool {
        guard !busy else { return false }
        busy = true
        return true
    }

    /// Waits for a turn; the turn is handed over by ``leave()``.
    mutating func enqueue(_ continuation: CheckedContinuation<Void, Never>) {
        waiting.append(continuation)
    }

    /// Ends the current turn, handing it to the next in line.
    mutating func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
