import RehearseCore
import RehearseTerminal
import Testing

@Suite struct TerminalStyleTests {
    @Test func autoColoursOnlyATerminalWithoutNoColor() {
        #expect(TerminalStyle(mode: .auto, isTerminal: true, environment: [:]).enabled)
        #expect(!TerminalStyle(mode: .auto, isTerminal: false, environment: [:]).enabled)
        #expect(!TerminalStyle(mode: .auto, isTerminal: true, environment: ["NO_COLOR": "1"]).enabled)
        #expect(!TerminalStyle(mode: .auto, isTerminal: true, environment: ["TERM": "dumb"]).enabled)
        #expect(TerminalStyle(mode: .always, isTerminal: false, environment: ["NO_COLOR": "1"]).enabled)
        #expect(!TerminalStyle(mode: .never, isTerminal: true, environment: [:]).enabled)
    }

    @Test func disabledStyleLeavesTextAlone() {
        #expect(TerminalStyle(enabled: false).red("x") == "x")
        #expect(TerminalStyle(enabled: true).red("x") == "\u{1B}[31mx\u{1B}[0m")
    }

    @Test func tableAlignsColumnsAndCutsTheLastToFit() {
        var table = TextTable(headers: ["ID", "TITLE"])
        table.append(["a", "short"])
        table.append(["longer-id", "a title that is far too long for a narrow terminal"])
        #expect(
            table.render() == """
                ID         TITLE
                a          short
                longer-id  a title that is far too long for a narrow terminal
                """)
        let narrow = table.render(width: 30).split(separator: "\n")
        #expect(narrow[2] == "longer-id  a title that is fa…")
        #expect(narrow.allSatisfy { $0.count <= 30 })
    }
}
