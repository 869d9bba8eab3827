/// Where the interviewer's dialogue reads a person's lines from: readline on a terminal,
/// plain standard input in a pipe, a script in tests.
public protocol LineReader {
    /// The next line without its newline, or `nil` at end of input.
    mutating func readLine(prompt: String) -> String?
}
