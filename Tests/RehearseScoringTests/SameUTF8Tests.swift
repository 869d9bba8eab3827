import Foundation
import Testing

@testable import RehearseScoring

/// Byte-for-byte equality of strings, small (stored inline) and large, for keys and
/// fingerprints: equal exactly when the UTF-8 bytes are.
@Test func sameUTF8IsByteEquality() {
    let long = String(repeating: "reference answer ", count: 20)
    let texts = [
        "", "a", "id.one", "caf\u{E9}", "cafe\u{301}", "fifteen bytes!!", "sixteen bytes!!!", long, long + "x",
        String(long.dropLast()) + "!", "李😀",
    ]
    for a in texts {
        for b in texts {
            #expect(a.hasSameUTF8(as: b) == (Array(a.utf8) == Array(b.utf8)), "\(a.debugDescription) \(b.debugDescription)")
            // A copy built anew, so it shares no storage with `a`.
            let rebuilt = String(decoding: Array(b.utf8), as: UTF8.self)
            #expect(a.hasSameUTF8(as: rebuilt) == (Array(a.utf8) == Array(b.utf8)))
        }
    }
    #expect("caf\u{E9}" == "cafe\u{301}" && !"caf\u{E9}".hasSameUTF8(as: "cafe\u{301}"))
    #expect(NSString(string: long).description.hasSameUTF8(as: long))
}
