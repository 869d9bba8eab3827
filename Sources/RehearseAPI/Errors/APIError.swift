/// A request body the API refuses: malformed JSON, an unknown field, a wrong type or a bad
/// value. The message names the field and says how to fix it; the daemon answers it as a 400.
public enum APIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the body.
    case badRequest(String)

    public var description: String {
        switch self {
        case .badRequest(let message): message
        }
    }
}
