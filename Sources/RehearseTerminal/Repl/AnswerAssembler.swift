/// Joins the lines of one answer. A plain answer is one line. A line ending in `\` continues
/// on the next; a line of ``` opens a code block that runs to the next ``` line.
public struct AnswerAssembler {
    /// Reads one whole answer with `reader`, showing `prompt` first and `continuation` after.
    /// Returns `.interrupted` if Ctrl-C drops a half-typed answer, `.end` at end of input
    /// (with whatever was typed so far returned first, so nothing typed is lost).
    public static func read(from reader: inout some LineReader, prompt: String, continuation: String) -> LineInput {
        var lines: [String] = []
        var inFence = false
        while true {
            let input = reader.readLine(prompt: lines.isEmpty ? prompt : continuation)
            switch input {
            case .end:
                return lines.isEmpty ? .end : .line(lines.joined(separator: "\n"))
            case .interrupted:
                return .interrupted
            case .line(let line):
                let fence = line.trimmingCharacters(in: .whitespaces).hasPrefix("```")
                if inFence {
                    lines.append(line)
                    if fence {
                        inFence = false
                        if isComplete(lines) { return .line(lines.joined(separator: "\n")) }
                    }
                } else if fence {
                    lines.append(line)
                    inFence = true
                } else if line.hasSuffix("\\") {
                    lines.append(String(line.dropLast()))
                } else {
                    lines.append(line)
                    return .line(lines.joined(separator: "\n"))
                }
            }
        }
    }

    /// After a closing fence the answer ends unless the fence line itself asked to continue.
    private static func isComplete(_ lines: [String]) -> Bool { !(lines.last?.hasSuffix("\\") ?? false) }
}
