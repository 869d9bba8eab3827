/// The body of `POST /v1/sessions/{id}/input`: an answer or a slash command, exactly as typed.
struct InputRequest: Decodable, Sendable {
    var text: String
    /// The client's id for this input: sending it again (after a lost reply) returns the
    /// reply again instead of answering the next question with it.
    var inputID: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case text
        case inputID = "input_id"
    }

    init(from decoder: any Decoder) throws {
        try StrictJSON.rejectUnknownFields(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        inputID = try container.decodeIfPresent(String.self, forKey: .inputID)
        if let inputID, inputID.isEmpty || inputID.count > 128 {
            throw ServerError.badRequest("field \"input_id\" must be 1 to 128 characters, got \(inputID.count)")
        }
    }
}
