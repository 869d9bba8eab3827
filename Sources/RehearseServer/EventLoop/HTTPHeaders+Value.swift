import NIOHTTP1

extension HTTPHeaders {
    /// The value of the field `name` (any case) as Hummingbird's router reads it, after the
    /// conversion to Swift HTTP Types, whose subscript joins fields of the same name with
    /// commas: so a request with two `Authorization` fields gets the same answer here as there.
    func value(of name: String) -> String? {
        let values = self[name]
        return values.count > 1 ? values.joined(separator: ", ") : values.first
    }
}
