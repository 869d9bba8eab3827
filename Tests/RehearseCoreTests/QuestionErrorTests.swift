import Testing

@testable import RehearseCore

/// One test per kind of problem in a bank file, each asserting the exact message and position.
@Suite struct QuestionErrorTests {
    @Test func validBankHasNoDiagnostics() {
        #expect(lint(("b.yaml", bank(question("demo.one")))) == [])
    }

    @Test func yamlSyntaxErrorFromBadIndentation() {
        let text = """
            questions:
              - id: demo.one
                topic: demo
               prompt: What?
            """
        #expect(
            lint(("b.yaml", text)) == [
                "b.yaml:4:4: invalid YAML: did not find expected '-' indicator (check the indentation of this line and the one above)"
            ])
    }

    @Test func unquotedColonIsExplained() {
        let text = """
            questions:
              - id: demo.one
                prompt: Why: because
            """
        #expect(
            lint(("b.yaml", text)) == [
                "b.yaml:3:16: invalid YAML: mapping values are not allowed in this context (check the indentation, and quote text that contains \": \")"
            ])
    }

    @Test func unknownKeySuggestsTheClosestKnownOne() {
        let diagnostics = lint(("b.yaml", bank(question("demo.one", extra: "    follow-up: Another?"))))
        #expect(
            diagnostics == [
                "b.yaml:12:5: unknown key \"follow-up\" in question \"demo.one\" (did you mean \"follow_up\"?)"
            ])
    }

    @Test func unknownKeyWithNothingCloseListsTheKeys() {
        let diagnostics = lint(("b.yaml", bank(question("demo.one", extra: "    colour: blue"))))
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].hasPrefix("b.yaml:12:5: unknown key \"colour\" in question \"demo.one\" (expected one of: id, topic, tags,"))
    }

    @Test func missingKeyNamesTheQuestionAndTheKey() {
        let text = """
            questions:
              - id: demo.one
                topic: demo
                difficulty: easy
                answer: An answer about testing.
                concepts: [{name: testing, terms: [testing]}]
                hints: [One.]
                follow_up: Why?
            """
        #expect(lint(("b.yaml", text)) == ["b.yaml:2:5: question \"demo.one\" is missing \"prompt\""])
    }

    @Test func wrongTypeTextWhereAListBelongs() {
        let diagnostics = lint(("b.yaml", bank(question("demo.one", extra: "    tags: orm"))))
        #expect(
            diagnostics == [
                "b.yaml:12:11: \"tags\" must be a list, got \"orm\" (write [orm] or put each item on its own \"- \" line)"
            ])
    }

    @Test func wrongTypeListWhereTextBelongs() {
        let text = bank(question("demo.one")).replacingOccurrences(of: "prompt: What is demo.one?", with: "prompt: [a, b]")
        #expect(lint(("b.yaml", text)) == ["b.yaml:5:13: \"prompt\" must be text, got a list"])
    }

    @Test func unknownDifficulty() {
        #expect(
            lint(("b.yaml", bank(question("demo.one", difficulty: "expert")))) == [
                "b.yaml:4:17: unknown difficulty \"expert\" (expected easy, medium or hard)"
            ])
    }

    @Test func invalidID() {
        #expect(
            lint(("b.yaml", bank(question("Demo One")))) == [
                "b.yaml:2:9: question id \"Demo One\" must be lowercase words joined by dots, e.g. \"django.csrf\""
            ])
    }

    @Test func duplicateIDsAcrossFilesPointToTheFirst() {
        #expect(
            lint(("a.yaml", bank(question("demo.one"))), ("b.yaml", bank(question("demo.one")))) == [
                "b.yaml:2:9: duplicate question id \"demo.one\" (first used at a.yaml:2:9; ids must be unique across all banks)"
            ])
    }

    @Test func duplicateIDIsFoundEvenWhenTheFirstQuestionIsBroken() {
        let diagnostics = lint(("a.yaml", bank(question("demo.one", difficulty: "expert"))), ("b.yaml", bank(question("demo.one"))))
        #expect(
            diagnostics.contains("b.yaml:2:9: duplicate question id \"demo.one\" (first used at a.yaml:2:9; ids must be unique across all banks)"))
    }

    @Test func duplicateKeyInOneMapping() {
        let text = bank(question("demo.one", extra: "    topic: again"))
        #expect(lint(("b.yaml", text)) == ["b.yaml:3:5: duplicate key \"topic\" (each key may appear once per mapping)"])
    }

    @Test func emptyHintsList() {
        let text = bank(question("demo.one")).replacingOccurrences(of: "hints: [Think of tests., It is used for testing.]", with: "hints: []")
        #expect(lint(("b.yaml", text)) == ["b.yaml:10:12: question \"demo.one\" has no hints (the \"hints\" list is empty)"])
    }

    @Test func missingHints() {
        let text = bank(question("demo.one")).replacingOccurrences(of: "    hints: [Think of tests., It is used for testing.]\n", with: "")
        #expect(lint(("b.yaml", text)) == ["b.yaml:2:5: question \"demo.one\" has no hints (add a \"hints\" list, least revealing first)"])
    }

    @Test func emptyHintItem() {
        let text = bank(question("demo.one")).replacingOccurrences(
            of: "hints: [Think of tests., It is used for testing.]", with: "hints: [Think of tests., \"\"]")
        #expect(lint(("b.yaml", text)) == ["b.yaml:10:30: hint 2 of question \"demo.one\" is empty (write the hint or remove the line)"])
    }

    @Test func emptyFollowUp() {
        let text = bank(question("demo.one")).replacingOccurrences(of: "follow_up: Why test?", with: "follow_up:")
        #expect(
            lint(("b.yaml", text)) == [
                "b.yaml:11:15: question \"demo.one\" has an empty \"follow_up\" (ask about the most important concept)"
            ])
    }

    @Test func missingFollowUp() {
        let text = bank(question("demo.one")).replacingOccurrences(of: "    follow_up: Why test?\n", with: "")
        #expect(
            lint(("b.yaml", text)) == [
                "b.yaml:2:5: question \"demo.one\" has no \"follow_up\" (add a question about the most important concept)"
            ])
    }

    @Test func draftMayLackHintsAndFollowUpWithWarnings() {
        let text = bank(question("demo.one", extra: "    draft: true"))
            .replacingOccurrences(of: "    follow_up: Why test?\n", with: "")
            .replacingOccurrences(of: "    hints: [Think of tests., It is used for testing.]\n", with: "")
        #expect(
            lint(("b.yaml", text)) == [
                "b.yaml:2:5: warning: draft question \"demo.one\" has no hints (add a \"hints\" list, least revealing first)",
                "b.yaml:2:5: warning: draft question \"demo.one\" has no \"follow_up\" (add a question about the most important concept)",
            ])
    }

    @Test func conceptWithoutTerms() {
        let text = bank(question("demo.one")).replacingOccurrences(of: "terms: [testing]", with: "terms: []")
        #expect(
            lint(("b.yaml", text)) == [
                "b.yaml:8:9: concept \"testing\" of question \"demo.one\" has no terms (list the words and phrases that show it under \"terms\")"
            ])
    }

    @Test func conceptWeightMustBePositive() {
        let text = bank(question("demo.one")).replacingOccurrences(of: "terms: [testing]", with: "terms: [testing]\n        weight: 0")
        #expect(
            lint(("b.yaml", text)) == [
                "b.yaml:10:17: \"weight\" of concept \"testing\" of question \"demo.one\" must be greater than 0, got 0"
            ])
    }

    @Test func exampleExpectationMustBeABandOrRange() {
        let text = bank(question("demo.one", extra: "    examples:\n      - answer: It is for testing.\n        expect: great"))
        #expect(
            lint(("b.yaml", text)) == [
                "b.yaml:14:17: unknown expectation \"great\" (expected strong, partial, weak or a score range such as 60-80)"
            ])
    }

    @Test func conceptAbsentFromTheAnswerIsAWarning() {
        let text = bank(question("demo.one")).replacingOccurrences(of: "terms: [testing]", with: "terms: [middleware]")
        #expect(
            lint(("b.yaml", text)) == [
                "b.yaml:2:5: warning: concept \"testing\" of question \"demo.one\": none of its terms occurs in the reference answer (say it in \"answer\" or fix the terms)"
            ])
    }

    @Test func termsMatchTheAnswerByStem() {
        // "tests" in the term, "testing" in the answer: same stem, no warning.
        let text = bank(question("demo.one")).replacingOccurrences(of: "terms: [testing]", with: "terms: [tests]")
        #expect(lint(("b.yaml", text)) == [])
    }

    @Test func stopwordOnlyTermIsAWarning() {
        let text = bank(question("demo.one")).replacingOccurrences(of: "terms: [testing]", with: "terms: [testing, \"or\"]")
        #expect(
            lint(("b.yaml", text)) == [
                "b.yaml:2:5: warning: term \"or\" of concept \"testing\" in question \"demo.one\" has no word the scorer can match (it is only stopwords or punctuation)"
            ])
    }

    @Test func everyProblemOfAFileIsReportedNotOnlyTheFirst() {
        let text = bank(question("demo.one", difficulty: "expert", extra: "    colour: blue\n    tags: orm"))
        #expect(lint(("b.yaml", text)).count == 3)
    }

    @Test func emptyFile() {
        #expect(
            lint(("b.yaml", "")) == [
                "b.yaml:1:1: the file is empty (write a bank with \"questions:\" or a scenario with \"id:\" and \"draw:\")"
            ])
    }
}

/// Authoring checks are for `rehearse lint`; ordinary loading skips their cost.
@Test func authoringWarningsOnlyWhenAskedFor() {
    let text = bank(question("demo.one")).replacingOccurrences(of: "terms: [testing]", with: "terms: [middleware]")
    let files = [ScenarioFile(path: "b.yaml", text: text)]
    #expect(CatalogLoader.load(files: files, authoring: true).diagnostics.warnings.count == 1)
    #expect(CatalogLoader.load(files: files).diagnostics.all.isEmpty)
}
