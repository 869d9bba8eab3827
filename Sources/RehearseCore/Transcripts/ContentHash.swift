/// A short fingerprint of a question's or scenario's content, so a replay can tell that what
/// was asked has changed since. FNV-1a, 64 bits, in hex: for change detection, not security.
public enum ContentHash {
    /// The fingerprint of a question's prompt, answer and concepts.
    public static func of(_ question: Question) -> String {
        var parts = [question.id, question.prompt, question.answer, question.difficulty.rawValue]
        for concept in question.concepts { parts += [concept.name] + concept.terms + [String(concept.weight), String(concept.required)] }
        return fnv(parts.joined(separator: "\u{1F}"))
    }

    /// The fingerprint of a scenario's settings.
    public static func of(_ scenario: Scenario) -> String {
        let draw = scenario.draw
        let parts = [
            scenario.id, scenario.title, draw.banks.joined(separator: ","), draw.topics.joined(separator: ","),
            draw.tags.joined(separator: ","), String(scenario.count ?? 0), scenario.startDifficulty.rawValue,
            String(scenario.adaptive), String(scenario.timeLimit ?? 0),
        ]
        return fnv(parts.joined(separator: "\u{1F}"))
    }

    static func fnv(_ text: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
