import Foundation
import Testing

@testable import RehearseCore

/// The batch reader's JSON parser: the same values as Foundation's on real files, and RFC 8259
/// strict where Foundation is lenient.
@Suite struct JSONLineValueTests {
    @Test func valuesEscapesAndNesting() {
        let parsed = JSONLineValue.parse(#" {"a": [1, -0.5, 1.5e-3, 1E+2, true, false, null], "s": "q\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "o": {}} "#)
        let object = parsed?.object
        #expect(object?["a"]?.array == [.number(1), .number(-0.5), .number(0.0015), .number(100), .bool(true), .bool(false), .null])
        #expect(object?["s"]?.string == "q\"\\/\u{8}\u{c}\n\r\t\u{e9}😀")
        #expect(object?["o"]?.object == [:])
        #expect(JSONLineValue.parse(#"{"k": 1, "k": 2}"#)?.object?["k"]?.double == 2)
    }

    @Test(arguments: [
        "", "{", "{\"a\":}", "[1,]", "{\"a\":1,}", "01", "NaN", "\"\\x\"", "\"\\ud800\"", "\"a\u{1}\"", "{} x",
        "[" + String(repeating: "[", count: 100),
    ])
    func invalidTextIsRefused(text: String) {
        #expect(JSONLineValue.parse(text) == nil)
    }

    @Test func aHugeNumberIsNotAUsableGrade() {
        #expect(JSONLineValue.parse(#"{"score": 1e400}"#)?.object?["score"]?.double == nil)
    }

    @Test func agreesWithFoundationOnTheEvaluationFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/evaldata").standardized
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".jsonl") }), !names.isEmpty else {
            print("skipped the JSON parser comparison: \(folder.path) not found (shared/ must sit beside the repo)")
            return
        }
        var compared = 0
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let ours = try #require(JSONLineValue.parse(String(line))?.object)
                let theirs = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(Set(ours.keys) == Set(theirs.keys))
                #expect(ours["answer"]?.string == theirs["answer"] as? String)
                #expect(ours["score"]?.double == (theirs["score"] as? NSNumber)?.doubleValue)
                compared += 1
            }
        }
        #expect(compared > 10_000)
    }
}
