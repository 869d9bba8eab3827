import Foundation
import RehearseCore

/// The body of `POST /v1/sessions/{id}/input`: an answer or a slash command, exactly as typed.
public struct InputRequest: Codable, Sendable, Equatable, APISchema {
    /// What the candidate typed.
    public var text: String
    /// The client's id for this input: sending it again (after a lost reply) returns the
    /// reply again instead of answering the next question with it.
    public var inputID: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case text
        case inputID = "input_id"
    }

    public static let schemaName = "Input"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Creates an input.
    public init(text: String, inputID: String? = nil) {
        self.text = text
        self.inputID = inputID
    }

    /// `data` read without `JSONDecoder` when it is the usual object of `text` and maybe
    /// `input_id`, both strings within their limits (the daemon reads one per answer); `nil` for
    /// anything else, which ``StrictJSON`` then decodes, or refuses with its message.
    public static func quick(_ data: Data) -> InputRequest? {
        data.withUnsafeBytes { quick(bytes: $0) }
    }

    /// ``quick(_:)`` of bytes read in place: the daemon's hot route reads the body where the
    /// connection's buffer holds it.
    public static func quick(bytes: UnsafeRawBufferPointer) -> InputRequest? {
        guard let members = FlatJSON.stringMembers(bytes: bytes), (1...2).contains(members.count) else { return nil }
        var text: String?
        var inputID: String?
        for (key, value) in members {
            switch key {
            case "text" where text == nil: text = value
            case "input_id" where inputID == nil: inputID = value
            default: return nil  // unknown or repeated (the decoder keeps the first): its rules
            }
        }
        guard let text, problem(text: text, inputID: inputID) == nil else { return nil }
        return InputRequest(text: text, inputID: inputID)
    }

    /// What is wrong with these values, as the decoder says it; `nil` when they are within
    /// their limits. One place for both ways of reading a body.
    static func problem(text: String, inputID: String?) -> String? {
        // A string has no more characters than UTF-8 bytes, and the bytes are counted already:
        // counting characters (grapheme breaking) was most of reading an answer's body.
        if text.utf8.count > APILimits.maxTextLength, text.count > APILimits.maxTextLength {
            return "field \"text\" is \(text.count) characters; the most is \(APILimits.maxTextLength) (send a shorter answer)"
        }
        if let inputID, inputID.isEmpty || (inputID.utf8.count > APILimits.maxInputIDLength && inputID.count > APILimits.maxInputIDLength) {
            return "field \"input_id\" must be 1 to \(APILimits.maxInputIDLength) characters, got \(inputID.count)"
        }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        try StrictJSON.rejectUnknownFields(in: decoder, known: Self.fieldNames)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        // The text's length is told before the id is even read, as always.
        if let problem = Self.problem(text: text, inputID: nil) { throw APIError.badRequest(problem) }
        inputID = try container.decodeIfPresent(String.self, forKey: .inputID)
        if let problem = Self.problem(text: text, inputID: inputID) { throw APIError.badRequest(problem) }
    }
}
