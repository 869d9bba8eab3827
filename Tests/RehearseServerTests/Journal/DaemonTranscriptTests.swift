import Foundation
import RehearseCore
import Testing

@testable import RehearseServer

@Suite("A daemon transcript after a failed commit")
struct DaemonTranscriptTests {
    static func transcript(_ folder: String) throws -> DaemonTranscript {
        let file = try TranscriptFile(folder: folder, scenario: "flask", startedAt: Date(), tag: "t", syncsFolder: false)
        let transcript = DaemonTranscript(file: file, journal: GroupJournal(folder: folder), sessionID: "s", tokenHash: "h")
        try transcript.append(TranscriptRecord(.sessionStart, at: Date()))
        return transcript
    }

    static func size(_ transcript: DaemonTranscript) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: transcript.location))?[.size] as? Int) ?? -1
    }

    @Test("lines that were not kept are cut from the file; lines that may have been stay, and nothing cuts behind them")
    func failures() throws {
        let folder = NSTemporaryDirectory() + "rehearse-transcript-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let refused = try Self.transcript(folder)
        _ = refused.commitment(nil)
        #expect(Self.size(refused) > 0)
        refused.abandoned(after: ServerError.storage("disk full"))
        #expect(Self.size(refused) == 0 && refused.mark == 0)
        try refused.rollBack(to: 0)

        let unknown = try Self.transcript(folder)
        _ = unknown.commitment(nil)
        let written = Self.size(unknown)
        unknown.abandoned(after: GroupJournal.OutcomeUnknown(reason: "cannot flush the journal"))
        #expect(Self.size(unknown) == written && written > 0)
        #expect(throws: CoreError.self) { try unknown.rollBack(to: 0) }
        #expect(Self.size(unknown) == written)
    }
}
