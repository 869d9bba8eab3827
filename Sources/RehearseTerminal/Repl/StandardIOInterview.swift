import Foundation
import RehearseCore

/// An interview on this process's standard input and output: GNU readline with history and
/// completion when both are a terminal, plain lines without prompts when either is a pipe, so
/// scripted sessions read the same answers every time.
public enum StandardIOInterview {
    /// Runs `session` to its end; `historyFile` keeps what was typed, for readline's ↑.
    public static func run(_ session: any InterviewDriver, renderer: MessageRenderer, historyFile: String) {
        let write: (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
        if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            let reader = ReadlineReader(historyFile: historyFile, completions: SessionCommand.spellings)
            var repl = InterviewREPL(session: session, reader: reader, renderer: renderer, interactive: true, write: write)
            repl.run()
        } else {
            var repl = InterviewREPL(session: session, reader: StandardInputReader(), renderer: renderer, interactive: false, write: write)
            repl.run()
        }
    }
}
