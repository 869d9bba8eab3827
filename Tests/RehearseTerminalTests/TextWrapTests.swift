import RehearseCore
import RehearseScoring
import RehearseTerminal
import Testing

/// Prose wraps at word boundaries and indents under its label; tables fit the width by
/// shrinking their widest column (issue 16, item 1).
@Suite struct TextWrapTests {
    @Test func wrapsAtWordsWithAHangingIndentUnderTheLabel() {
        let text = "Sam: Hi, I'm Sam. I'll ask you five questions about Python web frameworks. Answer as you would in a real interview."
        let lines = TextWrap.wrap(text, width: 40).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") }, "indented under the text after \"Sam: \"")
        let words = lines.joined(separator: " ").split(separator: " ")
        #expect(words == text.split(separator: " "), "no word cut or lost")
    }

    @Test func leavesShortLinesCodeAndPipesAlone() {
        #expect(TextWrap.wrap("short line", width: 40) == "short line")
        let code = "    cache.set('a very long key name that goes on and on', value, timeout=300)  # a comment"
        #expect(TextWrap.wrap(code, width: 40, keepingCode: true) == code)
        let long = String(repeating: "word ", count: 40)
        #expect(TextWrap.wrap(long, width: nil) == long)
    }

    @Test func colourTakesNoColumns() {
        let style = TerminalStyle(enabled: true)
        let text = style.bold("Score") + " " + String(repeating: "bar ", count: 12)
        let lines = TextWrap.wrap(text, width: 24).split(separator: "\n")
        #expect(lines.count == 3)
    }

    @Test func theClosingTableFitsForty() {
        var table = TextTable(headers: ["#", "QUESTION", "TOPIC", "LEVEL", "SCORE", "TIME", "HINTS"])
        table.append(["1", "django.select-prefetch-related", "Django", "medium", "62.5", "1:04", "0"])
        table.append(["2", "fastapi.dependency-injection", "FastAPI", "hard", "8", "0:40", "1"])
        let lines = table.render(width: 40).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        #expect(lines[0].contains("SCORE") && lines[0].contains("HINTS"), "headers whole: \(lines[0])")
        // Too narrow to keep the question column: it is folded under each row.
        #expect(lines[2] == "  django.select-prefetch-related")
        let sixty = table.render(width: 60).split(separator: "\n").map(String.init)
        #expect(sixty.count == 3 && sixty.allSatisfy { $0.count <= 60 } && sixty[1].contains("…"), "\(sixty)")
    }
}
