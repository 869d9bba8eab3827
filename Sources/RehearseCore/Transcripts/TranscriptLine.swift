import RehearseScoring

/// Transcript lines written by hand, byte for byte what `JSONEncoder` with sorted keys and
/// unescaped slashes writes (the format every reader and the PostgreSQL store already hold),
/// at a fraction of its cost: a daemon writes three lines per answer, and the generic encoder
/// was a tenth of its CPU. TranscriptLineTests compares the two on every kind of line.
public enum TranscriptLine {
    /// `record` as one JSON object, keys in sorted order, without the line break.
    public static func encode(_ record: TranscriptRecord) -> [UInt8] {
        var json = JSONBytes()
        json.open()
        // Keys in the order JSONEncoder's sortedKeys puts them.
        json.int("answered", record.answered)
        json.string("answered_at", record.answeredAt)
        json.string("asked_at", record.askedAt)
        json.int("attempt", record.attempt)
        json.string("band", record.band)
        json.string("candidate", record.candidate)
        if let samples = record.closestSamples {
            json.key("closest_samples")
            json.array(samples) { json, sample in json.neighbour(sample) }
        }
        json.double("concept_score", record.conceptScore)
        json.string("difficulty", record.difficulty)
        json.double("duration_seconds", record.durationSeconds)
        json.double("elapsed_seconds", record.elapsedSeconds)
        json.string("feedback", record.feedback)
        json.double("final_score", record.finalScore)
        json.bool("follow_up", record.isFollowUp)
        json.int("hints_used", record.hintsUsed)
        json.string("input_id", record.inputID)
        if let matched = record.matched {
            json.key("matched")
            json.array(matched) { json, match in
                json.open()
                json.string("concept", match.concept)
                json.string("evidence", match.evidence)
                json.key("span")
                json.array(match.span) { json, offset in json.raw(String(offset)) }
                json.string("term", match.term)
                json.close()
            }
        }
        if let sample = record.matchedSample {
            json.key("matched_sample")
            json.neighbour(sample)
        }
        if let missed = record.missed {
            json.key("missed")
            json.array(missed) { json, miss in
                json.open()
                json.string("concept", miss.concept)
                json.bool("required", miss.required)
                json.double("weight", miss.weight)
                json.close()
            }
        }
        json.string("note", record.note)
        json.int("number", record.number)
        if let options = record.options {
            json.key("options")
            json.open()
            for key in options.keys.sorted() { json.string(key, options[key]) }
            json.close()
        }
        json.double("overall", record.overall)
        json.bool("overtime", record.overtime)
        json.string("prompt", record.prompt)
        json.string("question_hash", record.questionHash)
        json.string("question_id", record.questionID)
        json.string("reason", record.reason)
        json.string("rehearse_version", record.rehearseVersion)
        json.double("relevance", record.relevance)
        json.string("reviewer", record.reviewer)
        json.string("scenario", record.scenario)
        json.string("scenario_hash", record.scenarioHash)
        json.int("schema", record.schema)
        json.double("score", record.score)
        json.double("scorer_score", record.scorerScore)
        json.string("seed", record.seed)
        json.string("session_id", record.sessionID)
        json.int("skipped", record.skipped)
        json.string("text", record.text)
        json.string("time", record.time)
        json.string("token_sha256", record.tokenHash)
        json.string("topic", record.topic)
        json.string("type", record.type.rawValue)
        json.close()
        return json.bytes
    }
}

/// A JSON object being written: members with a comma between them, values as JSONEncoder
/// writes them.
struct JSONBytes {
    var bytes: [UInt8] = []
    /// Whether the object or array being written has a member yet.
    private var first = true

    init() { bytes.reserveCapacity(512) }

    mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        first = true
    }

    mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    mutating func key(_ name: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        quoted(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func string(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        quoted(value)
    }

    mutating func int(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        raw(String(value))
    }

    mutating func bool(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        raw(value ? "true" : "false")
    }

    mutating func double(_ name: String, _ value: Double?) {
        guard let value else { return }
        key(name)
        raw(Self.number(value))
    }

    mutating func array<T>(_ items: [T], _ write: (inout JSONBytes, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            first = true
            write(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    mutating func neighbour(_ sample: SampleNeighbour) {
        open()
        string("label", sample.label)
        double("score", sample.score)
        double("scored", sample.scored)
        double("similarity", sample.similarity)
        close()
    }

    /// A double as JSONEncoder writes it: the shortest form that reads back the same, without
    /// the `.0` of a whole number.
    static func number(_ value: Double) -> String {
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `text` in quotes: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
    /// `\u00XX`, everything else (slashes and non-ASCII included) as it is.
    mutating func quoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
