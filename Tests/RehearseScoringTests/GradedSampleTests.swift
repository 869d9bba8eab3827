import Testing

@testable import RehearseScoring

/// Graded samples: accepted ones as extra references, the closest ones moving the score, the
/// relevance line, and no change at all without samples.
@Suite struct GradedSampleTests {
    static let prompt = "Why can duplicate packets be a problem in a network?"
    static let reference = "The receiver may not tell a duplicate from the original and act on the same information twice."
    let question = ScoringQuestion(prompt: prompt, references: [reference])

    func with(_ samples: [GradedSample]) -> ScoringQuestion {
        ScoringQuestion(prompt: Self.prompt, references: [Self.reference], samples: samples)
    }

    @Test func withoutSamplesTheScoreIsExactlyTheRubricsAndTheReportSaysNothingOfSamples() {
        for answer in ["The receiver acts on the same information twice.", "It wastes bandwidth.", ""] {
            let plain = Scorer().score(answer, for: question)
            let empty = Scorer().score(answer, for: with([]))
            #expect(plain == empty)
            #expect(plain.conceptScore == nil && plain.closestSamples == nil && plain.matchedSample == nil && plain.relevance == nil)
        }
    }

    @Test func anAcceptedSampleIsAnExtraReferenceWorthItsGrade() {
        let answer = "Duplicates waste bandwidth and add congestion, so throughput drops."
        let sample = GradedSample(answer: "Duplicates waste bandwidth and cause congestion, lowering throughput.", score: 100, label: "sample 1")
        let without = Scorer().score(answer, for: question)
        let report = Scorer().score(answer, for: with([sample]))
        #expect(without.band == .weak)
        #expect(report.score > without.score + 30, "\(without.score) → \(report.score)")
        #expect(report.matchedSample?.label == "sample 1")
        #expect(report.closestSamples?.first?.label == "sample 1")
        // The rubric still explains: the concepts are the reference answer's.
        #expect(report.missed.map(\.concept) == without.missed.map(\.concept))

        // Graded 70 it is worth (0.7)³ of a match: it cannot lift the answer as far.
        let weaker = Scorer().score(answer, for: with([GradedSample(answer: sample.answer, score: 70, label: "sample 1")]))
        #expect(weaker.score < report.score)
    }

    @Test func theClosestSamplesMoveTheScoreTheWayPeopleDisagreedWithTheScorer() {
        // People graded an answer that repeats the reference's words without the point low; one
        // like it moves down. An unlike answer is not moved by it.
        let parrot = "The receiver, the original, the same information: duplicate packets."
        let low = GradedSample(answer: "The receiver gets the original and the same information as duplicate packets.", score: 10, label: "low")
        let plain = Scorer().score(parrot, for: question)
        let moved = Scorer().score(parrot, for: with([low]))
        #expect(moved.score < plain.score, "\(plain.score) → \(moved.score)")
        #expect(moved.conceptScore == plain.score)
        #expect(moved.closestSamples?.map(\.label) == ["low"])
        #expect(moved.closestSamples?.first?.score == 10)
    }

    @Test func anAnswerAboutSomethingElseIsScaledDownBelowTheRelevanceLine() throws {
        let question = ScoringQuestion(
            prompt: "What does Django's CSRF middleware do?",
            references: ["It checks a secret token on every unsafe request, so another site cannot forge requests with the user's cookies."],
            concepts: [
                ScoringConcept(name: "token", terms: ["token"]), ScoringConcept(name: "request", terms: ["request"]),
                ScoringConcept(name: "forgery", terms: ["forge", "forgery"]),
            ],
            samples: [
                GradedSample(
                    answer: "Every POST must carry the secret token, or the middleware rejects it: other sites cannot forge requests.", score: 90,
                    label: "example 1")
            ])
        let elsewhere = "The session framework keeps data on the server and loads it again for each request."
        let rubricOnly = Scorer().score(
            elsewhere, for: ScoringQuestion(prompt: question.prompt, references: question.references, concepts: question.concepts))
        let report = Scorer().score(elsewhere, for: question)
        #expect(try #require(report.relevance) < ScorerSettings().sampleRelevance)
        #expect(rubricOnly.band == .partial, "the topic's word \"request\" alone earns partial credit")
        #expect(report.score < rubricOnly.score)
        #expect(report.band == .weak)

        let onPoint = Scorer().score("The middleware wants a secret token with each request, so a forged request fails.", for: question)
        #expect(try #require(onPoint.relevance) >= ScorerSettings().sampleRelevance)
        #expect(onPoint.band == .strong)
    }

    @Test func settingsTurnEachPartOff() {
        let answer = "Duplicates waste bandwidth and add congestion."
        let samples = [GradedSample(answer: "Duplicates waste bandwidth and cause congestion.", score: 40, label: "s")]
        var off = ScorerSettings()
        off.sampleWeight = 0
        off.sampleRelevance = 0
        let report = Scorer(settings: off).score(answer, for: with(samples))
        // A 40-point sample is not accepted, the neighbour weight is 0 and the line is off: the
        // rubric's score, with the samples still named.
        #expect(report.score == Scorer().score(answer, for: question).score)
        #expect(report.closestSamples?.first?.label == "s")
    }

    @Test func onlyTheLatestSamplesCount() {
        let many = (0..<(PreparedQuestion.maxSamples + 50)).map {
            GradedSample(answer: "duplicates answer number \($0) congestion bandwidth", score: 50, label: "#\($0)")
        }
        let report = Scorer().score("duplicates congestion bandwidth answer number 3", for: with(many))
        let labels = try? #require(report.closestSamples).map(\.label)
        #expect(labels?.contains("#3") == false)
        #expect(labels?.count == ScorerSettings().sampleNeighbours)
    }

    @Test func gradesAreClampedAndNaNIsZero() {
        #expect(GradedSample(answer: "a", score: 140, label: "x").score == 100)
        #expect(GradedSample(answer: "a", score: -3, label: "x").score == 0)
        #expect(GradedSample(answer: "a", score: .nan, label: "x").score == 0)
    }
}
