import Foundation
import Logging
import PostgresNIO
import RehearseAPI
import RehearseCore
import RehearseStore
import RehearseTestSupport
import Synchronization
import Testing

@testable import RehearseServer

/// Several daemons on one PostgreSQL database: any serves any session, nothing twice.
@Suite("PostgreSQL store across daemons")
struct PostgresStoreTests {
    static let request = CreateSessionRequest(count: 3, seed: 5, followUp: false)

    /// Two stores (two daemons' worth) on one fresh database.
    static func withTwo(
        settings: HubSettings = TestStores.settings(), clock: any SessionClock = SystemClock(),
        _ body: @escaping @Sendable (PostgresSessionStore, PostgresSessionStore, PostgresClient) async throws -> Void
    ) async throws {
        guard let url = try TestStores.database() else { return }
        try await TestStores.withClient(url) { first in
            try await TestStores.withClient(url) { second in
                let a = PostgresSessionStore(client: first, settings: settings, logger: .quiet, clock: clock)
                let b = PostgresSessionStore(client: second, settings: settings, logger: .quiet, clock: clock)
                try await body(a, b, first)
            }
        }
    }

    @Test("a session started on one daemon goes on on the other, and back")
    func moves() async throws {
        try await Self.withTwo { a, b, _ in
            let created = try await a.start(Self.request)
            let onB = try await b.input("Migrations record model changes.", inputID: "1", session: created.id, token: created.token)
            #expect(onB.session.question?.number == 2)
            // A's warm copy is behind: its write finds the session moved on and reads it again.
            let onA = try await a.input("Querysets are lazy.", inputID: "2", session: created.id, token: created.token)
            #expect(onA.session.question?.number == 3)
            #expect(try await b.state(session: created.id, token: created.token).question?.number == 3)
            let answers = try StoreContractTests.answers(try await b.transcript(session: created.id, token: created.token))
            #expect(answers.map(\.inputID) == ["1", "2"])
        }
    }

    @Test("a session read again on the other daemon keeps its timing: elapsed seconds count from when the question was asked")
    func timingSurvivesRebuild() async throws {
        let clock = ManualClock()
        try await Self.withTwo(clock: clock) { a, b, _ in
            let created = try await a.start(Self.request)
            clock.advance(10)
            _ = try await a.input("Middleware wraps every request.", inputID: "1", session: created.id, token: created.token)
            clock.advance(25)
            // B has never seen the session: it replays it, then takes the answer.
            _ = try await b.input("The ORM builds SQL from querysets.", inputID: "2", session: created.id, token: created.token)
            let lines = try await b.transcript(session: created.id, token: created.token)
            let answers = try StoreContractTests.answers(lines)
            #expect(answers.map(\.elapsedSeconds) == [10, 25])
        }
    }

