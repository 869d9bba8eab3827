import Foundation
import RehearseCore

/// The body of `POST /v1/sessions`: the same options as `rehearse practice`, all optional.
/// The daemon decodes it strictly; `rehearse practice --server` encodes it, leaving out what
/// it lets the daemon choose.
public struct CreateSessionRequest: Codable, Sendable, Equatable, APISchema {
    /// The scenario id; the daemon's default when absent.
    public var scenario: String?
    /// Only questions of these topics, tags and difficulties (all when empty).
    public var topic: [String] = []
    public var tag: [String] = []
    public var difficulty: [Difficulty] = []
    /// How many questions; the scenario's count when absent.
    public var count: Int?
    /// The same seed and answers ask the same questions.
    public var seed: UInt64?
    /// Whether follow-ups are asked; the daemon's setting when absent.
    public var followUp: Bool?
    /// Seconds per question; the scenario's limit when absent.
    public var timeLimit: Int?
    /// Whether each reference answer is shown right after the answer.
    public var reveal: Bool?
    /// The candidate's display name (1–80 characters, no control or format characters),
    /// recorded for reviewers.
    public var candidate: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case scenario, topic, tag, difficulty, count, seed, reveal, candidate
        case followUp = "follow_up"
        case timeLimit = "time_limit"
    }

    public static let schemaName = "CreateSession"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Creates a request; `nil` and empty lists leave the choice to the daemon.
    public init(
        scenario: String? = nil, topic: [String] = [], tag: [String] = [], difficulty: [Difficulty] = [], count: Int? = nil,
        seed: UInt64? = nil, followUp: Bool? = nil, timeLimit: Int? = nil, reveal: Bool? = nil, candidate: String? = nil
    ) {
        self.scenario = scenario
        self.topic = topic
        self.tag = tag
        self.difficulty = difficulty
        self.count = count
        self.seed = seed
        self.followUp = followUp
        self.timeLimit = timeLimit
        self.reveal = reveal
        self.candidate = candidate
    }

    public init(from decoder: any Decoder) throws {
        try StrictJSON.rejectUnknownFields(in: decoder, known: Self.fieldNames)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scenario = try container.decodeIfPresent(String.self, forKey: .scenario)
        topic = try Self.list(container, .topic)
        tag = try Self.list(container, .tag)
        difficulty = try Self.list(container, .difficulty).map { level in
            guard let known = Difficulty(rawValue: level) else {
                throw APIError.badRequest("field \"difficulty\": unknown difficulty \"\(level)\" (expected easy, medium or hard)")
            }
            return known
        }
        count = try Self.number(Int.self, container, .count)
        if let count, !(1...APILimits.maxCount).contains(count) {
            throw APIError.badRequest("field \"count\" must be from 1 to \(APILimits.maxCount), got \(count)")
        }
        seed = try Self.number(UInt64.self, container, .seed)
        followUp = try container.decodeIfPresent(Bool.self, forKey: .followUp)
        reveal = try container.decodeIfPresent(Bool.self, forKey: .reveal)
        timeLimit = try Self.timeLimit(container)
        candidate = try container.decodeIfPresent(String.self, forKey: .candidate).map { text in
            switch CandidateName.validated(text, field: "field \"candidate\"") {
            case .success(let name): name
            case .failure(let error): throw error
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(scenario, forKey: .scenario)
        if !topic.isEmpty { try container.encode(topic, forKey: .topic) }
        if !tag.isEmpty { try container.encode(tag, forKey: .tag) }
        if !difficulty.isEmpty { try container.encode(difficulty, forKey: .difficulty) }
        try container.encodeIfPresent(count, forKey: .count)
        try container.encodeIfPresent(seed, forKey: .seed)
        try container.encodeIfPresent(followUp, forKey: .followUp)
        try container.encodeIfPresent(timeLimit, forKey: .timeLimit)
        try container.encodeIfPresent(reveal, forKey: .reveal)
        try container.encodeIfPresent(candidate, forKey: .candidate)
    }

    /// A whole number; `-1`, `2.5` or `1e30` get the same message as `"three"`.
    private static func number<T: FixedWidthInteger & Decodable>(
        _ type: T.Type, _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> T? {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        guard let value = try? container.decode(T.self, forKey: key) else {
            throw APIError.badRequest("field \"\(key.rawValue)\" must be a whole number from \(T.min) to \(T.max)")
        }
        return value
    }

    /// A string or a list of strings, as `--topic` may be given once or repeated.
    private static func list(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String] {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return [] }
        if let one = try? container.decode(String.self, forKey: key) { return [one] }
        guard let many = try? container.decode([String].self, forKey: key) else {
            throw APIError.badRequest("field \"\(key.rawValue)\" must be a string or a list of strings")
        }
        return many
    }

    /// `"90s"`, `"2m"`, `"1m30s"` or a number of seconds.
    private static func timeLimit(_ container: KeyedDecodingContainer<CodingKeys>) throws -> Int? {
        guard container.contains(.timeLimit), try !container.decodeNil(forKey: .timeLimit) else { return nil }
        if let seconds = try? container.decode(Int.self, forKey: .timeLimit) {
            return try Self.checked(seconds)
        }
        guard let text = try? container.decode(String.self, forKey: .timeLimit) else {
            throw APIError.badRequest("field \"time_limit\" must be a duration such as \"90s\" or a number of seconds")
        }
        guard let seconds = TimeLimit.seconds(from: text) else {
            throw APIError.badRequest("field \"time_limit\": \"\(text)\" is not a duration (write 90s, 2m or 1m30s)")
        }
        return try Self.checked(seconds)
    }

    /// A time limit within 1 s and a day.
    private static func checked(_ seconds: Int) throws -> Int {
        guard seconds > 0 else { throw APIError.badRequest("field \"time_limit\" must be positive, got \(seconds)") }
        guard seconds <= APILimits.maxTimeLimit else {
            throw APIError.badRequest("field \"time_limit\" must be at most \(APILimits.maxTimeLimit) seconds (a day), got \(seconds)")
        }
        return seconds
    }
}

extension CreateSessionRequest {
    /// The usual bodies read without JSONDecoder: scenario, count, seed, follow-up, reveal and
    /// time limit as plain values, each once. Anything else (lists, names, durations as text,
    /// `null`, a repeated or unknown member, a value out of range) is `nil`, for the strict
    /// decoder to read and explain; what this accepts, that decoder reads alike (a number is
    /// taken whole however it is written, as the decoder takes it).
    public static func quick(_ data: Data) -> CreateSessionRequest? {
        guard let members = FlatJSON.scalarMembers(data) else { return nil }
        var request = CreateSessionRequest()
        var seen: [String] = []
        for (key, value) in members {
            guard !seen.contains(key) else { return nil }
            seen.append(key)
            switch (key, value) {
            case ("scenario", .string(let id)):
                request.scenario = id
            case ("count", .number(let number)):
                guard let count = whole(number, in: 1...APILimits.maxCount) else { return nil }
                request.count = count
            case ("time_limit", .number(let number)):
                guard let seconds = whole(number, in: 1...APILimits.maxTimeLimit) else { return nil }
                request.timeLimit = seconds
            case ("seed", .number(let number)):
                // Below 2⁵³, where every whole number is a double: past it, the digits say more.
                guard let seed = whole(number, in: 0...(1 << 53) - 1) else { return nil }
                request.seed = UInt64(seed)
            case ("follow_up", .bool(let flag)):
                request.followUp = flag
            case ("reveal", .bool(let flag)):
                request.reveal = flag
            default:
                return nil
            }
        }
        return request
    }

    /// `number` as a whole number within `range`, or `nil`.
    private static func whole(_ number: Double, in range: ClosedRange<Int>) -> Int? {
        guard number.rounded() == number, number >= Double(range.lowerBound), number <= Double(range.upperBound) else { return nil }
        return Int(number)
    }
}
