import Foundation
import RehearseScoring
import Testing

@testable import RehearseCore

/// The closing report's "most missed" concepts: counted over every question, the three shown
/// in order of count then first appearance, each explained by the first question that missed it.
@Suite struct ClosingReportMissedTests {
    static func question(_ id: String, answer: String, concepts: [String]) -> Question {
        Question(
            id: id, topic: "demo", tags: [], difficulty: .easy, prompt: "Explain \(id)?", answer: answer,
            concepts: concepts.map { Concept(name: $0, terms: [$0]) }, hints: [], followUp: nil, location: SessionFixture.location)
    }

    static func result(_ question: Question, missed: [String]) -> QuestionResult {
        var result = QuestionResult(question: question)
        result.report = ScoreReport(
            score: 0, band: .weak, matched: [], missed: missed.map { MissedConcept(concept: $0, weight: 1, required: false) }, feedback: "",
            conceptCoverage: 0, overlap: 0, derivedConcepts: false)
        return result
    }

    @Test func countsEveryMissAndExplainsEachShownConceptFromTheFirstQuestionThatMissedIt() {
        let first = Self.question("a", answer: "Alpha comes first. Beta is second. Gamma is third.", concepts: ["alpha", "beta", "gamma", "delta"])
        let second = Self.question("b", answer: "Here alpha means something else. Delta is fourth.", concepts: ["alpha", "delta"])
        let third = Self.question("c", answer: "Gamma again.", concepts: ["gamma", "epsilon"])
        var skipped = Self.result(third, missed: [])
        skipped.report = nil
        let report = ClosingReport(
            results: [
                Self.result(first, missed: ["alpha", "beta", "gamma"]),
                Self.result(second, missed: ["alpha", "delta", "unknown concept"]),
                Self.result(third, missed: ["gamma", "epsilon"]),
                skipped,
            ], transcript: "t", duration: 1)
        // alpha and gamma twice (alpha seen first), then beta, delta and epsilon once: beta first.
        #expect(report.mostMissed.map(\.concept) == ["alpha", "gamma", "beta"])
        #expect(report.mostMissed.map(\.count) == [2, 2, 1])
        #expect(report.mostMissed[0].sentence == "Alpha comes first.", "from the first question that missed it")
        #expect(report.mostMissed[1].sentence == "Gamma is third.")
        #expect(report.mostMissed[2].sentence == "Beta is second.")
    }

    /// A miss counts only where the question has the concept, even when an earlier question did.
    @Test func aMissOfAConceptTheQuestionDoesNotHaveIsNotCounted() {
        let first = Self.question("a", answer: "Alpha comes first. Beta is second.", concepts: ["alpha", "beta"])
        let second = Self.question("b", answer: "Beta again.", concepts: ["beta"])
        let report = ClosingReport(
            results: [
                Self.result(first, missed: ["alpha", "beta"]), Self.result(second, missed: ["alpha", "beta"]),
                Self.result(second, missed: ["alpha"]),
            ], transcript: "t", duration: 1)
        #expect(report.mostMissed.map(\.concept) == ["beta", "alpha"])
        #expect(report.mostMissed.map(\.count) == [2, 1])
    }

    @Test func aSentenceExplainingTwoShownConceptsIsShownOnce() {
        let question = Self.question("a", answer: "Alpha and beta go together. Gamma is apart.", concepts: ["alpha", "beta", "gamma"])
        let report = ClosingReport(results: [Self.result(question, missed: ["alpha", "beta", "gamma"])], transcript: "t", duration: 1)
        #expect(report.mostMissed.map(\.sentence) == ["Alpha and beta go together.", "", "Gamma is apart."])
    }
}
