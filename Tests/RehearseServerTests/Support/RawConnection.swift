import Foundation

/// A TCP connection to the daemon driven byte by byte, for clients that misbehave: ones that
/// send nothing, or their headers a byte at a time.
final class RawConnection: Sendable {
    let socket: Int32

    /// Connects to 127.0.0.1:`port`.
    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(socket) }

    /// Sends `text`; `false` once the daemon has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// `GET path` on a connection of its own (closed after), and the reply's status code.
    static func status(port: Int, path: String) throws -> Int {
        let connection = try RawConnection(port: port)
        connection.send("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        var buffer = [UInt8](repeating: 0, count: 512)
        let read = recv(connection.socket, &buffer, buffer.count, 0)
        let line = String(decoding: buffer.prefix(max(0, read)), as: UTF8.self)
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Closes the sending side, as a client does that has said all it will (`nc -N`).
    func finishSending() { shutdown(socket, Int32(SHUT_WR)) }

    /// `GET path` on this connection, kept open, and the reply's status code (0 if the daemon
    /// closed the connection); reads the whole reply, so the next request starts clean.
    func get(_ path: String) -> Int {
        guard send("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\r\n") else { return 0 }
        return replies(1).first?.status ?? 0
    }

    /// One reply read off the connection.
    struct Reply {
        let status: Int
        /// Header names in lower case.
        let headers: [String: String]
        let body: String
    }

    /// The next `count` replies (fewer if the daemon closes the connection first), each read
    /// whole by its `Content-Length`.
    func replies(_ count: Int) -> [Reply] {
        var received: [UInt8] = []
        var replies: [Reply] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while replies.count < count {
            if let end = received.indices.dropLast(3).first(where: { received[$0..<$0 + 4].elementsEqual("\r\n\r\n".utf8) }) {
                let lines = String(decoding: received[..<end], as: UTF8.self).components(separatedBy: "\r\n")
                var headers: [String: String] = [:]
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                let length = headers["content-length"].flatMap { Int($0) } ?? 0
                if received.count - (end + 4) >= length {
                    let status = Int(lines[0].split(separator: " ").dropFirst().first ?? "") ?? 0
                    let body = String(decoding: received[(end + 4)..<(end + 4 + length)], as: UTF8.self)
                    replies.append(Reply(status: status, headers: headers, body: body))
                    received.removeFirst(end + 4 + length)
                    continue
                }
            }
            let read = recv(socket, &buffer, buffer.count, 0)
            guard read > 0 else { break }
            received += buffer.prefix(read)
        }
        return replies
    }

    /// A reply that must carry no body (to a `HEAD`): its head, waited for up to `seconds`, and
    /// whatever else arrives within `settle` seconds after it (a body sent anyway would be
    /// read as the next reply).
    func headOnly(within seconds: Double = 10, settle: Double = 0.3) -> String {
        var deadline = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        var settling = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) > 0 else { continue }
            let read = recv(socket, &buffer, buffer.count, 0)
            guard read > 0 else { break }
            received += buffer.prefix(read)
            if !settling, received.indices.dropLast(3).contains(where: { received[$0..<$0 + 4].elementsEqual("\r\n\r\n".utf8) }) {
                settling = true
                deadline = Date().addingTimeInterval(settle)
            }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Whether the daemon closed the connection within `seconds` (reads until end of file).
    func closedByPeer(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&poller, 1, left) > 0 else { continue }
            let read = recv(socket, &buffer, buffer.count, 0)
            if read <= 0 { return true }
        }
        return false
    }
}
