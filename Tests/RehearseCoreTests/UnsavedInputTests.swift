import Foundation
import RehearseScoring
import RehearseTestSupport
import Testing

@testable import RehearseCore

/// A transcript that fails on command, as a full disk would, partway through an input.
final class FailingTranscript: TranscriptSink {
    let inner = MemoryTranscript()
    /// Appends that succeed before every later one fails; `nil` never fails.
    var failAfter: Int?

    func append(_ record: TranscriptRecord) throws {
        if let left = failAfter {
            guard left > 0 else { throw CoreError.transcript("cannot write to \"/secret/path.jsonl\": No space left on device") }
            failAfter = left - 1
        }
        try inner.append(record)
    }

    var location: String { inner.location }
    var mark: Int { inner.mark }
    func rollBack(to mark: Int) throws { try inner.rollBack(to: mark) }
}

@Suite("An input whose lines cannot be saved is not counted")
struct UnsavedInputTests {
    @Test("the answer is refused, the session stays at the question, and the same answer works once the disk has room")
    func answerNotSaved() throws {
        let transcript = FailingTranscript()
        let session = InterviewSession(
            scenario: SessionFixture.scenario(), pool: SessionFixture.pool, options: SessionOptions(count: 3, seed: 1, followUp: false),
            scorer: Scorer(), clock: ManualClock(), transcript: transcript)
        let first = try #require(session.start().questions.first)
        let before = transcript.inner.records.count
        // The answer line is written, the score line fails: the whole input must go.
        transcript.failAfter = 1
        let refused = session.handle(SessionFixture.strong)
        #expect(refused.feedback.isEmpty && refused.questions.isEmpty)
        guard case .warning(let text)? = refused.first else {
            Issue.record("expected a warning, got \(refused)")
            return
        }
        #expect(text.contains("not saved") && text.contains("send it again"))
        #expect(transcript.inner.records.count == before, "half an input stayed in the transcript")
        #expect(session.current?.question.id == first.question.id && session.current?.number == 1)
        #expect(session.unsavedInputs == 1)

        transcript.failAfter = nil
        let accepted = session.handle(SessionFixture.strong)
        #expect(accepted.feedback.map(\.band) == [.strong])
        #expect(accepted.questions.first?.number == 2)
        #expect(transcript.inner.records.suffix(3).map(\.type) == [.answer, .score, .question])
    }

    @Test("a failed /quit leaves the session open, so it can end properly later")
    func quitNotSaved() {
        let transcript = FailingTranscript()
        let session = InterviewSession(
            scenario: SessionFixture.scenario(), pool: SessionFixture.pool, options: SessionOptions(count: 3, seed: 1, followUp: false),
            scorer: Scorer(), clock: ManualClock(), transcript: transcript)
        _ = session.start()
        transcript.failAfter = 0
        _ = session.handle("/quit")
        #expect(!session.isFinished)
        transcript.failAfter = nil
        _ = session.handle("/quit")
        #expect(session.isFinished)
        #expect(transcript.inner.records.last?.type == .sessionEnd)
    }

    @Test("a checkpoint restores the engine and cuts the file back, even after half a line")
    func fileRollBack() throws {
        let folder = NSTemporaryDirectory() + "rehearse-rollback-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try TranscriptFile(folder: folder, scenario: "demo", startedAt: Date())
        let session = InterviewSession(
            scenario: SessionFixture.scenario(), pool: SessionFixture.pool, options: SessionOptions(count: 3, seed: 1, followUp: false),
            scorer: Scorer(), clock: ManualClock(), transcript: file)
        _ = session.start()
        let checkpoint = session.checkpoint()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        _ = session.handle(SessionFixture.strong)
        // A torn write: bytes the mark never counted.
        let handle = try #require(FileHandle(forWritingAtPath: file.path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"type":"ans"#.utf8))
        try handle.close()
        try session.restore(checkpoint)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int == size)
        #expect(session.current?.number == 1)
        #expect(try TranscriptReader.read(file.path).warnings.isEmpty)
    }

    @Test("going back drops the answers given since, and a point not reached is refused")
    func resultsGoBack() throws {
        let session = InterviewSession(
            scenario: SessionFixture.scenario(), pool: SessionFixture.pool, options: SessionOptions(count: 3, seed: 1, followUp: false),
            scorer: Scorer(), clock: ManualClock(), transcript: MemoryTranscript())
        _ = session.start()
        _ = session.handle(SessionFixture.strong)
        let afterOne = session.checkpoint()
        _ = session.handle(SessionFixture.strong)
        #expect(session.current?.number == 3)
        try session.restore(afterOne)
        #expect(session.current?.number == 2)
        _ = session.handle(SessionFixture.strong)
        let afterTwo = session.checkpoint()
        #expect(session.current?.number == 3)
        try session.restore(afterOne)
        #expect(throws: CoreError.self) { try session.restore(afterTwo) }
    }
}
