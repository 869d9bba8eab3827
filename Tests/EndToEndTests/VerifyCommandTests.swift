import Foundation
import Testing

/// `rehearse verify` on the shipped banks and on a bank whose examples are wrong.
@Suite final class VerifyCommandTests {
    let runner: BinaryRunner

    init() throws { runner = try BinaryRunner() }
    deinit { runner.cleanUp() }

    @Test func theShippedBanksPass() throws {
        let output = try runner.run(["verify", "--require-examples"])
        #expect(output.status == 0, "\(output.stdout)")
        #expect(output.stdout.hasSuffix("0 mismatched, 0 warnings\n"))
        #expect(output.stdout.contains("Graded samples moved the examples by "))
        #expect(output.stdout.contains("Strong examples against the other questions of their topic: "))
        let gate = try runner.run(["verify", "--min-discrimination", "95"])
        #expect(gate.status == 0, "\(gate.stdout)")
        #expect(gate.stdout.contains("% weak (") && gate.stdout.contains(", at least 95% required"))
    }

    @Test func aDiscriminationBelowTheMinimumFailsAndNamesTheConfusions() throws {
        let bank = runner.home.appendingPathComponent("pair.yaml")
        try """
        questions:
          - id: demo.cache
            topic: demo
            difficulty: easy
            prompt: What is caching?
            answer: Caching stores expensive results in memory so the next request is fast.
            concepts: [{name: memory, terms: [memory]}, {name: fast, terms: [fast, faster]}]
            hints: [Where are results kept?]
            follow_up: How do you keep it fresh?
            examples:
              - answer: Keeping results in memory so later requests are fast.
                expect: strong
          - id: demo.memo
            topic: demo
            difficulty: easy
            prompt: What is memoization?
            answer: Memoization keeps a function's results in memory so repeated calls are fast.
            concepts: [{name: memory, terms: [memory]}, {name: fast, terms: [fast, faster]}]
            hints: [What does the function remember?]
            follow_up: When does it not help?
            examples:
              - answer: A function remembers results in memory so calling it again is fast.
                expect: strong
        """.write(to: bank, atomically: true, encoding: .utf8)
        let output = try runner.run(["verify", "--min-discrimination", "95", bank.path])
        #expect(output.status == 1)
        #expect(output.stdout.contains("Strong examples against the other questions of their topic: 0.0% weak (0 of 2), at least 95% required"))
        #expect(output.stdout.contains("ANSWER TO"))
        #expect(output.stdout.contains("demo.memo"))
        let bad = try runner.run(["verify", "--min-discrimination", "120", bank.path])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--min-discrimination takes a percentage from 0 to 100, got 120"))
    }

    @Test func aWeakExampleThatScoresStrongFailsWithATable() throws {
        let bank = runner.home.appendingPathComponent("bank.yaml")
        try """
        questions:
          - id: demo.cache
            topic: demo
            difficulty: easy
            prompt: What is caching?
            answer: Caching stores expensive results in memcached or redis and invalidates them when data changes.
            concepts:
              - name: store results
                terms: [store results, stores expensive results]
              - name: backends
                terms: [memcached, redis]
              - name: invalidation
                terms: [invalidates, invalidation]
            hints: [Think of memory., It stores results in memcached or redis and invalidates them when data changes.]
            follow_up: How do you keep it fresh?
            examples:
              - answer: It stores expensive results in redis and invalidates them on change.
                expect: weak
              - answer: No idea.
                expect: 0-10
        """.write(to: bank, atomically: true, encoding: .utf8)
        let output = try runner.run(["verify", bank.path])
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("hint 2 of question \"demo.cache\" scores strong on its own: it gives the answer away") })
        #expect(lines.contains("1 example did not get the expected grade:"))
        #expect(lines.contains { $0.hasPrefix("QUESTION") && $0.contains("EXPECTED") && $0.contains("GOT") })
        #expect(lines.contains { $0.hasPrefix("demo.cache") && $0.contains("#1") && $0.contains("weak") && $0.contains("strong") })
        #expect(lines.last == "2 examples in 1 question: 1 mismatched, 1 warning")
    }
}
