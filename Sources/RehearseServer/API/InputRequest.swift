/// The body of `POST /v1/sessions/{id}/input`: an answer or a slash command, exactly as typed.
struct InputRequest: Decodable, Sendable {
    var text: String

    enum CodingKeys: String, CodingKey, CaseIterable { case text }

    init(from decoder: any Decoder) throws {
        try StrictJSON.rejectUnknownFields(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        text = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .text)
    }
}
