import Foundation

/// Reads a user's file as UTF-8 text, with errors that say what is wrong and how to fix it.
public enum TextFile {
    /// The text of `path`.
    public static func read(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw CoreError.pathNotFound(path) }
        if let text = try direct(path) { return text }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoreError.unreadable(path: path, reason: "permission denied or not a regular file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw notUTF8(path) }
        return text
    }

    /// A regular file read straight into the string's storage: a batch of megabytes is read
    /// once instead of into `Data` and then copied, which doubled its page faults. `nil` for
    /// anything else (a pipe, `/dev/stdin`, an empty or unopenable file), which takes the
    /// general path, as does a file that starts with a byte order mark.
    private static func direct(_ path: String) throws -> String? {
        // Non-blocking, so that opening a FIFO nobody writes to returns at once (it is refused
        // below); reads of a regular file are not affected.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        var outcome: Bool?  // nil: read failed or the file changed size; false: not UTF-8
        let text = String(unsafeUninitializedCapacity: size) { buffer in
            guard RegularFile.readAll(descriptor, into: buffer.baseAddress!, count: size) == nil else { return 0 }
            let bytes = UnsafeBufferPointer(rebasing: buffer[..<size])
            // A byte order mark is dropped, as String(data:encoding:) does: the general path.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return 0 }
            // The initializer would repair bad bytes into U+FFFD; a user's file must be refused instead.
            outcome = isASCII(bytes) || String(validating: bytes, as: UTF8.self) != nil
            return outcome == true ? size : 0
        }
        switch outcome {
        case true?: return text
        case false?: throw notUTF8(path)
        case nil: return nil
        }
    }

    /// Whether every byte is below 0x80, eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var seen: UInt64 = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while index + 8 <= bytes.count {
            seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            seen |= UInt64(bytes[index])
            index += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    private static func notUTF8(_ path: String) -> CoreError {
        .unreadable(path: path, reason: "not UTF-8 text (save it as UTF-8)")
    }

    /// The text of `path`, reading no more than `limit + 1` bytes of it, so that a huge file, or
    /// a device that never ends such as `/dev/zero`, costs no more memory than that. A longer
    /// file yields its first `limit + 1` bytes (a character cut in two becomes U+FFFD): the
    /// caller sees the text is over `limit` and refuses it with its own message.
    static func read(_ path: String, limit: Int) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw CoreError.pathNotFound(path) }
        guard let data = prefix(of: path, limit: limit) else {
            throw CoreError.unreadable(path: path, reason: "permission denied or not a regular file")
        }
        guard let text = decode(data, limit: limit) else { throw notUTF8(path) }
        return text
    }

    /// `data` as UTF-8 text, or `nil` if it is not. Past `limit` it is a prefix cut short, so a
    /// character cut in two becomes U+FFFD instead of failing.
    static func decode(_ data: Data, limit: Int) -> String? {
        data.count > limit ? String(decoding: data, as: UTF8.self) : String(data: data, encoding: .utf8)
    }

    /// Up to `limit + 1` bytes of `path`; `nil` when it cannot be opened or read (a folder).
    static func prefix(of path: String, limit: Int) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return try? handle.read(upToCount: limit + 1) ?? Data()
    }
}
