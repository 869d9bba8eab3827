/// Where a session's transcript lines go: a file in use, memory in tests.
public protocol TranscriptSink: AnyObject {
    /// Stores one line durably before returning; an error means it was not stored.
    func append(_ record: TranscriptRecord) throws
    /// Where the transcript lives, for the closing report.
    var location: String { get }
    /// How much has been written: an input whose lines cannot all be written is rolled back
    /// to the mark taken before it, so the transcript never holds half an input.
    var mark: Int { get }
    /// Drops every line written after `mark`.
    func rollBack(to mark: Int) throws
}

/// Keeps lines in memory, for tests and for sessions that must not write.
public final class MemoryTranscript: TranscriptSink {
    /// The lines so far.
    public private(set) var records: [TranscriptRecord] = []

    /// Creates an empty transcript.
    public init() {}

    public func append(_ record: TranscriptRecord) throws { records.append(record) }

    public var location: String { "(not saved)" }

    public var mark: Int { records.count }

    public func rollBack(to mark: Int) throws { records.removeLast(max(0, records.count - mark)) }
}
