import Foundation
import RehearseScoring
import Testing

@testable import RehearseCore

/// Words that must fit what happened (issue 16, item 8): greetings that follow --count, and
/// "most missed" sentences that explain the concept, once each.
@Suite struct InterviewerWordsTests {
    @Test func theGreetingSaysTheSessionsCount() {
        #expect(InterviewerText.fill("I'll ask you {count} questions.", count: 3) == "I'll ask you three questions.")
        #expect(InterviewerText.fill("{count} questions", count: 42) == "42 questions")
        #expect(InterviewerText.fill("I'll ask you {count} questions.", count: 1) == "I'll ask you one question.")
        #expect(InterviewerText.hardCodesCount("I'll ask you five questions about Django"))
        #expect(InterviewerText.hardCodesCount("5 Questions on Flask"))
        #expect(!InterviewerText.hardCodesCount("I'll ask you {count} questions; five minutes each"))
        #expect(InterviewerText.unknownPlaceholders(in: "Hi {name}, {count} questions") == ["{name}"])
    }

    @Test func lintNamesAHardCodedCountAndAnUnknownPlaceholder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        id: demo
        title: Demo
        description: A demo.
        interviewer:
          name: Sam
          greeting: Hi, I'm Sam. I'll ask you five questions.
          closing: Bye {nmae}.
        draw:
          topics: [django]
        """.write(to: folder.appendingPathComponent("demo.yaml"), atomically: true, encoding: .utf8)
        let result = try CatalogLoader.load(.builtinAndPaths([folder.path]), authoring: true)
        let messages = result.diagnostics.all.map(\.description)
        #expect(messages.contains { $0.contains("unknown placeholder \"{nmae}\" in the closing (known: {count})") }, "\(messages)")
        #expect(messages.contains { $0.contains("the greeting states how many questions; write {count} instead") }, "\(messages)")
    }

    @Test func aCountPastThePoolIsCutWithANotice() throws {
        let catalog = try CatalogLoader.load(.builtin).validCatalog()
        let resolved = try SessionPlan(scenario: "flask-fundamentals", count: 500).resolve(in: catalog, defaults: .builtin)
        #expect(resolved.options.count == resolved.pool.count)
        #expect(resolved.notice == "flask-fundamentals has \(resolved.pool.count) questions to ask, not 500: asking \(resolved.pool.count).")
        #expect(try SessionPlan(scenario: "flask-fundamentals", count: 2).resolve(in: catalog, defaults: .builtin).notice == nil)
    }

    @Test func mostMissedExplainsEachConceptWithItsOwnSentenceOnce() {
        let concept = { (name: String, terms: [String]) in Concept(name: name, terms: terms) }
        let reference = "Select related joins the tables and prefetch related runs a second query. Both avoid the N+1 problem."
        let sentences = ExplainingSentences()
        #expect(
            sentences.sentence(explaining: concept("joins", ["joins"]), in: reference)
                == "Select related joins the tables and prefetch related runs a second query.")
        #expect(sentences.sentence(explaining: concept("caching", ["cache"]), in: reference) == "", "no sentence names it: show none")
        let long = String(repeating: "word ", count: 60) + "the zebracorn matters " + String(repeating: "more ", count: 60) + "."
        let cut = sentences.sentence(explaining: concept("zebracorn", ["zebracorn"]), in: long)
        #expect(cut.contains("zebracorn") && cut.count <= ExplainingSentences.maxLength + 2 && cut.hasPrefix("…"))
    }
}
