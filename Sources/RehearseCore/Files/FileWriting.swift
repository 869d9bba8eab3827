import Foundation

/// Writing all of a buffer to a descriptor, for transcripts and `-o` files alike.
enum FileWriting {
    /// Writes every byte of `data` to `descriptor`, retrying interrupted and short writes;
    /// returns why it stopped, or `nil` when all was written.
    static func writeAll(_ data: Data, to descriptor: Int32) -> String? {
        data.withUnsafeBytes { buffer -> String? in
            // Only an empty buffer lacks an address, and it has nothing to write.
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
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
}
