/// Bytes one commit added to one transcript: where they start in the file and what they are.
/// Replaying the entries of a journal puts back whatever of them a crash took from the files.
struct JournalEntry: Sendable, Equatable {
    /// The transcript's name inside the transcripts folder (never a path).
    var file: String
    /// Where the bytes start in the transcript.
    var offset: Int
    /// Whole lines, each ending in a newline.
    var bytes: [UInt8]

    /// Where the bytes end in the transcript.
    var end: Int { offset + bytes.count }

    /// The name a transcript at `path` goes by in the journal: the path's last non-empty
    /// component (`path` itself when it has none), found in its bytes. Splitting the whole path
    /// into characters cost more than the rest of starting a session's transcript, and
    /// `NSString.lastPathComponent` more still.
    static func name(ofPath path: String) -> String {
        var bytesOfPath = path
        let name = bytesOfPath.withUTF8 { bytes -> String? in
            // A combining mark after a slash joins it into one character, which the split of
            // characters does not cut at: such paths (never the daemon's own) are split that way.
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let slash = UInt8(ascii: "/")
            guard let last = bytes.lastIndex(where: { $0 != slash }) else { return path }
            let start = bytes[..<last].lastIndex(of: slash).map { $0 + 1 } ?? 0
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...last]), as: UTF8.self)
        }
        return name ?? path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }
}
