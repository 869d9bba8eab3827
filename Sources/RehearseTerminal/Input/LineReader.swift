/// What reading a line produced.
public enum LineInput: Sendable, Equatable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C: the line being typed was dropped.
    case interrupted
    /// End of input (Ctrl-D, or the end of a pipe).
    case end
}

/// Where the interviewer's dialogue reads a person's lines from: readline on a terminal,
/// plain standard input in a pipe, a script in tests.
public protocol LineReader {
    /// The next line; `prompt` is shown only where a person is typing.
    mutating func readLine(prompt: String) -> LineInput
}
