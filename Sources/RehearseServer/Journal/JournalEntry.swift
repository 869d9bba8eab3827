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
}
