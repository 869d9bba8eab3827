import Foundation
import Testing

@testable import RehearseCore

@Suite struct TranscriptFileTests {
    @Test func filesArePrivateNamedByTimeAndOneJSONObjectPerLine() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-tx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = base.appendingPathComponent("nested/transcripts").path
        let started = Date(timeIntervalSince1970: 1_800_000_000)
        let file = try TranscriptFile(folder: folder, scenario: "python-web", startedAt: started)
        let second = try TranscriptFile(folder: folder, scenario: "python-web", startedAt: started)
        #expect(file.path.hasSuffix("\(TranscriptFile.fileStamp(started))-python-web.jsonl"))
        #expect(second.path.hasSuffix("-python-web-2.jsonl"))

        var line = TranscriptRecord(.answer, at: started)
        line.text = "line one\nand a \"quoted\" second line"
        try file.append(line)
        try file.append(TranscriptRecord(.sessionEnd, at: started))

        let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(fileMode == 0o600)
        let lines = try String(contentsOfFile: file.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let decoded = try lines.map { try JSONDecoder().decode(TranscriptRecord.self, from: Data($0.utf8)) }
        #expect(decoded.map(\.type) == [.answer, .sessionEnd])
        #expect(decoded[0].text == line.text)
        #expect(decoded[0].time == "2027-01-15T08:00:00.000Z")
    }

    @Test func aFileWhereTheFolderShouldBeIsAClearError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-tx-file-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CoreError.transcript("\"\(path)\" is a file, not a folder (choose a folder with --transcripts)")) {
            try TranscriptFile(folder: path, scenario: "x", startedAt: Date())
        }
    }

    @Test func recentQuestionsSkipBrokenLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-recent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text =
            #"{"type":"question","time":"t","question_id":"django.csrf"}"# + "\n{\"type\":\"quest\n"
            + #"{"type":"answer","time":"t","question_id":"x","text":"the \"question\" was"}"# + "\n"
            + #"{"time": "t", "type": "question", "question_id": "written.with.spaces"}"# + "\n"
        try text.write(to: folder.appendingPathComponent("20260101-000000-a.jsonl"), atomically: true, encoding: .utf8)
        #expect(RecentQuestions.ids(in: folder.path) == ["django.csrf", "written.with.spaces"])
        #expect(RecentQuestions.ids(in: "/no/such/folder").isEmpty)
    }
}
