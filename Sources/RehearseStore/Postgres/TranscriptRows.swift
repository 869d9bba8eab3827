import Foundation
import Logging
import PostgresNIO
import RehearseCore

/// Whole transcripts in and out of the store, for the commands that read past sessions and
/// for `rehearse store export` and `import`: a session's file is its lines, in order, each
/// followed by a newline, exactly as the files store writes it.
public struct TranscriptRows: Sendable {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// One session's transcript as its file would hold it.
    public struct File: Sendable {
        public var name: String
        public var contents: Data
    }

    /// Every session's transcript, newest first (by file name, as a folder lists them).
    public func all(on db: some PostgresQuerying) async throws -> [File] {
        let rows = try await db.run(
            """
            SELECT s.file_name, ARRAY(SELECT l.line FROM rehearse_lines l WHERE l.session_id = s.id ORDER BY l.seq)
            FROM rehearse_sessions s ORDER BY s.file_name DESC
            """, logger: logger)
        var files: [File] = []
        for try await (name, lines) in rows.decode((String, [String]).self) {
            files.append(File(name: name, contents: Self.contents(lines)))
        }
        return files
    }

    /// `lines` as a transcript file holds them.
    public static func contents(_ lines: [String]) -> Data {
        var data = Data()
        for line in lines {
            data.append(contentsOf: line.utf8)
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }

    /// Writes every session into `folder` (created, mode 0700) as `<file name>`; a file there
    /// already is replaced. Returns how many were written.
    public func export(to folder: String, on db: some PostgresQuerying) async throws -> Int {
        let files = try await all(on: db)
        try TranscriptFolder.make(folder)
        for file in files { try TranscriptFolder.write(file.contents, named: file.name, in: folder) }
        return files.count
    }

    /// What an import did.
    public struct ImportOutcome: Sendable, Equatable {
        /// Sessions added.
        public var added = 0
        /// Sessions the store had already (same session id or file name): left as they are.
        public var present = 0
        /// `file: reason` for files not imported.
        public var skipped: [String] = []
    }

    /// Loads every transcript in `folder`; sessions the store has already are left alone, so
    /// running it twice adds nothing.
    public func importFolder(_ folder: String, on db: some PostgresQuerying) async throws -> ImportOutcome {
        var outcome = ImportOutcome()
        for path in try TranscriptFolder.paths(in: folder) {
            let name = (path as NSString).lastPathComponent
            let parsed: ParsedTranscript
            do { parsed = try ParsedTranscript(path: path) } catch {
                outcome.skipped.append("\(name): \(error)")
                continue
            }
            let row = NewSessionRow(
                id: parsed.sessionID ?? "file:\(name)", tokenHash: parsed.tokenHash, scenario: parsed.scenario, fileName: name,
                finished: parsed.ended || parsed.tokenHash == nil, endReason: parsed.endReason, startedAt: parsed.startedAt,
                lastActivity: parsed.lastActivity, candidate: parsed.candidate)
            if try await SessionRows(logger: logger).insert(row, lines: parsed.lines, inputIDs: parsed.inputIDs, on: db) {
                outcome.added += 1
                // Marked so that daemons learn from its grades as from grades given through them.
                if parsed.reviewed {
                    _ = try await db.run("UPDATE rehearse_sessions SET reviewed_at = now() WHERE id = \(row.id)", logger: logger)
                        .collect()
                }
            } else {
                outcome.present += 1
            }
        }
        return outcome
    }
}
