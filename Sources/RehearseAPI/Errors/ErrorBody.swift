/// The body of every error reply: `{"error": "...", "code": "..."}`.
public struct ErrorBody: Codable, Sendable, Equatable, APISchema {
    /// What went wrong and how to fix it.
    public var error: String
    /// The kind of error; absent only in replies of daemons older than this field.
    public var code: ErrorCode?

    /// Creates an error body.
    public init(error: String, code: ErrorCode) {
        self.error = error
        self.code = code
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case error, code
    }

    public static let schemaName = "Error"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }
}
