import Foundation
import Logging
import RehearseCore
import ServiceLifecycle
import Synchronization

/// Keeps a daemon's learned samples up to date with reviews given anywhere: read once before
/// the port opens and, on a shared store, every ``interval`` since (a grade given through this
/// daemon is learned at once, by the route that takes it).
final class ReviewLearner: Service, Sendable {
    /// How often a daemon on a shared store asks for new reviews.
    static let interval = Duration.seconds(2)

    let store: any SessionStore
    let learned: LearnedSamples?
    let interval: Duration?
    let logger: Logger
    /// Where the next read starts.
    private let next = Mutex<Date?>(nil)

    init(store: any SessionStore, learned: LearnedSamples?, interval: Duration?, logger: Logger) {
        self.store = store
        self.learned = learned
        self.interval = interval
        self.logger = logger
    }

    /// Learns every review given since the last read; a store that cannot be read is tried
    /// again next time (what was learned stays).
    func catchUp() async {
        guard let learned else { return }
        let since = next.withLock { $0 }
        do {
            let (samples, after) = try await store.reviewedSamples(since: since)
            learned.learn(samples)
            next.withLock { $0 = after }
            if since == nil, !samples.isEmpty { logger.info("learned from reviewed answers", metadata: ["answers": "\(samples.count)"]) }
        } catch {
            logger.warning("could not read reviewed answers", metadata: ["error": "\(error)"])
        }
    }

    func run() async throws {
        // A service that returns would stop the daemon: one with nothing to do waits.
        guard let interval, learned != nil else {
            try? await gracefulShutdown()
            return
        }
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    await self.catchUp()
                }
            }
        } catch is CancellationError {}
    }
}
