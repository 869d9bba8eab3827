import Foundation
import Logging
import Synchronization

/// How long a connection may idle or take over a request, and how many may be open: a client
/// that opens connections and sends nothing, or sends its headers a byte at a time, must not
/// lock everyone else out of the daemon.
public struct ConnectionLimits: Sendable {
    /// A connection that sends nothing for this long is closed.
    public var idleTimeout: Duration
    /// A request must be read in full within this long of the connection opening or the
    /// previous request ending; slow-header and slow-body clients are closed.
    public var requestTimeout: Duration
    /// Connections open at once; more are closed as they arrive, with a log line.
    public var maxConnections: Int

    /// Creates limits.
    public init(idleTimeout: Duration = .seconds(60), requestTimeout: Duration = .seconds(30), maxConnections: Int = 4096) {
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
        self.maxConnections = maxConnections
    }

    /// The most connections `openFiles` descriptors allow while `sessions` transcripts are
    /// open, keeping some for the daemon's own files.
    public static func connections(openFiles: Int, sessions: Int) -> Int {
        max(16, openFiles - min(sessions, openFiles / 2) - 64)
    }
}

/// The daemon-wide count of open connections, shared by every connection's guard.
final class ConnectionCount: Sendable {
    let limits: ConnectionLimits
    private let open = Atomic<Int>(0)
    /// When the last "too many connections" line was logged, so a flood logs once a second.
    private let lastWarning = Mutex<ContinuousClock.Instant?>(nil)
    private let logger: Logger

    init(limits: ConnectionLimits, logger: Logger) {
        self.limits = limits
        self.logger = logger
    }

    /// Counts a new connection; `false` (and it is not counted) when the daemon is at its cap.
    func admit() -> Bool {
        let now = open.add(1, ordering: .relaxed).newValue
        guard now > limits.maxConnections else { return true }
        open.subtract(1, ordering: .relaxed)
        let due = lastWarning.withLock { last -> Bool in
            let time = ContinuousClock.now
            guard last.map({ time - $0 >= .seconds(1) }) ?? true else { return false }
            last = time
            return true
        }
        if due {
            logger.warning(
                "refusing connections: \(limits.maxConnections) are open (--max-connections; idle ones close after \(limits.idleTimeout))")
        }
        return false
    }

    /// Uncounts a connection that closed.
    func release() { open.subtract(1, ordering: .relaxed) }

    /// Connections open now.
    var current: Int { open.load(ordering: .relaxed) }
}
