import RehearseCore

/// The body of `POST /v1/sessions`: the same options as `rehearse practice`, all optional.
struct CreateSessionRequest: Decodable, Sendable {
    var scenario: String?
    var topic: [String] = []
    var tag: [String] = []
    var difficulty: [Difficulty] = []
    var count: Int?
    var seed: UInt64?
    var followUp: Bool?
    var timeLimit: Int?
    var reveal: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case scenario, topic, tag, difficulty, count, seed, reveal
        case followUp = "follow_up"
        case timeLimit = "time_limit"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        try StrictJSON.rejectUnknownFields(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scenario = try container.decodeIfPresent(String.self, forKey: .scenario)
        topic = try Self.list(container, .topic)
        tag = try Self.list(container, .tag)
        difficulty = try Self.list(container, .difficulty).map { level in
            guard let known = Difficulty(rawValue: level) else {
                throw ServerError.badRequest("field \"difficulty\": unknown difficulty \"\(level)\" (expected easy, medium or hard)")
            }
            return known
        }
        count = try Self.number(Int.self, container, .count)
        if let count, count < 1 { throw ServerError.badRequest("field \"count\" must be at least 1, got \(count)") }
        seed = try Self.number(UInt64.self, container, .seed)
        followUp = try container.decodeIfPresent(Bool.self, forKey: .followUp)
        reveal = try container.decodeIfPresent(Bool.self, forKey: .reveal)
        timeLimit = try Self.timeLimit(container)
    }

    /// A whole number; `-1`, `2.5` or `1e30` get the same message as `"three"`.
    private static func number<T: FixedWidthInteger & Decodable>(_ type: T.Type, _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> T? {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        guard let value = try? container.decode(T.self, forKey: key) else {
            throw ServerError.badRequest("field \"\(key.rawValue)\" must be a whole number from \(T.min) to \(T.max)")
        }
        return value
    }

    /// A string or a list of strings, as `--topic` may be given once or repeated.
    private static func list(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String] {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return [] }
        if let one = try? container.decode(String.self, forKey: key) { return [one] }
        guard let many = try? container.decode([String].self, forKey: key) else {
            throw ServerError.badRequest("field \"\(key.rawValue)\" must be a string or a list of strings")
        }
        return many
    }

    /// `"90s"`, `"2m"`, `"1m30s"` or a number of seconds.
    private static func timeLimit(_ container: KeyedDecodingContainer<CodingKeys>) throws -> Int? {
        guard container.contains(.timeLimit), try !container.decodeNil(forKey: .timeLimit) else { return nil }
        if let seconds = try? container.decode(Int.self, forKey: .timeLimit) {
            guard seconds > 0 else { throw ServerError.badRequest("field \"time_limit\" must be positive, got \(seconds)") }
            return seconds
        }
        guard let text = try? container.decode(String.self, forKey: .timeLimit) else {
            throw ServerError.badRequest("field \"time_limit\" must be a duration such as \"90s\" or a number of seconds")
        }
        guard let seconds = TimeLimit.seconds(from: text) else {
            throw ServerError.badRequest("field \"time_limit\": \"\(text)\" is not a duration (write 90s, 2m or 1m30s)")
        }
        return seconds
    }
}
