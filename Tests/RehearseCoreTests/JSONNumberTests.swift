import Foundation
import Testing

@testable import RehearseCore

/// Numbers in hand-written JSON are written as JSONEncoder writes them, whole ones included.
@Suite struct JSONNumberTests {
    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        let fixed: [Double] = [
            0, -0.0, 1, -1, 7, 100, 62.5, 33.3, 0.1, 0.0015, 1e8, 999_999_999, 1e9, -1e9, 123_456_789.5, 1e15, 1e16, 2e22,
            Double(Int32.max), .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.001, -0.001, 0.01, 0.999, 0.0005, 1.1, 2.675,
            999_999_999.999, 999_999_999.9995, -999_999_999.999, 0.1 + 0.2, 1.0 / 3, .pi, 1e-7, -1e-300, .infinity.nextDown,
        ]
        // Whole numbers, and numbers of one to four decimals (what scores, weights and similarities
        // are, and one more), of either sign and any size; then any bits at all.
        let random = (0..<4_000).map { _ in
            switch Int.random(in: 0...2, using: &generator) {
            case 0:
                let power = [10.0, 100, 1000, 10_000].randomElement(using: &generator)!
                let limit = [1.0, 100, 1e6, 1e9, 1e12].randomElement(using: &generator)!
                return (Double.random(in: -limit...limit, using: &generator) * power).rounded() / power
            case 1: return Double(Int.random(in: -2_000_000_000...2_000_000_000, using: &generator))
            default: return Double(bitPattern: UInt64.random(in: 0 ... .max, using: &generator))
            }
        }.filter(\.isFinite)
        for value in fixed + random {
            let encoded = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
            #expect(JSONBytes.number(value) == encoded, "\(value)")
            // The member writer, which writes whole numbers' digits in place.
            var json = JSONBytes()
            json.open()
            json.double("v", value)
            json.close()
            #expect(String(decoding: json.bytes, as: UTF8.self) == "{\"v\":\(encoded)}", "\(value)")
        }
    }

    @Test func wholeNumbersAreTheirDigits() {
        var generator = SystemRandomNumberGenerator()
        let fixed = [0, 1, -1, 9, 10, 99, 100, -100, 1_000_000_007, Int.max, Int.min, Int.max - 1, Int.min + 1, 999_999_999_999_999_999]
        let random = (0..<2_000).map { _ in Int.random(in: .min ... .max, using: &generator) >> Int.random(in: 0...62, using: &generator) }
        for value in fixed + random {
            var json = JSONBytes()
            json.raw("x")
            json.digits(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == "x\(value)", "\(value)")
        }
    }
}
