/// Joins the lines of one answer, so that an answer in several lines is not sent half-typed.
/// A plain answer is one line. A line ending in `\\` or `:` ("For example:") continues on the
/// next; a line of ``` opens a code block that runs to the next ``` line; Alt-Enter puts a new
/// line inside one line (readline), which needs nothing here.
public struct AnswerAssembler {
    /// One answer read, or why there is none.
    public enum Result: Sendable, Equatable {
        /// A whole answer.
        case answer(String)
        /// Ctrl-C dropped a half-typed answer.
        case interrupted
        /// End of input; anything typed before it was returned first.
        case end
        /// End of input inside an open ``` block: the unfinished answer was not sent.
        case discarded
    }

    /// Reads one whole answer with `reader`, showing `prompt` first and `continuation` after.
    /// At end of input whatever was typed is returned first, so nothing typed is lost, except
    /// an open code block: half a block is not an answer, so it ends the session unsent.
    public static func read(from reader: inout some LineReader, prompt: String, continuation: String) -> Result {
        var lines: [String] = []
        var inFence = false
        while true {
            let input = reader.readLine(prompt: lines.isEmpty ? prompt : continuation)
            switch input {
            case .end:
                if inFence { return .discarded }
                return lines.isEmpty ? .end : .answer(lines.joined(separator: "\n"))
            case .interrupted:
                return .interrupted
            case .line(let line):
                let fence = line.trimmingCharacters(in: .whitespaces).hasPrefix("```")
                if inFence {
                    lines.append(line)
                    if fence {
                        inFence = false
                        if isComplete(lines) { return .answer(lines.joined(separator: "\n")) }
                    }
                } else if fence {
                    lines.append(line)
                    inFence = true
                } else if line.hasSuffix("\\") {
                    lines.append(String(line.dropLast()))
                } else if continues(line) {
                    lines.append(line)
                } else {
                    lines.append(line)
                    return .answer(lines.joined(separator: "\n"))
                }
            }
        }
    }

    /// "For example:" announces more: the next line belongs to the same answer.
    private static func continues(_ line: String) -> Bool {
        line.trimmingCharacters(in: .whitespaces).hasSuffix(":")
    }

    /// After a closing fence the answer ends unless the fence line itself asked to continue.
    private static func isComplete(_ lines: [String]) -> Bool { !(lines.last?.hasSuffix("\\") ?? false) }
}
