import RehearseTerminal
import Testing

@Suite struct SafeTextTests {
    @Test func controlCharactersAreShownInCaretNotation() {
        #expect(SafeText.clean("a\u{1B}[2Jb") == "a^[[2Jb")
        #expect(SafeText.clean("bell\u{07} del\u{7F} c1\u{9B}") == "bell^G del^? c1\\u{9b}")
        #expect(SafeText.clean("lines\nand\ttabs stay, é too") == "lines\nand\ttabs stay, é too")
    }
}
