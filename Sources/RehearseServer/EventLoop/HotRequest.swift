import HTTPTypes
import Logging
import NIOHTTP1

/// A request ``HotRoutes`` answers: its head, its id (as the router's replies carry it) and
/// when it was read, for the log line every request gets.
struct HotRequest: Sendable {
    let head: HTTPRequestHead
    let started: ContinuousClock.Instant
    let id = HotRequestID.next()

    /// `base` with this request's id, as the router's request loggers carry it; made only
    /// when something is logged.
    func logger(_ base: Logger) -> Logger {
        var logger = base
        logger[metadataKey: "hb.request.id"] = "\(id)"
        return logger
    }

    /// The line every request gets.
    func log(_ status: HTTPResponse.Status, to base: Logger) {
        base.logRequest(head.method.rawValue, head.uri, status, since: started, requestID: id)
    }
}
