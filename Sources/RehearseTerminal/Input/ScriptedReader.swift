/// Replays a fixed list of inputs, for tests; records the prompts it was shown.
public struct ScriptedReader: LineReader {
    private var inputs: [LineInput]
    /// Every prompt shown so far.
    public private(set) var prompts: [String] = []

    /// Creates a reader that returns `inputs` in order, then `.end`.
    public init(_ inputs: [LineInput]) {
        self.inputs = inputs
    }

    /// Creates a reader of plain lines.
    public init(lines: [String]) {
        self.init(lines.map(LineInput.line))
    }

    public mutating func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .end : inputs.removeFirst()
    }
}
