@preconcurrency import CReadline
import Foundation

// The only file that touches readline's C globals. readline is process-wide state, so these
// globals are too; C callbacks must be top-level functions without captures.

/// Set by the SIGINT handler, read by `readKey`.
nonisolated(unsafe) private var interruptRequested: sig_atomic_t = 0
/// Set by SIGTERM and SIGHUP: the session ends as at end of input, with its report and a
/// restored terminal, instead of dying in raw mode.
nonisolated(unsafe) private var terminateRequested: sig_atomic_t = 0
/// Whether the last `readline()` call ended because of Ctrl-C.
nonisolated(unsafe) private var lastReadInterrupted = false
/// The words Tab completes.
nonisolated(unsafe) private var completionWords: [String] = []
nonisolated(unsafe) private var completionIndex = 0

private func onInterrupt(_: Int32) {
    interruptRequested = 1
}

private func onTerminate(_: Int32) {
    terminateRequested = 1
}

/// readline's input function. SIGINT is installed without SA_RESTART, so Ctrl-C interrupts the
/// read: the line being typed is dropped and a newline ends it, and `readLine` reports
/// `.interrupted` instead of ending the program.
private func readKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let descriptor = stream.map { fileno($0) } ?? STDIN_FILENO
    while true {
        if terminateRequested != 0 { return EOF }
        var byte: UInt8 = 0
        let count = read(descriptor, &byte, 1)
        if count == 1 { return Int32(byte) }
        if count == 0 { return EOF }
        guard errno == EINTR else { return EOF }
        if interruptRequested != 0 {
            interruptRequested = 0
            lastReadInterrupted = true
            rl_replace_line("", 0)
            _ = write(STDOUT_FILENO, "^C", 2)
            return Int32(UInt8(ascii: "\n"))
        }
    }
}

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { completionIndex = 0 }
    let prefix = text.map { String(cString: $0) } ?? ""
    while completionIndex < completionWords.count {
        let word = completionWords[completionIndex]
        completionIndex += 1
        if word.hasPrefix(prefix) { return strdup(word) }
    }
    return nil
}

/// Completes slash commands at the start of the line and nothing else (no file names).
private func attemptCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    guard start == 0, let text, text.pointee == CChar(UInt8(ascii: "/")) else { return nil }
    return rl_completion_matches(text, completionGenerator)
}

/// Reads lines with GNU readline: line editing, history kept across sessions, Tab completion
/// of slash commands, and Ctrl-C that clears the line instead of ending the program.
public final class ReadlineReader: LineReader {
    private let historyFile: String?

    /// Creates a reader; with `historyFile`, history is loaded now and each line appended to it.
    public init(historyFile: String?, completions: [String]) {
        self.historyFile = historyFile
        completionWords = completions
        rl_readline_name = UnsafePointer(strdup("rehearse"))
        rl_attempted_completion_function = attemptCompletion
        // readline's own SIGINT handling would end the program; ours keeps the session going.
        rl_catch_signals = 0
        rl_getc_function = readKey
        Self.handle(SIGINT, with: onInterrupt)
        Self.handle(SIGTERM, with: onTerminate)
        Self.handle(SIGHUP, with: onTerminate)
        // A parent may hand us SIGINT blocked; Ctrl-C must reach the handler.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        // Alt-Enter puts a new line into the answer instead of sending it (quoted-insert of ^J).
        _ = rl_parse_and_bind(strdup("\"\\e\\r\": \"\\C-v\\C-j\""))
        using_history()
        if let historyFile {
            Self.prepare(historyFile)
            _ = read_history(historyFile)
            _ = history_truncate_file(historyFile, 1000)
        }
    }

    public func readLine(prompt: String) -> LineInput {
        lastReadInterrupted = false
        interruptRequested = 0
        guard let raw = readline(prompt) else { return .end }
        defer { free(raw) }
        if lastReadInterrupted { return .interrupted }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty {
            add_history(raw)
            if let historyFile { _ = append_history(1, historyFile) }
        }
        return .line(line)
    }

    private static func handle(_ signal: Int32, with handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: the read must see EINTR
        sigaction(signal, &action, nil)
    }

    /// History holds answers, which are personal: the folder is 0700 and the file 0600.
    private static func prepare(_ file: String) {
        let folder = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: file) {
            _ = FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600])
        }
    }
}
