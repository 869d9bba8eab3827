import Foundation
import RehearseAPI
import Testing

/// New sessions' bodies are read without JSONDecoder when they hold plain values; whatever the
/// quick reader accepts must decode to the same request the strict decoder gives, and whatever
/// it does not accept is left to the strict decoder (and its messages).
@Suite struct CreateSessionRequestQuickTests {
    func strict(_ body: String) -> CreateSessionRequest? { try? StrictJSON.decode(CreateSessionRequest.self, from: Data(body.utf8)) }

    @Test(arguments: [
        #"{"count": 6, "follow_up": false}"#, "{}", " { } ", #"{"scenario": "django-basics", "seed": 42, "reveal": true}"#,
        #"{"count": 6.0, "time_limit": 90}"#, #"{"count": 60e-1}"#, #"{"seed": 0, "count": 1000, "time_limit": 86400}"#,
        #"{"scenario": "caf\u00e9 \"x\""}"#, #"{"seed": 9007199254740991}"#,
    ])
    func theUsualBodiesAreReadQuicklyAndAlike(body: String) throws {
        let quick = try #require(CreateSessionRequest.quick(Data(body.utf8)))
        #expect(quick == strict(body))
    }

    @Test(arguments: [
        #"{"count": 6, "count": 7}"#, #"{"count": 0}"#, #"{"count": 1001}"#, #"{"count": 2.5}"#, #"{"count": "6"}"#,
        #"{"count": null}"#, #"{"time_limit": "90s"}"#, #"{"time_limit": 0}"#, #"{"seed": -1}"#, #"{"seed": 9007199254740993}"#,
        #"{"topic": "orm"}"#, #"{"topic": ["orm"]}"#, #"{"difficulty": "easy"}"#, #"{"candidate": "Ana"}"#, #"{"unknown": 1}"#,
        #"{"follow_up": 1}"#, #"{"count": 1e400}"#, #"{"count": 6,}"#, #"[]"#, "", #"{"count": 6} x"#, #"{"scenario": 5}"#,
    ])
    func anythingElseIsLeftToTheStrictDecoder(body: String) {
        #expect(CreateSessionRequest.quick(Data(body.utf8)) == nil)
    }

    @Test func randomBodiesNeverDisagree() {
        var generator = SystemRandomNumberGenerator()
        let members = [
            #""count":6"#, #""count":1e1"#, #""count":0.5"#, #""seed":7"#, #""seed":-0"#, #""follow_up":true"#, #""reveal":false"#,
            #""time_limit":30"#, #""scenario":"flask""#, #""scenario":"""#, #""count":null"#, #""topic":"orm""#,
        ]
        for _ in 0..<5_000 {
            let chosen = (0..<Int.random(in: 0...4, using: &generator)).map { _ in members.randomElement(using: &generator)! }
            let body = "{" + chosen.joined(separator: ",") + "}"
            if let quick = CreateSessionRequest.quick(Data(body.utf8)) { #expect(quick == strict(body), "\(body)") }
        }
    }
}
