/// One file of the repo's `Scenarios/`, `config/` or `Web/` folder, compiled into the binary.
public struct BundledFile: Sendable {
    /// The path as it stands in the repo, e.g. `Scenarios/banks/django.yaml`.
    public let path: String
    /// The file's text.
    public let text: String

    /// Creates a bundled file.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
