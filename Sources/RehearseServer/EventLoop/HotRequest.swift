import HTTPTypes
import Hummingbird
import Logging

/// A request ``HotRoutes`` answers: its head, its id (as the router's replies carry it) and
/// when it was read, for the log line every request gets.
struct HotRequest: Sendable {
    let head: HTTPRequest
    let started: ContinuousClock.Instant
    let id = RequestID().description

    /// `X-Request-Id`, as ``APIMiddleware`` sets it.
    static let requestIDField = HTTPField.Name("X-Request-Id")!

    /// `base` with this request's id, as the router's request loggers carry it; made only
    /// when something is logged.
    func logger(_ base: Logger) -> Logger {
        var logger = base
        logger[metadataKey: "hb.request.id"] = "\(id)"
        return logger
    }

    /// The line ``APIMiddleware`` logs for every request: debug, or error for a 5xx.
    func log(_ status: HTTPResponse.Status, to base: Logger) {
        let level: Logger.Level = status.code >= 500 ? .error : .debug
        guard base.logLevel <= level else { return }
        let millis = Double((ContinuousClock.now - started) / .microseconds(1)) / 1000
        logger(base).log(level: level, "\(head.method) \(head.path ?? "") \(status.code)", metadata: ["ms": "\(String(format: "%.2f", millis))"])
    }
}
