import Synchronization

/// How many requests a daemon's ``HotRoutes`` answered rather than handed to the router: for
/// tests and benchmarks to tell which way requests went.
final class HotRouteCounter: Sendable {
    private let value = Atomic<Int>(0)

    func add() { value.add(1, ordering: .relaxed) }

    /// Requests answered so far.
    var count: Int { value.load(ordering: .relaxed) }
}
