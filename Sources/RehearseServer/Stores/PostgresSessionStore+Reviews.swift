import Foundation
import RehearseAPI
import RehearseCore
import RehearseStore

/// The PostgreSQL store's side of the reviewers' routes: any daemon reads every session, and
/// appends a review line to a session whichever daemon holds it.
extension PostgresSessionStore {
    public func reviewLogs(_ filter: ReviewFilter, after cursor: ReviewCursor?, limit: Int?) async throws(ServerError) -> [SessionLog] {
        let reviews = ReviewRows(logger: logger)
        let after = cursor.flatMap { cursor in TranscriptTime.parse(cursor.startedAt).map { (startedAt: $0, id: cursor.id) } }
        let query = ReviewRows.Query(
            candidate: filter.candidate, scenario: filter.scenario, finished: filter.status.map { $0 == .ended }, since: filter.since,
            after: after, limit: limit)
        let stored = try await access.run { db in try await reviews.transcripts(query, on: db) }
        return stored.compactMap(Self.log).filter { $0.start?.sessionID != nil }
    }

    public func reviewSummaries(
        _ filter: ReviewFilter, after cursor: ReviewCursor?, limit: Int?
    ) async throws(ServerError) -> [SessionSummary] {
        try await reviewLogs(filter, after: cursor, limit: limit).map(SessionSummary.init)
    }

    public func reviewLog(session id: String) async throws(ServerError) -> SessionLog {
        let stored = try await access.run { [rows] db in try await rows.load(id, on: db) }
        guard let stored, let log = Self.log(ReviewRows.Transcript(fileName: stored.fileName, lines: stored.lines)),
            log.start?.sessionID == id
        else { throw .reviewSessionNotFound(id) }
        return log
    }

    public func appendReview(_ record: TranscriptRecord, session id: String) async throws(ServerError) {
        let line: String
        do { line = String(decoding: try TranscriptFile.encode(record), as: UTF8.self) } catch { throw .storage("\(error)") }
        let reviews = ReviewRows(logger: logger)
        guard try await access.run({ db in try await reviews.append(line, to: id, on: db) }) else { throw .reviewSessionNotFound(id) }
        // This daemon's warm copy no longer has every line: its next write would be refused.
        cache.drop(id)
    }

    public func reviewedSamples(since: Date?) async throws(ServerError) -> (samples: [ReviewedSample], next: Date) {
        let reviews = ReviewRows(logger: logger)
        let (stored, now) = try await access.run { db in try await reviews.reviewed(since: since, on: db) }
        // A review committed late may carry an earlier time than one already seen: ask again
        // from a while back (learning one twice changes nothing).
        return (stored.compactMap(Self.log).flatMap { ReviewedSample.all(in: $0) }, now.addingTimeInterval(-60))
    }

    /// A stored transcript read back, as `history` would read its exported file.
    private static func log(_ stored: ReviewRows.Transcript) -> SessionLog? {
        try? TranscriptReader.parse(TranscriptRows.contents(stored.lines), path: stored.fileName)
    }
}
