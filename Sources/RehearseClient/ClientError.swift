import RehearseAPI

/// What can go wrong talking to a daemon, with what to do about it.
public enum ClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL given is not an http(s) URL.
    case badURL(String)
    /// The daemon could not be reached.
    case unreachable(url: String, reason: String)
    /// The daemon refused the request; `message` is its error, `code` its kind (when the
    /// daemon sent one).
    case refused(status: Int, code: ErrorCode?, message: String)
    /// The daemon answered something that is not its API.
    case badReply(String)

    public var description: String {
        switch self {
        case .badURL(let url): "\"\(url)\" is not a daemon URL (write it like http://127.0.0.1:7878)"
        case .unreachable(let url, let reason): "cannot reach the daemon at \(url): \(reason) (is `rehearse serve` running?)"
        case .refused(let status, _, let message): "the daemon said \(status): \(message)"
        case .badReply(let what): "the daemon's reply could not be read: \(what) (is the URL a rehearse daemon?)"
        }
    }
}
