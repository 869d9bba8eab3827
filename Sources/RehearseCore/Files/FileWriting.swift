import Foundation

/// Writing all of a buffer to a descriptor, for transcripts, journals and `-o` files alike.
public enum FileWriting {
    /// Writes every byte of `data` to `descriptor` (at `position` in the file when given, with
    /// `pwrite`), retrying interrupted and short writes; returns why it stopped, or `nil` when
    /// all was written.
    public static func writeAll(_ data: some ContiguousBytes, to descriptor: Int32, at position: Int? = nil) -> String? {
        data.withUnsafeBytes { buffer -> String? in
            // Only an empty buffer lacks an address, and it has nothing to write.
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written =
                    if let position {
                        pwrite(descriptor, base + offset, buffer.count - offset, off_t(position + offset))
                    } else {
                        write(descriptor, base + offset, buffer.count - offset)
                    }
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                // A write that takes nothing would loop for ever: count it as a failure.
                guard written > 0 else { return "the disk took nothing" }
                offset += written
            }
            return nil
        }
    }

    /// Flushes `folder` itself, so the names of files made in it survive a crash.
    public static func syncFolder(_ folder: String) {
        let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard handle >= 0 else { return }
        fsync(handle)
        close(handle)
    }
}
