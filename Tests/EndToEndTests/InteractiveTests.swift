import Foundation
import Testing

/// The readline interviewer in a real terminal, driven by tmux: the prompt, history, Tab
/// completion, Ctrl-C and Ctrl-D. Skipped, with a message, where tmux is missing.
@Suite final class InteractiveTests {
    let runner: BinaryRunner
    let socket = "rehearse-test-\(UUID().uuidString.prefix(8))"

    init() throws { runner = try BinaryRunner() }

    deinit { runner.cleanUp() }

    static let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Starts a tmux server with no inherited descriptors: Foundation's `Process` watches a
    /// socket it hands the child, and a daemonised tmux server would hold it (and other tests'
    /// pipes) open forever.
    static func startServer(_ socket: String, _ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in 0...2 {
            posix_spawn_file_actions_addopen(&actions, Int32(descriptor), "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap(Int32.init) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let argv = ([tmuxPath ?? "/usr/bin/tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // Test-runner threads block signals; tmux and the program must start with none blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid = pid_t()
        guard posix_spawn(&pid, argv[0]!, &actions, &attributes, argv, environ) == 0 else {
            throw CocoaError(.executableLoad)
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    @discardableResult
    static func tmux(_ socket: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmuxPath ?? "/usr/bin/tmux")
        process.arguments = ["-L", socket] + arguments
        let output = arguments.first == "capture-pane" ? Pipe() : nil
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func screen() throws -> [String] {
        try Self.tmux(socket, ["capture-pane", "-p", "-t", "s"]).split(separator: "\n").map(String.init)
    }

    /// Waits (bounded) until the screen satisfies `condition`.
    func waitFor(_ description: String, seconds: Double = 10, _ condition: ([String]) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(try screen()) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(description); screen:\n\(try screen().joined(separator: "\n"))")
        return false
    }

    func keys(_ keys: String...) throws { try Self.tmux(socket, ["send-keys", "-t", "s"] + keys) }

    /// The last line on screen with text.
    func lastLine(_ lines: [String]) -> String { lines.last(where: { !$0.isEmpty }) ?? "" }

    /// Starts `practice` (seed 1, no follow-ups) in a tmux window of `columns`×`rows` with a
    /// private home; `false`, with a message, where tmux is missing. The caller kills the server.
    func startPractice(count: Int, columns: Int, rows: Int) throws -> Bool {
        guard Self.tmuxPath != nil else {
            print("skipped: tmux is not installed (apt-get install tmux)")
            return false
        }
        let home = runner.home.path
        let command =
            "env -i HOME=\(home) XDG_STATE_HOME=\(home)/state TERM=xterm PATH=/usr/bin:/bin "
            + "\(BinaryRunner.binary.path) practice --seed 1 --count \(count) --no-follow-up --transcripts \(home)/t; sleep 60"
        try Self.startServer(socket, ["new-session", "-d", "-s", "s", "-x", String(columns), "-y", String(rows), command])
        return true
    }

    @Test func promptHistoryCompletionInterruptAndEnd() throws {
        guard try startPractice(count: 2, columns: 120, rows: 50) else { return }
        defer { _ = try? Self.tmux(socket, ["kill-server"]) }
        let home = runner.home.path

        guard try waitFor("the first prompt", { lastLine($0) == "answer›" }) else { return }
        try keys("the MVT pattern and middleware", "Enter")
        guard try waitFor("the second question", { $0.contains { $0.hasPrefix("Question 2/2") } && lastLine($0) == "answer›" }) else { return }

        try keys("Up")
        #expect(try waitFor("Up to recall the previous answer", { lastLine($0) == "answer› the MVT pattern and middleware" }))
        try keys("C-u", "/hi", "Tab")
        #expect(try waitFor("Tab to complete /hint", { lastLine($0) == "answer› /hint" }))
        try keys("C-c")
        #expect(
            try waitFor(
                "Ctrl-C to clear the line",
                { lines in
                    lines.contains { $0.hasPrefix("answer› /hint") && $0.hasSuffix("^C") } && lastLine(lines) == "answer›"
                }))
        try keys("C-d")
        #expect(
            try waitFor(
                "Ctrl-D to end with the report",
                { lines in
                    lines.contains("Your results") && lines.contains { $0.hasPrefix("Transcript: ") }
                }))
        let history = try String(contentsOfFile: "\(home)/state/rehearse/history", encoding: .utf8)
        #expect(history.contains("the MVT pattern and middleware"))
    }

    /// Multi-line answers (issue 16, item 3): "For example:" continues, Alt-Enter adds a line,
    /// the continuation prompt shows, and Ctrl-D inside an open ``` block sends nothing.
    @Test func multiLineAnswersAreNotSentHalfTyped() throws {
        guard try startPractice(count: 3, columns: 120, rows: 50) else { return }
        defer { _ = try? Self.tmux(socket, ["kill-server"]) }
        let home = runner.home.path

        guard try waitFor("the first prompt", { lastLine($0) == "answer›" }) else { return }
        try keys("It keeps a cache. For example:", "Enter")
        #expect(try waitFor("the continuation prompt after a colon", { lastLine($0) == "…›" }))
        try keys("cache.set(key, value)", "Enter")
        guard try waitFor("the second question", { $0.contains { $0.hasPrefix("Question 2/3") } && lastLine($0) == "answer›" }) else { return }
        try keys("first line", "M-Enter", "second line", "Enter")
        guard try waitFor("the third question", { $0.contains { $0.hasPrefix("Question 3/3") } && lastLine($0) == "answer›" }) else { return }
        try keys("```python", "Enter")
        #expect(try waitFor("the continuation prompt in a block", { lastLine($0) == "…›" }))
        try keys("x = 1", "Enter", "C-d")
        #expect(try waitFor("Ctrl-D in the block", { $0.contains { $0.contains("unfinished answer was not sent") } && $0.contains("Your results") }))
        let transcript = try FileManager.default.contentsOfDirectory(atPath: "\(home)/t").first { $0.hasSuffix(".jsonl") }
        let text = try String(contentsOfFile: "\(home)/t/" + (transcript ?? ""), encoding: .utf8)
        let answers = text.split(separator: "\n").filter { $0.contains(#""type":"answer""#) }
        #expect(answers.count == 2, "the block was not sent")
        #expect(answers.first?.contains(#"For example:\ncache.set(key, value)"#) == true, "\(answers)")
        #expect(answers.last?.contains(#"first line\nsecond line"#) == true, "\(answers)")
    }

    /// At 60 columns the interviewer's prose wraps at words (tmux would otherwise cut "would"
    /// into "wou" and "ld"), and the closing table fits (issue 16, item 1).
    @Test func proseWrapsAtWordsInANarrowTerminal() throws {
        guard try startPractice(count: 1, columns: 60, rows: 60) else { return }
        defer { _ = try? Self.tmux(socket, ["kill-server"]) }
        guard try waitFor("the first prompt", { lastLine($0) == "answer›" }) else { return }
        let greeting =
            "Hi, I'm Sam. I'll ask you one question about Python web frameworks - Django, Flask and FastAPI. "
            + "Answer as you would in a real interview; type /help at any time."
        let shown = try screen()
        let words = Set(shown.flatMap { $0.split(separator: " ").map(String.init) })
        for word in greeting.split(separator: " ").map(String.init) {
            #expect(words.contains(word) || words.contains("Sam: " + word), "\"\(word)\" was cut: \(shown)")
        }
        try keys("Middleware wraps every request and response, like layers around the view, for sessions and auth.", "Enter")
        #expect(try waitFor("the report", { $0.contains("Your results") }))
        #expect(try screen().allSatisfy { $0.count <= 60 })
    }
}
