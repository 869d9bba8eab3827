import Foundation
import Synchronization

/// Maps `items` on every core, each worker with its own state (a scorer: libstemmer is not
/// thread-safe), keeping the input order.
enum ParallelMap {
    static func map<Item: Sendable, State, Output: Sendable>(
        _ items: [Item], makeState: @Sendable () -> State, transform: @Sendable (inout State, Item) -> Output
    ) -> [Output] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / 256))
        if workers == 1 {
            var state = makeState()
            return items.map { transform(&state, $0) }
        }
        // One slot per worker, filled once with its whole chunk: a single lock per worker keeps
        // the workers from contending, and joining the chunks in worker order keeps input order.
        let chunks = Mutex<[[Output]]>(Array(repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var state = makeState()
            let chunk = (items.count + workers - 1) / workers
            let range = min(items.count, worker * chunk)..<min(items.count, (worker + 1) * chunk)
            let outputs = range.map { transform(&state, items[$0]) }
            chunks.withLock { $0[worker] = outputs }
        }
        return chunks.withLock { $0.flatMap { $0 } }
    }
}
