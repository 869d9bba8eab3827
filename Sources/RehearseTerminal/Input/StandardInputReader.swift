/// Reads lines from standard input without prompting, for pipes and scripts.
public struct StandardInputReader: LineReader {
    /// Creates a reader.
    public init() {}

    /// Ignores the prompt: echoing it would mix it into the answer stream.
    public mutating func readLine(prompt: String) -> LineInput {
        Swift.readLine(strippingNewline: true).map(LineInput.line) ?? .end
    }
}
