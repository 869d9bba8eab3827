/// The text of one scenario or bank file and the path messages should show for it.
public struct ScenarioFile: Sendable {
    /// The path as the user named it, or `Scenarios/...` for built-in files.
    public var path: String
    /// The file's text.
    public var text: String
    /// Built into the binary: checked by the tests, so not measured against ``YAMLLimits``
    /// before each load (a second pass of libyaml over every bank at every start).
    public var builtIn: Bool

    /// Creates a file.
    public init(path: String, text: String, builtIn: Bool = false) {
        self.path = path
        self.text = text
        self.builtIn = builtIn
    }

    /// The bank name scenarios use: the file name without its extension.
    public var stem: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }
}
