import Foundation
import RehearseAPI
import RehearseCore

/// The files store's side of the reviewers' routes: transcripts read from the folder, review
/// lines appended through the live session or, once it has ended, to its file.
extension SessionHub {
    public nonisolated func reviewLogs(
        _ filter: ReviewFilter, after cursor: ReviewCursor?, limit: Int?
    ) async throws(ServerError) -> [SessionLog] {
        try checkFolder()
        return TranscriptLibrary(folder: settings.transcriptsFolder).sessions(followingLinks: false).sessions.filter { $0.start?.sessionID != nil }
    }

    public nonisolated func reviewSummaries(
        _ filter: ReviewFilter, after cursor: ReviewCursor?, limit: Int?
    ) async throws(ServerError) -> [SessionSummary] {
        try checkFolder()
        let index = TranscriptIndex(library: TranscriptLibrary(folder: settings.transcriptsFolder), followingLinks: false)
        return index.summaries().summaries.filter { $0.sessionID != nil }
    }

    public nonisolated func reviewLog(session id: String) async throws(ServerError) -> SessionLog {
        guard let path = try await path(of: id), let log = try? TranscriptReader.read(path) else { throw .reviewSessionNotFound(id) }
        return log
    }

    public nonisolated func appendReview(_ record: TranscriptRecord, session id: String) async throws(ServerError) {
        if let session = sessions[id], try await session.appendReview(record) { return }
        guard let path = try await path(of: id) else { throw .reviewSessionNotFound(id) }
        try await appendToFinished(record, path: path)
    }

    public nonisolated func reviewedSamples(since: Date?) async throws(ServerError) -> (samples: [ReviewedSample], next: Date) {
        // One daemon writes the folder: what it learns after this it learns as reviews come in.
        let now = clock.now()
        return (try await reviewLogs(ReviewFilter(), after: nil, limit: nil).flatMap { ReviewedSample.all(in: $0) }, now)
    }

    /// Appends to the transcript of a session that has written its last line, durable through
    /// the journal like every other line. One at a time, across the wait for the journal: a
    /// failed append cuts its file back, which must never take another review's line with it.
    private func appendToFinished(_ record: TranscriptRecord, path: String) async throws(ServerError) {
        if !finishedReviews.tryEnter() { await withCheckedContinuation { finishedReviews.enqueue($0) } }
        defer { finishedReviews.leave() }
        var line = TranscriptLine.encode(record)
        line.append(UInt8(ascii: "\n"))
        do {
            let file = try TranscriptFile(appendingTo: path)
            defer { file.finishWriting() }
            let offset = file.mark
            do {
                try file.write(lines: line)
                try await journal.commit(JournalEntry(file: JournalEntry.name(ofPath: path), offset: offset, bytes: line))
            } catch let unknown as GroupJournal.OutcomeUnknown {
                // The line may be durable: it stays, as a replay would bring it back anyway.
                throw unknown
            } catch {
                try? file.rollBack(to: offset)
                throw error
            }
        } catch {
            throw .storage("the review could not be appended to \(path): \(error)")
        }
    }

    /// The transcript of daemon session `id`: the live session's, or the file whose name
    /// ends with the id's first eight characters and whose first line names the id.
    private nonisolated func path(of id: String) async throws(ServerError) -> String? {
        switch sessions.place(of: id) {
        case .warm(let session): return session.path
        case .cold(let path): return path
        case .absent: break
        }
        // Ids are hex: anything else names no file, and must not reach a path.
        guard (8...128).contains(id.count), id.allSatisfy(\.isHexDigit) else { return nil }
        try checkFolder()
        let suffix = "-\(id.prefix(8)).jsonl"
        for path in TranscriptLibrary(folder: settings.transcriptsFolder).paths(followingLinks: false) where path.hasSuffix(suffix) {
            if let log = try? TranscriptReader.read(path), log.start?.sessionID == id { return path }
        }
        return nil
    }

    private nonisolated func checkFolder() throws(ServerError) {
        do { try TranscriptLibrary(folder: settings.transcriptsFolder).checkReadable() } catch { throw .storage("\(error)") }
    }
}
