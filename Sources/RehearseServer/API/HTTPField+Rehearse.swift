import HTTPTypes

extension HTTPField.Name {
    /// `X-Request-Id`, on every reply. Cannot fail: it is a valid header-name token.
    static let requestID = HTTPField.Name("X-Request-Id")!
}
