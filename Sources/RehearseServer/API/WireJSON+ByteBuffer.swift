import NIOCore
import RehearseAPI
import RehearseCore

extension WireJSON {
    /// This value as JSON, in a buffer ready to send: copied once from where it was written,
    /// rather than into an array and from there into the buffer.
    func jsonBuffer(_ allocator: ByteBufferAllocator) -> ByteBuffer {
        // Most replies fit: a new session's or an answer's is one or two KB (a closing one, about
        // ten, grows twice). Growing from the default 512 bytes copied an answer's twice.
        var json = JSONBytes(reserving: 4_096)
        write(to: &json)
        return json.withUnsafeBytes { allocator.buffer(bytes: $0) }
    }
}
