import Foundation
import RehearseFuzzing
import RehearseScoring
import Testing

@testable import RehearseCore

/// Every input a fuzzer (or a report) ever crashed a parser with, run through the same entry
/// point the fuzzer uses: `Fixtures/fuzz-regressions/TARGET/*`. `make fuzz` says where a new
/// finding is; copying it into the target's folder keeps it fixed.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz-regressions")

    static var inputs: [String] {
        FuzzTarget.allCases.flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target.rawValue).path)) ?? [])
                .sorted().map { "\(target.rawValue)/\($0)" }
        }
    }

    @Test func everyTargetHasRegressionInputs() {
        for target in FuzzTarget.allCases {
            #expect(Self.inputs.contains { $0.hasPrefix(target.rawValue + "/") }, "no regression input for \(target)")
        }
    }

    @Test(arguments: inputs)
    func runsWithoutCrashing(_ input: String) throws {
        let target = try #require(FuzzTarget(rawValue: String(input.prefix { $0 != "/" })))
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(input))
        // A crash or a trap fails the whole run; reaching the end is the check.
        target.run(data)
    }
}

/// Batch and eval lines hold numbers from outside too.
@Suite struct BatchNumberTests {
    @Test func hugeWeightsAndGradesOutOfRangeAreRefused() {
        let weights = #"{"answer": "a", "reference": "b", "concepts": [{"name": "x", "weight": 1e308}, {"name": "y", "weight": 1e308}]}"#
        let outcomes = BatchScorer(settings: ScorerSettings(), catalog: { throw CoreError.noGrades("none") }).score(text: weights)
        #expect(outcomes.first?.report == nil && outcomes.first?.error != nil)
        let grade = #"{"answer": "a", "reference": "b", "score": 1e300, "max_score": 5}"#
        #expect(BatchScorer(settings: ScorerSettings(), catalog: { throw CoreError.noGrades("none") }).score(text: grade).first?.item?.gold == nil)
    }
}
