import Foundation

/// A JSON object being written by hand: members with a comma between them, values as
/// JSONEncoder writes them (slashes unescaped). Transcript lines and the daemon's replies are
/// written with it; their tests compare it with JSONEncoder.
///
/// Not copyable: it owns its buffer and writes into it through a pointer. Through an `Array`,
/// each byte written paid a uniqueness check and a capacity check, and each member name a
/// generic append: a tenth of the daemon's instructions went into writing JSON.
public struct JSONBytes: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    /// How many bytes have been written.
    public internal(set) var count = 0
    @usableFromInline var capacity: Int
    /// Whether the object or array being written has a member yet.
    @usableFromInline var first = true

    /// An empty buffer.
    public init() { self.init(reserving: 512) }

    /// An empty buffer with room for `capacity` bytes.
    public init(reserving capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// What has been written.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Calls `body` with what has been written, valid only until `body` returns.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Makes room for `more` bytes after what has been written.
    @usableFromInline @inline(__always)
    mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    @usableFromInline
    mutating func grow(to needed: Int) {
        let larger = max(capacity * 2, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    /// Appends one byte.
    @usableFromInline @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends `raw` as it is.
    @usableFromInline
    mutating func append(_ raw: UnsafeRawBufferPointer) {
        guard let start = raw.baseAddress, !raw.isEmpty else { return }
        reserve(raw.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: start, byteCount: raw.count)
        count += raw.count
    }

    /// Starts an object.
    public mutating func open() {
        append(UInt8(ascii: "{"))
        first = true
    }

    /// Ends an object.
    public mutating func close() {
        append(UInt8(ascii: "}"))
        first = false
    }

    /// Starts a member: the comma before it if needed, the name and the colon.
    public mutating func key(_ name: StaticString) {
        // Member names are the contract's fixed names, which need no escaping: copied as they
        // are (quoting them was a third of the time spent quoting).
        let length = name.utf8CodeUnitCount
        assert(!UnsafeBufferPointer(start: name.utf8Start, count: length).contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C })
        reserve(length + 4)
        var at = base + count
        if !first {
            at.pointee = UInt8(ascii: ",")
            at += 1
        }
        first = false
        at.pointee = UInt8(ascii: "\"")
        Self.copyShort(from: name.utf8Start, to: at + 1, count: length)
        at += length + 1
        at[0] = UInt8(ascii: "\"")
        at[1] = UInt8(ascii: ":")
        count = at + 2 - base
    }

    /// Copies `count` bytes: names of 4 to 16 bytes (nearly all) as two overlapping words, which
    /// do not read past either end, rather than through a call to `memcpy` for each of the
    /// eighty-odd names a request's reply and lines hold.
    @inline(__always)
    private static func copyShort(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        switch count {
        case 8...16:
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        default:
            target.update(from: source, count: count)
        }
    }

    /// A text member whose name is not fixed (a map's keys), quoted as any text; left out
    /// when `nil`.
    public mutating func string(named name: String, _ value: String?) {
        guard let value else { return }
        comma()
        quoted(name)
        append(UInt8(ascii: ":"))
        quoted(value)
    }

    /// The comma before every member but the first.
    private mutating func comma() {
        if !first { append(UInt8(ascii: ",")) }
        first = false
    }

    /// Appends again the bytes at `range`, written earlier.
    public mutating func repeatBytes(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "bytes not yet written")
        reserve(range.count)
        (base + count).update(from: base + range.lowerBound, count: range.count)
        count += range.count
    }

    /// Text already in JSON form.
    public mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// An array, each item written by `write`. Inlinable, so that callers in other modules get
    /// it specialized for their item type: generic, it showed in the daemon's profile.
    @inlinable
    public mutating func array<T>(_ items: [T], _ write: (inout JSONBytes, T) -> Void) {
        append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            first = true
            write(&self, item)
        }
        append(UInt8(ascii: "]"))
        first = false
    }

    /// `text` in quotes: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
    /// `\u00XX`, everything else (slashes and non-ASCII included) as it is.
    public mutating func quoted(_ text: String) {
        // Read in place: a mutable copy for `withUTF8` retained and released every text.
        guard text.utf8.withContiguousStorageIfAvailable({ quoted(utf8: $0) }) != nil else {
            var text = text
            return text.withUTF8 { quoted(utf8: $0) }
        }
    }

    /// ``quoted(_:)`` for text's UTF-8 bytes.
    private mutating func quoted(utf8: UnsafeBufferPointer<UInt8>) {
        reserve(utf8.count + 2)
        guard Self.needsNoEscape(utf8), let start = utf8.baseAddress else {
            return Self.quote(utf8, shortControlEscapes: true) { append($0) }
        }
        // Most texts need no escape: quotes and bytes written straight in.
        let at = base + count
        at.pointee = UInt8(ascii: "\"")
        (at + 1).update(from: start, count: utf8.count)
        at[utf8.count + 1] = UInt8(ascii: "\"")
        count += utf8.count + 2
    }
}
