import Crypto
import Foundation

/// Session ids and tokens. A token is 256 bits from the system's secure generator; only its
/// SHA-256 is kept (in memory and in the transcript), so a leaked transcript cannot be used
/// to continue someone's session.
enum SessionToken {
    /// A new token: 43 characters of base64url.
    static func make() -> String { base64URL(randomBytes(32)) }

    /// A new session id: 128 bits in hex, unguessable but not secret.
    static func makeID() -> String { hex(randomBytes(16)) }

    /// The hex SHA-256 of `token`.
    static func hash(_ token: String) -> String {
        hex(Array(SHA256.hash(data: Data(token.utf8))))
    }

    /// Lowercase hex; `String(format:)` per byte showed up in the daemon's profile.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `token` hashes to `expected`, compared in constant time.
    static func matches(_ token: String, hash expected: String) -> Bool {
        sameBytes(Array(hash(token).utf8), Array(expected.utf8))
    }

    /// Whether `a` and `b` are the same bytes, in time that depends only on their lengths.
    static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Whether an `Authorization` header carries a bearer token that hashes to `hash`.
    static func authorizes(_ header: String?, hash: String) -> Bool {
        guard let given = bearer(header) else { return false }
        return matches(given, hash: hash)
    }

    /// The bearer token of an `Authorization` header, if it has one.
    static func bearer(_ header: String?) -> String? {
        // By bytes: counting characters and trimming through NSString showed in the profile of
        // every request. The scheme is ASCII; the token is what follows, without spaces and tabs.
        guard let header else { return nil }
        let bytes = Array(header.utf8)
        // Anything but ASCII takes the general path, whose Unicode spaces and characters it keeps.
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            guard header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
            let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
            return token.isEmpty ? nil : token
        }
        guard bytes.count > 7, bytes[..<7].map({ (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }) == Array("bearer ".utf8) else { return nil }
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes[7...].firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else { return nil }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// `count` bytes from the system's secure generator in one `getrandom` call (glibc's
    /// `arc4random_buf`): `SystemRandomNumberGenerator` makes one call per eight bytes, six of
    /// them for a new session's id and token (the question plan's seed takes one more).
    private static func randomBytes(_ count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress, count > 0 { arc4random_buf(base, count) }
            initialized = count
        }
    }

    /// Base64url without padding (RFC 4648 §5), written directly: base64 through Data and then
    /// three NSString replacements cost more than the rest of making a session's token.
    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group: UInt32 = 0
            for offset in 0..<3 { group = group << 8 | (offset < count ? UInt32(bytes[index + offset]) : 0) }
            for digit in 0...count { text.append(alphabet[Int(group >> UInt32(18 - 6 * digit) & 0x3F)]) }
            index += 3
        }
        return String(decoding: text, as: UTF8.self)
    }
}
