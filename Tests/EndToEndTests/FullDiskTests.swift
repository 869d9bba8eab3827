import Foundation
import RehearseTestSupport
import Testing

/// `practice` on a disk that fills up: no answer is shown as accepted unless its lines are
/// written, the interview stays at the question, and the exit status says something was lost.
@Suite struct FullDiskTests {
    @Test func practiceRefusesAnswersItCannotSave() throws {
        let (mounted, reason) = SmallDisk.mount()
        guard let disk = mounted else {
            print("skipped the full-disk practice test: \(reason)")
            return
        }
        defer { disk.unmount() }
        let runner = try BinaryRunner()
        defer { runner.cleanUp() }
        let folder = disk.path + "/transcripts"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        disk.fill()
        // One page: the start and the first question fit, a few answers at most after them.
        disk.free(4096)
        let answers = (1...8).map { "Answer number \($0) mentions middleware, templates and the ORM." }.joined(separator: "\n") + "\n"
        let output = try runner.run(["practice", "--seed", "1", "--count", "5", "--no-follow-up", "--transcripts", folder], stdin: answers)
        #expect(output.status == 1)
        #expect(output.stdout.contains("not saved"))
        #expect(output.stderr.contains("not saved to the transcript"))
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".jsonl") })
        let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        #expect(text.hasSuffix("\n"), "a torn line was left behind")
        let records = text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.count == text.split(separator: "\n").count, "every line reads as a record")
        let saved = records.filter { $0["type"] as? String == "answer" }.count
        let scored = output.stdout.components(separatedBy: "Score ").count - 1
        #expect(saved < 8)
        // Every score shown was for an answer the transcript holds.
        #expect(scored <= saved || scored == 0, "shown \(scored) scores for \(saved) saved answers")
    }
}
