import Foundation

/// The slash commands a person can type instead of an answer.
public enum SessionCommand: String, CaseIterable, Sendable {
    case hint, skip, `repeat`, score, time, help, quit

    /// What `/help` says about each.
    public var summary: String {
        switch self {
        case .hint: "the next hint (each hint lowers the most this question can score)"
        case .skip: "move on without answering (scores 0)"
        case .repeat: "ask the current question again"
        case .score: "your running score"
        case .time: "time on this question and in the session"
        case .help: "this list"
        case .quit: "end the session now, with the report"
        }
    }

    /// `/hint`, `/skip`, ... for completion and help.
    public static var spellings: [String] { allCases.map { "/" + $0.rawValue } }

    /// The command `line` spells, or `nil` if it is not one (then `unknown` holds what was typed).
    static func parse(_ line: String) -> (command: SessionCommand?, typed: String)? {
        // Most inputs are answers: one whose first visible byte is ASCII and not a slash is no
        // command, seen without trimming it all through NSString.
        if let first = line.utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }), first < 0x80, first != UInt8(ascii: "/") {
            return nil
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("/"), !trimmed.contains(" "), trimmed.count > 1 else { return nil }
        return (SessionCommand(rawValue: String(trimmed.dropFirst()).lowercased()), trimmed)
    }
}
