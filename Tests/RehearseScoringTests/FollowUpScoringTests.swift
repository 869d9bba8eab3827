import Testing

@testable import RehearseScoring

/// A follow-up is graded for what it asked (issue 16, item 2): its concepts join the first
/// answer's, and the score is recomputed from the merged coverage.
@Suite struct FollowUpScoringTests {
    let question = ScoringQuestion(
        prompt: "How does Django protect against CSRF?",
        references: ["The middleware checks a secret token on every unsafe request. Keep DEBUG off and HTTPS on in production."],
        concepts: [
            ScoringConcept(name: "token check", terms: ["secret token", "csrf token", "csrf_token"], weight: 2),
            ScoringConcept(name: "middleware", terms: ["middleware"]),
            ScoringConcept(name: "unsafe methods", terms: ["unsafe request", "post request", "unsafe methods"]),
            ScoringConcept(name: "security best practices", terms: ["debug off", "https"]),
        ])

    @Test func theFollowUpAddsWhatItShowedAndTheFeedbackIsAboutIt() {
        let scorer = Scorer()
        let first = scorer.score("A middleware checks a secret token.", for: question)
        let after = scorer.score(followUp: "It is checked for every unsafe request like POST.", asked: "unsafe methods", after: first, for: question)
        #expect(after.followUpFrom == first.score)
        #expect(after.score > first.score)
        #expect(after.matched.map(\.concept) == ["token check", "middleware", "unsafe methods"])
        #expect(after.missed.map(\.concept) == ["security best practices"])
        #expect(after.feedback == "Your follow-up covered unsafe methods. Still missing: security best practices.")
        // At most what one answer saying all of it would have got.
        let together = scorer.score("A middleware checks a secret token on every unsafe request like POST.", for: question)
        #expect(after.score <= together.score)
    }

    @Test func aNarrowFollowUpCannotTurnAWrongAnswerIntoAGoodOne() {
        let scorer = Scorer()
        let first = scorer.score("It encrypts the database.", for: question)
        #expect(first.band == .weak)
        let after = scorer.score(
            followUp: "Turn debug off in production and serve everything over https, the page, the api and the database.",
            asked: "security best practices", after: first, for: question)
        #expect(after.matched.map(\.concept) == ["security best practices"])
        #expect(after.band == .weak, "one concept of weight 1 in 5 is not a partial answer: \(after.score)")
    }

    @Test func aFollowUpThatShowsNothingKeepsTheFirstScore() {
        let scorer = Scorer()
        let first = scorer.score("A middleware checks a secret token.", for: question)
        let after = scorer.score(followUp: "I am not sure.", asked: "unsafe methods", after: first, for: question)
        #expect(after.score == first.score)
        #expect(after.matched == first.matched)
        #expect(after.feedback == "Your follow-up didn't show unsafe methods — the reference answer explains it.")
    }

    @Test func anotherMissedConceptShownByTheFollowUpCountsToo() {
        let scorer = Scorer()
        let first = scorer.score("A middleware checks a secret token.", for: question)
        let after = scorer.score(followUp: "Also keep DEBUG off.", asked: "unsafe methods", after: first, for: question)
        #expect(after.matched.map(\.concept).contains("security best practices"))
        #expect(
            after.feedback == "Your follow-up didn't show unsafe methods, but it did cover security best practices. Still missing: unsafe methods.")
    }
}
