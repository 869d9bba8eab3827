import Foundation

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
        let results = ResultSlots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var state = makeState()
            let chunk = (items.count + workers - 1) / workers
            for index in (worker * chunk)..<min(items.count, (worker + 1) * chunk) {
                results.set(index, transform(&state, items[index]))
            }
        }
        return results.values
    }
}

/// Write-once slots that workers fill at disjoint indices.
private final class ResultSlots<Output>: @unchecked Sendable {
    private var storage: [Output?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    // Safe without a lock: each index is written by exactly one worker, and the array is
    // only read after concurrentPerform has returned.
    func set(_ index: Int, _ value: Output) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [Output] { storage.map { $0! } }
}
