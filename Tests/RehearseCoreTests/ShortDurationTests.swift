import RehearseCore
import Testing

@Suite("Short durations (--commit-delay)")
struct ShortDurationTests {
    @Test("microseconds, milliseconds and seconds, and zero alone without a unit")
    func accepted() {
        #expect(TimeLimit.microseconds(from: "0") == 0)
        #expect(TimeLimit.microseconds(from: "500us") == 500)
        #expect(TimeLimit.microseconds(from: "500µs") == 500)
        #expect(TimeLimit.microseconds(from: "2ms") == 2_000)
        #expect(TimeLimit.microseconds(from: " 2MS ") == 2_000)
        #expect(TimeLimit.microseconds(from: "1s") == 1_000_000)
        #expect(TimeLimit.microseconds(from: "0ms") == 0)
    }

    @Test("anything else, and more than a second, is not one")
    func refused() {
        for text in ["", "2", "ms", "2 ms ms", "2m", "1.5ms", "-1ms", "2ms3", "1001ms", "2s", "9999999999us", "soon"] {
            #expect(TimeLimit.microseconds(from: text) == nil, "\(text)")
        }
    }
}
