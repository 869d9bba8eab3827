import Foundation
import Testing

@testable import RehearseCore

/// `-o` replaces regular files only: devices and FIFOs are written through, links followed.
/// Every special file here is made inside a temporary folder, never the machine's own /dev.
@Suite struct OutputFileTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "rehearse-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func type(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func regularFilesAndNewPathsAreReplacedWhole() throws {
        let path = folder + "/bank.yaml"
        try OutputFile.write("first\n", to: path)
        try OutputFile.write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(type(path) == S_IFREG)
    }

    @Test func aCharacterDeviceIsWrittenThroughAndStaysADevice() throws {
        let node = folder + "/null"
        // The same device as /dev/null (major 1, minor 3), made here so the test touches no /dev file.
        // makedev(1, 3) on Linux: the major number in bits 8-19, the minor in bits 0-7.
        guard mknod(node, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else {
            print("skipped the device-node check: mknod is not allowed here (\(String(cString: strerror(errno))))")
            return
        }
        try OutputFile.write("into the void\n", to: node)
        #expect(type(node) == S_IFCHR)
    }

    @Test func aFIFOIsWrittenThroughToItsReader() async throws {
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { () -> String? in
            guard let handle = FileHandle(forReadingAtPath: fifo) else { return nil }
            return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        }
        try OutputFile.write("through the pipe\n", to: fifo)
        #expect(await reader.value == "through the pipe\n")
        #expect(type(fifo) == S_IFIFO)
    }

    @Test func aSymlinkIsFollowedToItsFileAndKept() throws {
        let target = folder + "/real.yaml"
        let link = folder + "/link.yaml"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try OutputFile.write("new\n", to: link)
        #expect(type(link) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
    }

    @Test func foldersAndDanglingLinksAreRefused() throws {
        let dangling = folder + "/dangling.yaml"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: folder + "/missing/nowhere")
        #expect(throws: CoreError.self) { try OutputFile.write("x", to: dangling) }
        #expect(type(dangling) == S_IFLNK)
        #expect(throws: CoreError.self) { try OutputFile.write("x", to: folder) }
        #expect(throws: CoreError.self) { try OutputFile.create("x", at: dangling) }
    }
}

/// JSON outputs never carry a raw C1 control (U+009B starts a control sequence on some terminals).
@Suite struct JSONEscapingTests {
    @Test func c1ControlsAreEscapedAndTheValueIsUnchanged() throws {
        let text = "csi \u{9B}2J and nel \u{85} stay text"
        let json = JSONEscaping.escapingC1(String(decoding: try JSONEncoder().encode(["answer": text]), as: UTF8.self))
        #expect(!json.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        #expect(json.contains("\\u009b") && json.contains("\\u0085"))
        #expect(try JSONDecoder().decode([String: String].self, from: Data(json.utf8))["answer"] == text)
    }
}

extension OutputFileTests {
    @Test func aBankThatCannotBeReadBackIsLeftAlone() throws {
        let bank = folder + "/latin1.yaml"
        let bytes = Data("questions:\n  - id: x.y # caf\u{E9}\n".utf8.map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 != 0xA9 })
        try bytes.write(to: URL(fileURLWithPath: bank))
        #expect(throws: CoreError.self) { try OutputFile.appendQuestion("  - id: new.one\n", toBank: bank) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: bank)) == bytes)
    }

    @Test func aReplacedFileKeepsItsPermissions() throws {
        let path = folder + "/private.yaml"
        try OutputFile.write("one\n", to: path)
        chmod(path, 0o600)
        try OutputFile.write("two\n", to: path)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }
}
