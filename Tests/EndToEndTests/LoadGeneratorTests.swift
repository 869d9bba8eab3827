import Foundation
import Testing

/// `bench/loadgen`, the benchmark's one-thread load generator, built with the machine's C
/// compiler and run against the real daemon: what it counts must be what the daemon recorded.
@Suite("the benchmark's load generator counts what the daemon recorded")
struct LoadGeneratorTests {
    /// Compiles bench/loadgen/loadgen.c into `folder`; nil (with a message) without a compiler.
    static func build(into folder: URL) throws -> URL? {
        let compilers = ["/usr/bin/cc", "/usr/bin/clang", "/usr/bin/gcc"]
        guard let compiler = compilers.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped the load generator's check: no C compiler at \(compilers.joined(separator: ", "))")
            return nil
        }
        let output = folder.appendingPathComponent("loadgen")
        let source = BinaryRunner.packageRoot.appendingPathComponent("bench/loadgen/loadgen.c").path
        let result = try Self.run(compiler, ["-O2", "-std=c11", "-Wall", "-Wextra", "-Werror", "-o", output.path, source])
        #expect(result.status == 0, "the load generator does not build: \(result.stderr)")
        return result.status == 0 ? output : nil
    }

    static func run(_ path: String, _ arguments: [String]) throws -> BinaryRunner.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The `RESULT key=value …` line's figures.
    static func figures(_ output: String) -> [String: Double] {
        let line = output.split(separator: "\n").first { $0.hasPrefix("RESULT ") } ?? ""
        var figures: [String: Double] = [:]
        for pair in line.split(separator: " ").dropFirst() {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let value = Double(parts[1]) { figures[String(parts[0])] = value }
        }
        return figures
    }

    @Test("every session it counts is in the transcripts, whole; every answer it counts is recorded")
    func countsMatchTranscripts() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanUp() }
        guard let loadgen = try Self.build(into: runner.home) else { return }
        let daemon = try ServeProcess(runner: runner)
        let connections = 3
        let result = try Self.run(loadgen.path, ["-c", "\(connections)", "-d", "1.5", daemon.url])
        let (status, log) = daemon.stop()
        #expect(status == 0, "\(log)")
        #expect(result.status == 0, "\(result.stderr)")
        let figures = Self.figures(result.stdout)
        let answered = Int(figures["answered"] ?? -1)
        let sessions = Int(figures["sessions"] ?? -1)
        #expect(figures["errors"] == 0 && figures["http_errors"] == 0, "\(result.stdout)")
        #expect(answered > 0 && sessions > 0, "\(result.stdout)")
        #expect((figures["p50_ms"] ?? 0) > 0 && (figures["p99_ms"] ?? 0) >= (figures["p50_ms"] ?? 0), "\(result.stdout)")
        #expect((figures["cpu_s"] ?? -1) >= 0, "\(result.stdout)")
        #expect((figures["elapsed"] ?? 0) >= 1.5, "\(result.stdout)")

        let folder = daemon.transcripts.path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }
        var ended = 0
        var answerLines = 0
        for file in files {
            let lines = try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n")
            let answers = lines.filter { $0.contains(#""type":"answer""#) }.count
            answerLines += answers
            if lines.contains(where: { $0.contains(#""type":"session_end""#) }) {
                ended += 1
                #expect(answers == 5, "\(file) ended with \(answers) answers")
            }
        }
        // Each connection may have had one call acknowledged after the run's end, uncounted.
        #expect(ended >= sessions && ended <= sessions + connections, "ended \(ended), counted \(sessions)")
        #expect(answerLines >= answered && answerLines <= answered + connections, "recorded \(answerLines), counted \(answered)")
    }

    @Test("a pause before each answer holds the load down, and bad options fail with a message")
    func pausesAndBadOptions() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanUp() }
        guard let loadgen = try Self.build(into: runner.home) else { return }
        let daemon = try ServeProcess(runner: runner)
        let result = try Self.run(loadgen.path, ["-c", "1", "-d", "1", "-t", "40-60", daemon.url])
        _ = daemon.stop()
        let figures = Self.figures(result.stdout)
        #expect(result.status == 0 && figures["errors"] == 0, "\(result.stdout)\(result.stderr)")
        // One connection pausing at least 40 ms before each answer: at most 25 answers a second.
        #expect((figures["answered"] ?? 0) >= 1 && (figures["answered"] ?? 99) <= 25, "\(result.stdout)")

        let backwards = try Self.run(loadgen.path, ["-t", "70-25", "http://127.0.0.1:1"])
        #expect(backwards.status == 2 && backwards.stderr.contains("-t takes min-max in milliseconds"), "\(backwards.stderr)")
        let unreachable = try Self.run(loadgen.path, ["-d", "1", "http://127.0.0.1:1"])
        #expect(unreachable.status == 2 && unreachable.stderr.contains("cannot connect to 127.0.0.1:1"), "\(unreachable.stderr)")
        let noURL = try Self.run(loadgen.path, ["-c", "2"])
        #expect(noURL.status == 2 && noURL.stderr.contains("usage: loadgen"), "\(noURL.stderr)")
    }
}
