import Foundation

/// Maps `items` on every core, each worker with its own state (a scorer: libstemmer is not
/// thread-safe), keeping the input order. A worker is started only for every
/// `minimumPerWorker` items: below that, starting it costs more than it saves.
enum ParallelMap {
    static func map<Item: Sendable, State, Output: Sendable>(
        _ items: [Item], minimumPerWorker: Int = 256, makeState: @Sendable () -> State, transform: @Sendable (inout State, Item) -> Output
    ) -> [Output] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / minimumPerWorker))
        if workers == 1 {
            var state = makeState()
            return items.map { transform(&state, $0) }
        }
        // Each worker fills its own run of the result in place: gathering per-worker arrays
        // and joining them copied (and retained, then released) every output once more.
        let chunk = (items.count + workers - 1) / workers
        return [Output](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var state = makeState()
                for index in min(items.count, worker * chunk)..<min(items.count, (worker + 1) * chunk) {
                    (slots.base + index).initialize(to: transform(&state, items[index]))
                }
            }
            initialized = items.count
        }
    }

    /// The result's storage, shared by workers that each write only their own run of it.
    private struct Slots<Output>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Output>
    }
}
