import Foundation

/// Reading a file the program itself keeps (a journal, a cache snapshot, a transcript's first
/// line) without trusting what the path now is: a symlink is never followed, anything but a regular file is
/// refused, and a file past `limit` is not read.
public enum RegularFile {
    /// Why a file was not read.
    public enum Refusal: Error, Equatable {
        /// It could not be opened or read; the system's reason.
        case unreadable(String)
        /// A folder, FIFO, device or symlink.
        case notRegular
        /// Larger than the limit.
        case tooLarge
    }

    /// Every byte of `path`, read straight into the buffer returned.
    public static func bytes(at path: String, limit: Int = Int.max) throws(Refusal) -> [UInt8] {
        try readRegular(path) { size throws(Refusal) in
            guard size <= limit else { throw .tooLarge }
            return size
        }
    }

    /// The first `count` bytes of `path`, or all of it if it is shorter: enough to look at a
    /// file's first line without reading the rest.
    public static func prefix(at path: String, upTo count: Int) throws(Refusal) -> [UInt8] {
        try readRegular(path) { size in min(size, count) }
    }

    /// Opens `path` as a regular file and reads as many bytes as `amount` says for its size.
    private static func readRegular(_ path: String, _ amount: (Int) throws(Refusal) -> Int) throws(Refusal) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ELOOP ? .notRegular : .unreadable(String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegular }
        let size = try amount(Int(info.st_size))
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            failure = readAll(descriptor, into: buffer.baseAddress!, count: size)
            count = failure == nil ? size : 0
        }
        if let failure { throw .unreadable(failure) }
        return bytes
    }

    /// Reads exactly `count` bytes of `descriptor` into `buffer`, retrying interrupted reads;
    /// `nil` when done, else why not (the system's reason, or that the file shrank).
    static func readAll(_ descriptor: Int32, into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> String? {
        var done = 0
        while done < count {
            let got = read(descriptor, buffer + done, count - done)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return got < 0 ? String(cString: strerror(errno)) : "the file shrank while it was read" }
            done += got
        }
        return nil
    }
}
