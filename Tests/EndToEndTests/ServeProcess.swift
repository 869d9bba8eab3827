import Foundation

/// The real `rehearse serve` binary on a free loopback port (`--port 0`), as `make test` runs it.
final class ServeProcess {
    let process = Process()
    let url: String
    let transcripts: URL
    private let errors = Pipe()

    /// Starts `rehearse serve` over a folder in the runner's home, or over `store` (then
    /// logging only warnings: nobody reads its standard error while it runs).
    init(runner: BinaryRunner, arguments: [String] = [], store: String? = nil) throws {
        transcripts = runner.home.appendingPathComponent("served")
        process.executableURL = BinaryRunner.binary
        let place = store.map { ["--store", $0, "--log-level", "warning"] } ?? ["--transcripts", transcripts.path]
        process.arguments = ["serve", "--port", "0"] + place + arguments
        process.environment = ["HOME": runner.home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The first line names the URL once the port is open.
        var text = ""
        while !text.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "serve printed: \(text)"])
        }
        url = String(text[range])
    }

    /// SIGKILL: the daemon dies between any two instructions.
    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// SIGTERM, as systemd stops it; returns the exit status and what it logged.
    func stop() -> (status: Int32, log: String) {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGTERM) }
        let log = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: log, as: UTF8.self))
    }

    /// A JSON call; returns the status and the decoded object.
    func call(_ method: String, _ path: String, body: String? = nil, token: String? = nil) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:])
    }
}

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
