/// Inline fixtures in swift-format's style: `⟦` and `⟧` mark where a match should be.
struct MarkedText {
    /// The text without markers.
    let text: String
    /// The marked span in UTF-8 byte offsets, if the text has markers.
    let span: [Int]?

    init(_ marked: String) {
        var text = ""
        var start: Int?
        var end: Int?
        for character in marked {
            switch character {
            case "⟦": start = text.utf8.count
            case "⟧": end = text.utf8.count
            default: text.append(character)
            }
        }
        self.text = text
        span = start.flatMap { start in end.map { [start, $0] } }
    }
}
