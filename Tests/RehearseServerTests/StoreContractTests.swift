import Foundation
import Logging
import RehearseAPI
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseServer

/// What every session store must do, run against the files store and PostgreSQL alike.
@Suite("Session stores keep one contract")
struct StoreContractTests {
    static let request = CreateSessionRequest(count: 2, seed: 11, followUp: false)

    /// Answer lines in a transcript.
    static func answers(_ transcript: Data) throws -> [TranscriptRecord] {
        try transcript.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(TranscriptRecord.self, from: Data($0)) }
            .filter { $0.type == .answer }
    }

    @Test("a session runs from its first question to its closing report", arguments: StoreKind.allCases)
    func wholeSession(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let created = try await store.start(Self.request)
            #expect(created.session.status == .answering)
            #expect(created.messages.contains { $0.type == .question })
            let first = try await store.input(
                "Middleware checks a CSRF token on POST forms.", inputID: "a1", session: created.id, token: created.token)
            #expect(first.session.question?.number == 2)
            let last = try await store.input("The ORM maps models to tables.", inputID: "a2", session: created.id, token: created.token)
            #expect(last.session.status == .finished)
            #expect(last.messages.last?.type == .closing)
            let state = try await store.state(session: created.id, token: created.token)
            #expect(state.status == .finished && state.endReason == .completed)
            #expect(try Self.answers(try await store.transcript(session: created.id, token: created.token)).count == 2)
            await #expect(throws: ServerError.sessionEnded) {
                try await store.input("more", inputID: "a3", session: created.id, token: created.token)
            }
        }
    }

    @Test("a resent input id gets the same reply and is recorded once", arguments: StoreKind.allCases)
    func resend(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let created = try await store.start(Self.request)
            let first = try await store.input("Sessions keep state in a signed cookie.", inputID: "x", session: created.id, token: created.token)
            let again = try await store.input("Sessions keep state in a signed cookie.", inputID: "x", session: created.id, token: created.token)
            #expect(again.messages == first.messages)
            #expect(again.session.question == first.session.question)
            #expect(try Self.answers(try await store.transcript(session: created.id, token: created.token)).count == 1)
        }
    }

    @Test("eight concurrent sends of one input id record one answer", arguments: StoreKind.allCases)
    func concurrentResends(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let created = try await store.start(Self.request)
            let replies = try await withThrowingTaskGroup(of: SessionReply.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await store.input("A view returns a response.", inputID: "same", session: created.id, token: created.token) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(replies.map { $0.messages.map(\.text) }).count == 1)
            #expect(try Self.answers(try await store.transcript(session: created.id, token: created.token)).count == 1)
        }
    }

    @Test("a wrong or missing token finds no session", arguments: StoreKind.allCases)
    func wrongToken(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let created = try await store.start(Self.request)
            for token in ["wrong", nil] as [String?] {
                await #expect(throws: ServerError.sessionNotFound) { try await store.state(session: created.id, token: token) }
                await #expect(throws: ServerError.sessionNotFound) { try await store.input("x", inputID: nil, session: created.id, token: token) }
                await #expect(throws: ServerError.sessionNotFound) { try await store.transcript(session: created.id, token: token) }
                await #expect(throws: ServerError.sessionNotFound) { try await store.end(session: created.id, token: token) }
            }
            await #expect(throws: ServerError.sessionNotFound) { try await store.state(session: "nope", token: created.token) }
        }
    }

    @Test("ending a session gives its closing report and refuses more input", arguments: StoreKind.allCases)
    func end(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let created = try await store.start(Self.request)
            let ended = try await store.end(session: created.id, token: created.token)
            #expect(ended.session.status == .finished && ended.session.endReason == .deleted)
            #expect(ended.messages.last?.type == .closing)
            await #expect(throws: ServerError.sessionEnded) {
                try await store.input("late", inputID: "late", session: created.id, token: created.token)
            }
        }
    }

    @Test("an idle session is ended by the sweep; an active one is kept", arguments: StoreKind.allCases)
    func idleExpiry(kind: StoreKind) async throws {
        let clock = ManualClock()
        try await TestStores.with(kind, settings: TestStores.settings(idleTimeout: 600), clock: clock) { store in
            let idle = try await store.start(Self.request)
            let busy = try await store.start(Self.request)
            clock.advance(400)
            _ = try await store.input("/hint", inputID: nil, session: busy.id, token: busy.token)
            clock.advance(300)
            #expect(await store.reapIdle(logger: .quiet) == 1)
            #expect(try await store.state(session: idle.id, token: idle.token).endReason == .idleTimeout)
            #expect(try await store.state(session: busy.id, token: busy.token).status != .finished)
            let health = await store.health()
            #expect(health.reachable && health.liveSessions == 1 && health.kind == kind.rawValue)
        }
    }
}
