/// A body of the HTTP API described by a schema of docs/api.yaml, so a test can check that
/// the document and the types name the same fields.
public protocol APISchema {
    /// The schema's name under `components/schemas` in docs/api.yaml.
    static var schemaName: String { get }
    /// Every JSON field the type reads or writes.
    static var fieldNames: [String] { get }
}
