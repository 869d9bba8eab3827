import Foundation
import RehearseAPI
import Testing

/// Answers are read without JSONDecoder when they are the usual object; whatever the quick
/// reader accepts must decode to the same request the strict decoder gives, and whatever it
/// does not accept is left to the strict decoder (and its messages).
@Suite struct InputRequestQuickTests {
    func strict(_ body: String) -> InputRequest? { try? StrictJSON.decode(InputRequest.self, from: Data(body.utf8)) }

    @Test(arguments: [
        #"{"text": "It uses middleware that checks a CSRF token.", "input_id": "w1-3"}"#,
        #"{"input_id":"a","text":"/hint"}"#,
        #" {"text": "tab\tnew\nline \"quoted\" \\ \u00e9 \ud83d\ude00 \/"} "#,
        #"{"text": ""}"#,
    ])
    func theUsualBodiesAreReadQuicklyAndAlike(body: String) throws {
        let quick = try #require(InputRequest.quick(Data(body.utf8)))
        #expect(quick == strict(body))
    }

    @Test(arguments: [
        #"{"text": "first", "text": "second"}"#,  // the decoder keeps the first
        #"{"text": "a", "unknown": "b"}"#, #"{"text": "a", "input_id": null}"#, #"{"text": 5}"#, #"{"input_id": "x"}"#,
        #"{"text": "a", "input_id": ""}"#, #"{"text": "a",}"#, #"["text"]"#, #"{"text": "\ud800"}"#, "", "{}", #"{"text": "a"} x"#,
    ])
    func anythingElseIsLeftToTheStrictDecoder(body: String) {
        #expect(InputRequest.quick(Data(body.utf8)) == nil)
    }

    @Test func invalidUTF8AndOverlongFieldsAreLeftToTheStrictDecoder() {
        #expect(InputRequest.quick(Data([0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D])) == nil)
        #expect(InputRequest.quick(Data(#"{"text": "\#(String(repeating: "a", count: APILimits.maxTextLength + 1))"}"#.utf8)) == nil)
        let longID = String(repeating: "b", count: APILimits.maxInputIDLength + 1)
        #expect(InputRequest.quick(Data(#"{"text": "a", "input_id": "\#(longID)"}"#.utf8)) == nil)
        #expect(InputRequest.quick(Data(#"{"text": "\#(String(repeating: "a", count: APILimits.maxTextLength))"}"#.utf8)) != nil)
    }

    @Test func randomBodiesNeverDisagree() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            #"{"#, #"}"#, #""text""#, #""input_id""#, #""x""#, ":", ",", " ", #""a\"b""#, #""\u0041""#, "null", "1", #""é""#, "[", "]",
            #""text":"hi""#, #""input_id":"i1""#,
        ]
        for _ in 0..<5_000 {
            let body = (0..<Int.random(in: 1...9, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if let quick = InputRequest.quick(Data(body.utf8)) { #expect(quick == strict(body), "\(body)") }
        }
        for _ in 0..<2_000 {
            let members = [#""text":"an answer""#, #""input_id":"id-1""#].shuffled(using: &generator)
            let body = "{" + members.prefix(Int.random(in: 1...2, using: &generator)).joined(separator: ",") + "}"
            #expect(InputRequest.quick(Data(body.utf8)) == strict(body), "\(body)")
        }
    }
}
