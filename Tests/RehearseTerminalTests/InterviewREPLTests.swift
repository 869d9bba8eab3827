import Foundation
import RehearseCore
import RehearseScoring
import RehearseTerminal
import Testing

@Suite struct InterviewREPLTests {
    static let location = SourceLocation(path: "b.yaml", line: 1, column: 1)
    static let question = Question(
        id: "demo.cache", topic: "demo", difficulty: .easy, prompt: "What is caching?",
        answer: "Caching stores expensive results in memcached or redis.",
        concepts: [Concept(name: "store results", terms: ["store results"]), Concept(name: "backends", terms: ["memcached", "redis"])],
        hints: ["Memory.", "Redis."], followUp: "Which backends?", location: location)
    static let scenario = Scenario(
        id: "demo", title: "Demo", description: "", interviewer: Interviewer(name: "Sam", greeting: "Hello.", closing: "Bye."),
        draw: Draw(), count: 1, startDifficulty: .easy, adaptive: false, timeLimit: nil, location: location)

    func run(_ inputs: [LineInput], interactive: Bool = false) -> (output: String, transcript: MemoryTranscript) {
        let transcript = MemoryTranscript()
        let session = InterviewSession(
            scenario: Self.scenario, pool: [Self.question], options: SessionOptions(count: 1, seed: 1, followUp: false),
            scorer: Scorer(), clock: SystemClock(), transcript: transcript)
        var output = ""
        let renderer = MessageRenderer(style: TerminalStyle(enabled: false), interviewer: "Sam", reveal: false)
        var repl = InterviewREPL(session: session, reader: ScriptedReader(inputs), renderer: renderer, interactive: interactive) { output += $0 }
        repl.run()
        return (output, transcript)
    }

    func answers(_ transcript: MemoryTranscript) -> [String] {
        transcript.records.filter { $0.type == .answer }.compactMap(\.text)
    }

    @Test func aBackslashContinuesTheAnswer() {
        let result = run([.line("It stores results \\"), .line("in redis.")])
        #expect(answers(result.transcript) == ["It stores results \nin redis."])
    }

    @Test func aFenceKeepsCodeInTheAnswer() {
        let result = run([.line("Like this:\\"), .line("```python"), .line("cache.set('k', v)"), .line("```")])
        #expect(answers(result.transcript) == ["Like this:\n```python\ncache.set('k', v)\n```"])
    }

    @Test func aLineEndingInAColonContinues() {
        let result = run([.line("It stores results in redis. For example:"), .line("cache.set('k', v)")])
        #expect(answers(result.transcript) == ["It stores results in redis. For example:\ncache.set('k', v)"])
    }

    @Test func endOfInputInsideAnOpenBlockSendsNothingAndSaysSo() {
        let result = run([.line("It stores results:"), .line("```python"), .line("cache.set('k', v)")])
        #expect(answers(result.transcript).isEmpty)
        #expect(result.output.contains("unfinished answer was not sent"))
        #expect(result.transcript.records.last?.type == .sessionEnd)
    }

    @Test func ctrlCDropsTheLineAndTheQuestionStands() {
        let result = run([.line("half an ans\\"), .interrupted, .line("It stores results in redis.")])
        #expect(answers(result.transcript) == ["It stores results in redis."])
        #expect(result.output.contains("strong"))
    }

    @Test func endOfInputKeepsWhatWasTypedAndReports() {
        let result = run([.line("It stores results \\")])
        #expect(answers(result.transcript) == ["It stores results"])
        #expect(result.output.contains("Your results"))
        #expect(result.transcript.records.last?.type == .sessionEnd)
    }

    @Test func pipedDialogueHasNoPrompts() {
        let transcript = MemoryTranscript()
        let session = InterviewSession(
            scenario: Self.scenario, pool: [Self.question], options: SessionOptions(count: 1, seed: 1, followUp: false),
            scorer: Scorer(), clock: SystemClock(), transcript: transcript)
        var output = ""
        var repl = InterviewREPL(
            session: session, reader: ScriptedReader(lines: ["redis"]),
            renderer: MessageRenderer(style: TerminalStyle(enabled: false), interviewer: "Sam", reveal: false),
            interactive: false
        ) { output += $0 }
        repl.run()
        #expect(output.hasPrefix("Sam: Hello.\nType /help for the commands.\n\nQuestion 1/1 · Demo · easy\nWhat is caching?\n"))
        #expect(!output.contains("answer›"))
        #expect(output.contains("Transcript: (not saved)"))
    }

    /// A session whose closing line cannot be saved stays open; end of input must still end
    /// the loop (it asked again and again, forever, when a full disk refused the session_end).
    @Test func endOfInputEndsTheLoopEvenWhenTheSessionCannotClose() {
        final class Unclosable: InterviewDriver {
            var finishCalls = 0
            func start() -> [SessionMessage] { [] }
            func handle(_ input: String) -> [SessionMessage] { [] }
            func finish(reason: String) -> [SessionMessage] {
                finishCalls += 1
                return [.warning("that was not saved (disk full), so it was not counted")]
            }
            var isFinished: Bool { false }
            var awaitingFollowUp: Bool { false }
            var secondsLeft: Int? { nil }
            var unsavedInputs: Int { finishCalls }
        }
        let session = Unclosable()
        let renderer = MessageRenderer(style: TerminalStyle(enabled: false), interviewer: "Sam", reveal: false)
        var output = ""
        var repl = InterviewREPL(session: session, reader: ScriptedReader([.line("an answer")]), renderer: renderer, interactive: false) {
            output += $0
        }
        repl.run()
        #expect(session.finishCalls == 1)
        #expect(output.contains("not saved"))
    }
}
