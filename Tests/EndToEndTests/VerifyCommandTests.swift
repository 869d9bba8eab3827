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
