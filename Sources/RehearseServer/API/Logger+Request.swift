import HTTPTypes
import Logging

extension Logger {
    /// The line every request gets, whichever way it was answered: debug, or error for a 5xx.
    /// `requestID` is added for a logger that does not carry it already.
    func logRequest(
        _ method: String, _ path: String, _ status: HTTPResponse.Status, since started: ContinuousClock.Instant,
        requestID: String? = nil
    ) {
        let level: Logger.Level = status.code >= 500 ? .error : .debug
        guard logLevel <= level else { return }
        let millis = (ContinuousClock.now - started) / .milliseconds(1)
        var metadata: Logger.Metadata = ["ms": "\(String(format: "%.2f", millis))"]
        if let requestID { metadata["hb.request.id"] = "\(requestID)" }
        log(level: level, "\(method) \(path) \(status.code)", metadata: metadata)
    }
}
