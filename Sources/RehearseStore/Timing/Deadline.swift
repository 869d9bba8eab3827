import Synchronization

/// Runs work that may wait on a database that is down, and gives up after a time. A task
/// group would wait for its cancelled child, and a query on a dead connection may not notice
/// cancellation soon: here the caller is answered at the deadline and the work is left to
/// finish or fail on its own.
public enum Deadline {
    /// What `run` throws when the time is up.
    public struct Expired: Error, CustomStringConvertible {
        public let seconds: Double
        public var description: String { "no answer from PostgreSQL within \(seconds) s" }
    }

    /// Who answers the caller: the work or the timer, whichever is first.
    private final class Race: Sendable {
        private let state = Mutex<(settled: Bool, work: Task<Void, Never>?, timer: Task<Void, Never>?)>((false, nil, nil))

        /// Whether the caller is the first to settle; the loser's task is cancelled.
        func claim() -> Bool {
            state.withLock { state in
                guard !state.settled else { return false }
                state.settled = true
                state.work?.cancel()
                state.timer?.cancel()
                return true
            }
        }

        func hold(work: Task<Void, Never>, timer: Task<Void, Never>) {
            state.withLock { state in
                state.work = work
                state.timer = timer
                if state.settled {
                    work.cancel()
                    timer.cancel()
                }
            }
        }
    }

    /// `operation`'s result, or ``Expired`` after `seconds`.
    public static func run<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let race = Race()
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let timer = Task {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                guard race.claim() else { return }
                continuation.resume(throwing: Expired(seconds: seconds))
            }
            let work = Task {
                let result: Result<T, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                guard race.claim() else { return }
                continuation.resume(with: result)
            }
            race.hold(work: work, timer: timer)
        }
    }
}