    @Test("a files-store transcript cut off mid-input is imported, finished on read and continued")
    func importCutOff() async throws {
        guard let url = try TestStores.database() else { return }
        let folder = NSTemporaryDirectory() + "rehearse-cut-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var settings = TestStores.settings(folder: folder)
        settings.identities = SessionIdentities(makeID: { "fedcba9876543210fedcba9876543210" }, makeToken: { "token-of-the-cut-session" })
        let fixed = settings
        let hub = SessionHub(settings: fixed)
        let created = try await hub.start(Self.request)
        _ = try await hub.input("Signals decouple senders.", inputID: "1", session: created.id, token: created.token)
        await hub.closeAll()
        // A crash after the answer line, before its score and the next question.
        let path = try FileManager.default.contentsOfDirectory(atPath: folder).map { "\(folder)/\($0)" }[0]
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let answerAt = try #require(lines.firstIndex { $0.contains(#""type":"answer""#) })
        try (lines[...answerAt].joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try await TestStores.withClient(url) { client in
            #expect(try await TranscriptRows(logger: .quiet).importFolder(folder, on: client).added == 1)
            let store = PostgresSessionStore(client: client, settings: fixed, logger: .quiet)
            let next = try await store.input("Querysets are lazy.", inputID: "2", session: created.id, token: created.token)
            #expect(next.session.question?.number == 3)
            #expect(try StoreContractTests.answers(try await store.transcript(session: created.id, token: created.token)).count == 2)
        }
    }

    @Test("a late resend on the other daemon gets the stored reply, not a second answer")
    func lateResend() async throws {
        try await Self.withTwo { a, b, _ in
            let created = try await a.start(Self.request)
            let original = try await a.input("Signals decouple senders from receivers.", inputID: "r", session: created.id, token: created.token)
            _ = try await a.input("/hint", inputID: "h", session: created.id, token: created.token)
            let resent = try await b.input("Signals decouple senders from receivers.", inputID: "r", session: created.id, token: created.token)
            #expect(resent.messages == original.messages)
            #expect(try StoreContractTests.answers(try await a.transcript(session: created.id, token: created.token)).count == 1)
        }
    }

    @Test("a resent input that wrote no line (/repeat) is answered from the store on the other daemon")
    func resendWithoutLines() async throws {
        try await Self.withTwo { a, b, _ in
            let created = try await a.start(Self.request)
            let original = try await a.input("/repeat", inputID: "again", session: created.id, token: created.token)
            let resent = try await b.input("/repeat", inputID: "again", session: created.id, token: created.token)
            #expect(resent.messages == original.messages)
            let answered = try await b.input("Views return responses.", inputID: "next", session: created.id, token: created.token)
            #expect(answered.session.question?.number == 2)
        }
    }

    @Test("one input id sent to both daemons at once is recorded once")
    func concurrentAcrossDaemons() async throws {
        try await Self.withTwo { a, b, _ in
            let created = try await a.start(Self.request)
            _ = try await b.state(session: created.id, token: created.token)  // both hold a warm copy
            let replies = try await withThrowingTaskGroup(of: SessionReply.self) { group in
                for index in 0..<6 {
                    let store = index.isMultiple(of: 2) ? a : b
                    group.addTask { try await store.input("Templates escape HTML.", inputID: "both", session: created.id, token: created.token) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(replies.map { $0.messages.map(\.text) }).count == 1)
            #expect(try StoreContractTests.answers(try await a.transcript(session: created.id, token: created.token)).count == 1)
        }
    }

    @Test("two daemons sweeping idle sessions at once end each session once")
    func sweepOnce() async throws {
        let clock = ManualClock()
        try await Self.withTwo(settings: TestStores.settings(idleTimeout: 60), clock: clock) { a, b, _ in
            var sessions: [SessionCreated] = []
            for _ in 0..<6 { sessions.append(try await a.start(Self.request)) }
            clock.advance(120)
            async let first = a.reapIdle(logger: .quiet)
            async let second = b.reapIdle(logger: .quiet)
            let total = await first + second
            #expect(total == 6)
            for session in sessions {
                let lines = try await b.transcript(session: session.id, token: session.token)
                let ends = try lines.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(TranscriptRecord.self, from: Data($0)) }
                    .filter { $0.type == .sessionEnd }
                #expect(ends.count == 1 && ends.first?.reason == "idle timeout")
            }
        }
    }

    @Test("two daemons migrating one empty database at once both succeed")
    func concurrentMigrations() async throws {
        guard let url = try TestStores.database() else { return }
        let address = try TestStores.address(url)
        let outcomes = try await withThrowingTaskGroup(of: Migrator.Outcome.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    try await PostgresDatabase.with(address, logger: .quiet, checkSchema: false) { try await Migrator.migrate($0, logger: .quiet) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let latest = Migrator.latest
        #expect(latest >= 2 && outcomes.map(\.to) == [latest, latest])
        #expect(outcomes.map(\.from).sorted() == [0, latest])
    }

    @Test("a schema newer than this rehearse is refused, by name")
    func newerSchema() async throws {
        guard let url = try TestStores.database() else { return }
        try await TestStores.withClient(url) { client in
            try await client.query("INSERT INTO rehearse_schema (version, summary) VALUES (99, 'from the future')")
            await #expect(throws: StoreError.schemaTooNew(found: 99, known: Migrator.latest)) { try await Migrator.migrate(client, logger: .quiet) }
            await #expect(throws: StoreError.schemaTooNew(found: 99, known: Migrator.latest)) { try await Migrator.check(client, logger: .quiet) }
        }
    }

    @Test("export writes the files store's transcript of the same seeded session, byte for byte")
    func exportMatchesFiles() async throws {
        guard let url = try TestStores.database() else { return }
        let folder = NSTemporaryDirectory() + "rehearse-export-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inputs = ["Middleware runs on every request.", "/hint", "The ORM builds SQL.", "/skip", "Forms validate input."]
        // Same ids, tokens and clock for both runs, so every line can match.
        @Sendable func settings(_ folder: String) -> HubSettings {
            var settings = TestStores.settings(folder: folder)
            settings.identities = SessionIdentities(makeID: { "0123456789abcdef0123456789abcdef" }, makeToken: { "token-for-the-export-test" })
            return settings
        }
        @Sendable func run(_ store: any SessionStore, clock: ManualClock) async throws {
            let created = try await store.start(CreateSessionRequest(count: 3, seed: 9))
            for (index, text) in inputs.enumerated() {
                clock.advance(7)
                _ = try? await store.input(text, inputID: "in\(index)", session: created.id, token: created.token)
            }
        }
        let filesClock = ManualClock()
        try await run(SessionHub(settings: settings(folder + "/files"), clock: filesClock), clock: filesClock)
        let postgresClock = ManualClock()
        try await TestStores.withClient(url) { client in
            try await run(
                PostgresSessionStore(client: client, settings: settings(folder + "/unused"), logger: .quiet, clock: postgresClock),
                clock: postgresClock)
            #expect(try await TranscriptRows(logger: .quiet).export(to: folder + "/export", on: client) == 1)
        }
        // The daemon's journal sits beside the transcripts until it is retired.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/files").filter { $0.hasSuffix(".jsonl") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/export") == names)
        let expected = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/files/\(names[0])"))
        let exported = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/export/\(names[0])"))
        #expect(String(decoding: exported, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(expected.count > 1000)

        // Importing that folder into another database, twice, gives the same files back.
        guard let second = try TestStores.database() else { return }
        try await TestStores.withClient(second) { client in
            let rows = TranscriptRows(logger: .quiet)
            #expect(try await rows.importFolder(folder + "/files", on: client).added == 1)
            let again = try await rows.importFolder(folder + "/files", on: client)
            #expect(again.added == 0 && again.present == 1)
            #expect(try await rows.all(on: client).map(\.contents) == [expected])
        }
    }
}
