import Foundation
import Testing

@testable import RehearseScoring

@Suite struct AgreementTests {
    @Test func pearsonAndSpearman() {
        #expect(abs(Agreement.pearson([1, 2, 3], [2, 4, 6]) - 1) < 1e-12)
        #expect(abs(Agreement.pearson([1, 2, 3], [3, 2, 1]) + 1) < 1e-12)
        #expect(Agreement.pearson([1, 1, 1], [1, 2, 3]).isNaN)
        #expect(Agreement.ranks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
    }

    /// The same figures as shared/evaldata/metrics.py on a small file.
    @Test func matchesMetricsPy() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/evaldata/metrics.py").standardizedFileURL
        guard FileManager.default.fileExists(atPath: script.path) else {
            print("skipped: \(script.path) not found (shared/ must sit beside the repo)")
            return
        }
        let rows: [(String, Double, Double, Double)] = [
            ("a", 80, 4, 5), ("a", 20, 1, 5), ("a", 55, 2.5, 5), ("b", 100, 1, 1), ("b", 10, 0, 1),
            ("b", 60, 1, 1), ("c", 30, 2, 2), ("c", 30, 1, 2), ("c", 70, 2, 2), ("d", 50, 1, 1),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let gold = rows.map { "{\"question_id\": \"\($0.0)\", \"score\": \($0.2), \"max_score\": \($0.3)}" }.joined(separator: "\n")
        let predicted = rows.map { "{\"score\": \($0.1)}" }.joined(separator: "\n")
        try gold.write(to: folder.appendingPathComponent("gold.jsonl"), atomically: true, encoding: .utf8)
        try predicted.write(to: folder.appendingPathComponent("pred.jsonl"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script.path, folder.appendingPathComponent("gold.jsonl").path, folder.appendingPathComponent("pred.jsonl").path, "--json",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            print("skipped: python3 is not installed, so metrics.py cannot run")
            return
        }
        guard process.terminationStatus == 0, let theirs = try JSONSerialization.jsonObject(with: data) as? [String: Double] else {
            Issue.record("metrics.py failed with status \(process.terminationStatus)")
            return
        }
        let ours = Agreement(rows.map { GradedPrediction(questionID: $0.0, predicted: $0.1 / 100, gold: $0.2 / $0.3) })
        #expect(ours.n == 10)
        for (name, value) in [("pearson", ours.pearson), ("spearman", ours.spearman), ("q_pearson", ours.qPearson), ("rmse", ours.rmse)] {
            #expect(abs(value - (theirs[name] ?? .nan)) < 1e-9, "\(name): ours \(value), metrics.py \(theirs[name] ?? .nan)")
        }
    }
}
