import Foundation
import Testing

@testable import RehearseCore

/// Numbers in hand-written JSON are written as JSONEncoder writes them, whole ones included.
@Suite struct JSONNumberTests {
    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        let fixed: [Double] = [
            0, -0.0, 1, -1, 7, 100, 62.5, 33.3, 0.1, 0.0015, 1e8, 999_999_999, 1e9, -1e9, 123_456_789.5, 1e15, 1e16, 2e22,
            Double(Int32.max), .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        ]
        let random = (0..<2_000).map { _ in
            Bool.random(using: &generator)
                ? (Double.random(in: 0...100, using: &generator) * 10).rounded() / 10
                : Double(Int.random(in: -2_000_000_000...2_000_000_000, using: &generator))
        }
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
            json.bytes = Array("x".utf8)
            json.digits(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == "x\(value)", "\(value)")
        }
    }
}
