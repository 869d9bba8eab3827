import Foundation
import Logging
import Synchronization
import Testing

@testable import RehearseServer

/// What the daemon checks and sets up about its environment when it starts.
@Suite struct StartupChecksTests {
    /// Keeps what is logged, to read it back; the lines go to a shared box.
    struct Captured: LogHandler {
        let lines: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        init(_ lines: Lines) { self.lines = lines }
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) { lines.add("\(event.level) \(event.message)") }
    }

    final class Lines: Sendable {
        private let storage = Mutex<[String]>([])
        func add(_ line: String) { storage.withLock { $0.append(line) } }
        var all: [String] { storage.withLock { $0 } }
    }

    @Test func aFolderOthersCanWriteToIsWarnedAbout() throws {
        let folder = NSTemporaryDirectory() + "rehearse-perms-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = Lines()
        let logger = Logger(label: "test") { _ in Captured(lines) }
        chmod(folder, 0o700)
        SessionHub.checkPermissions(of: folder, logger: logger)
        #expect(lines.all.isEmpty)
        chmod(folder, 0o777)
        SessionHub.checkPermissions(of: folder, logger: logger)
        #expect(lines.all.contains { $0.hasPrefix("warning") && $0.contains("writable by others") })
    }

    @Test func theOpenFileLimitIsRaisedToTheHardLimit() {
        let limit = FileLimit.raise()
        var now = rlimit()
        #expect(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &now) == 0)
        #expect(limit == Int(clamping: now.rlim_cur))
        #expect(now.rlim_cur == min(now.rlim_max, 1_048_576))
    }
}
