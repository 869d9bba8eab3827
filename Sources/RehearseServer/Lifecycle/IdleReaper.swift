import Logging
import ServiceLifecycle

/// Ends sessions nobody has typed in for the idle timeout, checking a few times per timeout.
struct IdleReaper: Service {
    let hub: any SessionStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Shutdown cancels the sleep; that ends the loop and is not a failure.
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    let ended = await hub.reapIdle(logger: logger)
                    if ended > 0 { logger.info("ended idle sessions", metadata: ["count": "\(ended)"]) }
                }
            }
        } catch is CancellationError {}
    }
}
