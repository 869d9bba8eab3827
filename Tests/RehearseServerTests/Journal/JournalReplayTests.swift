import Foundation
import Logging
import RehearseAPI
import RehearseCore
import Testing

@testable import RehearseServer

/// What a machine crash can do to transcripts that were never flushed, put right from the
/// journal when the next daemon starts.
@Suite("The journal puts back what a crash took")
struct JournalReplayTests {
    /// A daemon that answered twice and then died without retiring its journal; returns the
    /// session, its transcript's path and bytes.
    static func crashed(_ settings: HubSettings) async throws -> (created: SessionCreated, path: String, bytes: Data) {
        let hub = SessionHub(settings: settings)
        let created = try await hub.start(CreateSessionRequest(count: 3, seed: 5, followUp: false))
        for (n, text) in ["Middleware wraps every request.", "Models map to tables through the ORM."].enumerated() {
            _ = try await hub.input(text, inputID: "in-\(n)", session: created.id, token: created.token)
        }
        let path = try #require(TranscriptLibrary(folder: settings.transcriptsFolder).paths().first)
        #expect(JournalReplay.generations(in: settings.transcriptsFolder).count == 1)
        return (created, path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A new daemon on the folder: replays, recovers, and finishes the session.
    static func restart(_ settings: HubSettings, session created: SessionCreated) async throws -> SessionHub {
        let hub = SessionHub(settings: settings)
        let outcome = try await hub.recover(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        #expect(outcome.recovered == 1 && outcome.ended == 0)
        #expect(JournalReplay.generations(in: settings.transcriptsFolder).isEmpty)
        let last = try await hub.input("Templates render HTML.", inputID: "in-2", session: created.id, token: created.token)
        #expect(last.session.status == .finished)
        return hub
    }

    @Test("a transcript that lost its last lines, or the whole file, is written again byte for byte")
    func lostLines() async throws {
        for damage in ["cut", "removed"] {
            let settings = TestStores.settings()
            defer { try? FileManager.default.removeItem(atPath: settings.transcriptsFolder) }
            let (created, path, bytes) = try await Self.crashed(settings)
            if damage == "cut" { #expect(truncate(path, 40) == 0) } else { try FileManager.default.removeItem(atPath: path) }

            let outcome = try JournalReplay.run(folder: settings.transcriptsFolder)
            #expect(outcome.journals == 1 && outcome.transcripts == 1 && outcome.repaired >= 1 && outcome.skipped.isEmpty, "\(damage)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "\(damage)")
            let log = try TranscriptReader.read(path)
            #expect(log.warnings.isEmpty && log.answered == 2)
            _ = try await Self.restart(settings, session: created)
            #expect(try TranscriptReader.read(path).end?.reason == "completed")
        }
    }

    @Test("lines past the journal's last entry were never acknowledged, and a torn batch is dropped")
    func unacknowledged() async throws {
        let settings = TestStores.settings()
        defer { try? FileManager.default.removeItem(atPath: settings.transcriptsFolder) }
        let (created, path, bytes) = try await Self.crashed(settings)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        let unacknowledged = Data(#"{"type":"answer","text":"never acknowledged"}"#.utf8 + [10, 0, 0, 0])
        try handle.write(contentsOf: unacknowledged)
        try handle.close()
        let journal = try #require(JournalReplay.generations(in: settings.transcriptsFolder).first?.path)
        let torn = JournalFrame.encode(JournalEntry(file: (path as NSString).lastPathComponent, offset: bytes.count, bytes: Array("{}\n".utf8)))
        // Torn where the next batch goes: after the last entry, over the zeros the journal grew by.
        let written = Array(try Data(contentsOf: URL(fileURLWithPath: journal)))
        let entriesEnd = (written.lastIndex { $0 != 0 } ?? 0) + 1
        #expect(written.count > entriesEnd + torn.count, "the journal grows ahead of its entries")
        let journalHandle = try #require(FileHandle(forWritingAtPath: journal))
        try journalHandle.seek(toOffset: UInt64(entriesEnd))
        try journalHandle.write(contentsOf: Data(torn.prefix(torn.count - 2)))
        try journalHandle.close()

        let outcome = try JournalReplay.run(folder: settings.transcriptsFolder)
        #expect(outcome.tornBytes == torn.count - 2)
        #expect(outcome.cutBytes == unacknowledged.count)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        _ = try await Self.restart(settings, session: created)
    }

    @Test("a review of an ended session is journalled too")
    func reviewOfAnEndedSession() async throws {
        let settings = TestStores.settings()
        defer { try? FileManager.default.removeItem(atPath: settings.transcriptsFolder) }
        let hub = SessionHub(settings: settings)
        let created = try await hub.start(CreateSessionRequest(count: 1, seed: 2, followUp: false))
        let question = try #require(created.session.question?.id)
        let reply = try await hub.input("Middleware wraps requests.", inputID: "a", session: created.id, token: created.token)
        #expect(reply.session.status == .finished)
        let path = try #require(TranscriptLibrary(folder: settings.transcriptsFolder).paths().first)
        let beforeReview = try Data(contentsOf: URL(fileURLWithPath: path)).count
        _ = try await ReviewService(store: hub, learned: nil, clock: SystemClock())
            .grade(GradeRequest(questionID: question, score: 70, note: "fine"), session: created.id)
        let reviewed = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(truncate(path, off_t(beforeReview)) == 0)

        _ = try JournalReplay.run(folder: settings.transcriptsFolder)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == reviewed)
        #expect(try TranscriptReader.read(path).questions.first?.reviewedScore == 70)
    }

    @Test("reviews of an ended session given at once each get their own whole line")
    func concurrentReviews() async throws {
        let settings = TestStores.settings()
        defer { try? FileManager.default.removeItem(atPath: settings.transcriptsFolder) }
        let hub = SessionHub(settings: settings)
        let created = try await hub.start(CreateSessionRequest(count: 1, seed: 2, followUp: false))
        let question = try #require(created.session.question?.id)
        _ = try await hub.input("Middleware wraps requests.", inputID: "a", session: created.id, token: created.token)
        let service = ReviewService(store: hub, learned: nil, clock: SystemClock())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for score in 0..<12 {
                group.addTask { _ = try await service.grade(GradeRequest(questionID: question, score: Double(score)), session: created.id) }
            }
            try await group.waitForAll()
        }
        let path = try #require(TranscriptLibrary(folder: settings.transcriptsFolder).paths().first)
        let log = try TranscriptReader.read(path)
        #expect(log.warnings.isEmpty)
        #expect(log.questions.first?.reviews.map(\.score).sorted() == (0..<12).map(Double.init))
    }

    @Test("a transcript removed by hand is left removed, and a stray file named like a journal stops the start")
    func refusals() async throws {
        let settings = TestStores.settings()
        defer { try? FileManager.default.removeItem(atPath: settings.transcriptsFolder) }
        let hub = SessionHub(settings: settings)
        let created = try await hub.start(CreateSessionRequest(count: 3, seed: 5, followUp: false))
        await hub.closeAll()
        #expect(JournalReplay.generations(in: settings.transcriptsFolder).isEmpty)
        // One more answer after the checkpoint: its entry is the new journal's first, mid-file.
        let again = SessionHub(settings: settings)
        _ = try await again.recover(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        _ = try await again.input("Middleware wraps requests.", inputID: "x", session: created.id, token: created.token)
        let path = try #require(TranscriptLibrary(folder: settings.transcriptsFolder).paths().first)
        try FileManager.default.removeItem(atPath: path)
        let outcome = try JournalReplay.run(folder: settings.transcriptsFolder)
        #expect(outcome.skipped.count == 1 && outcome.skipped[0].contains("removed"))
        #expect(!FileManager.default.fileExists(atPath: path))

        let stray = settings.transcriptsFolder + "/" + GroupJournal.namePrefix + "000009"
        #expect(FileManager.default.createFile(atPath: stray, contents: Data("not a journal".utf8)))
        #expect(throws: ServerError.self) { try JournalReplay.run(folder: settings.transcriptsFolder) }
        do {
            _ = try JournalReplay.run(folder: settings.transcriptsFolder)
        } catch {
            #expect("\(error)".contains("is not a rehearse journal (move it out of the transcripts folder)"))
        }
    }
}
