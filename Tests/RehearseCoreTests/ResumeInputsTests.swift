import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseCore

@Suite("Resuming a session from its transcript")
struct ResumeInputsTests {
    private func line(_ type: TranscriptRecord.Kind, _ text: String? = nil, followUp: Bool? = nil) -> TranscriptRecord {
        var record = TranscriptRecord(type, at: Date(timeIntervalSince1970: 0))
        record.text = text
        record.isFollowUp = followUp
        return record
    }

    @Test("answers, hints and skips come back in order; a follow-up left for the next question was skipped")
    func inputs() {
        let records = [
            line(.sessionStart), line(.question), line(.hint, "think"), line(.answer, "first"), line(.score),
            line(.followUp, "more?"), line(.question), line(.answer, "second"), line(.score), line(.followUp, "more?"),
            line(.answer, "more", followUp: true), line(.score), line(.question), line(.skip), line(.question),
        ]
        #expect(ResumeInputs.from(records) == ["/hint", "first", "/skip", "second", "more", "/skip"])
    }

    @Test("a session replayed from its inputs writes exactly the lines it wrote before")
    func replayMatches() throws {
        let first = MemoryTranscript()
        let options = SessionOptions(count: 3, seed: 9)
        let original = InterviewSession(
            scenario: SessionFixture.scenario(), pool: SessionFixture.pool, options: options,
            scorer: .init(), clock: ManualClock(), transcript: first)
        _ = original.start()
        for input in ["/hint", SessionFixture.partial, "/skip", SessionFixture.weak, "its stores results"] { _ = original.handle(input) }

        let recorded = try #require(SessionOptions(recordedIn: first.records[0]))
        #expect(recorded.seed == 9 && recorded.count == 3 && recorded.followUp)
        let second = MemoryTranscript()
        let again = InterviewSession(
            scenario: SessionFixture.scenario(), pool: SessionFixture.pool, options: recorded,
            scorer: .init(), clock: ManualClock(), transcript: second)
        _ = again.start()
        for input in ResumeInputs.from(first.records) { _ = again.handle(input) }
        #expect(second.records.map(\.type) == first.records.map(\.type))
        #expect(second.records.map(\.questionID) == first.records.map(\.questionID))
    }
}
