import RehearseScoring

/// Transcript lines written by hand, byte for byte what `JSONEncoder` with sorted keys and
/// unescaped slashes writes (the format every reader and the PostgreSQL store already hold),
/// at a fraction of its cost: a daemon writes three lines per answer, and the generic encoder
/// was a tenth of its CPU. TranscriptLineTests compares the two on every kind of line.
public enum TranscriptLine {
    /// What a daemon writes on a line over the record's own members (`nil`: the record's).
    public struct Stamp: Sendable {
        public var inputID: String?
        public var sessionID: String?
        public var tokenHash: String?

        /// A stamp; each member given replaces the record's.
        public init(inputID: String? = nil, sessionID: String? = nil, tokenHash: String? = nil) {
            self.inputID = inputID
            self.sessionID = sessionID
            self.tokenHash = tokenHash
        }
    }

    /// `record` as one JSON object, keys in sorted order, without the line break.
    public static func encode(_ record: TranscriptRecord) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        append(record, to: &bytes)
        return bytes
    }

    /// Appends `record` with `stamp` as ``encode(_:)`` writes it (no line break) to `bytes`:
    /// a daemon writes its lines into what it is about to commit, without copying the record
    /// to stamp it.
    public static func append(_ record: TranscriptRecord, stamp: Stamp = Stamp(), to bytes: inout [UInt8]) {
        var json = JSONBytes(reserving: 1024)
        defer { json.withUnsafeBytes { bytes.append(contentsOf: $0) } }
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
        json.string("input_id", stamp.inputID ?? record.inputID)
        if let matched = record.matched {
            json.key("matched")
            json.array(matched) { json, match in json.match(match) }
        }
        if let sample = record.matchedSample {
            json.key("matched_sample")
            json.neighbour(sample)
        }
        if let missed = record.missed {
            json.key("missed")
            json.array(missed) { json, miss in json.missed(miss) }
        }
        json.string("note", record.note)
        json.int("number", record.number)
        if let options = record.options {
            json.key("options")
            json.open()
            for key in options.keys.sorted() { json.string(named: key, options[key]) }
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
        json.string("session_id", stamp.sessionID ?? record.sessionID)
        json.int("skipped", record.skipped)
        json.string("text", record.text)
        json.string("time", record.time)
        json.string("token_sha256", stamp.tokenHash ?? record.tokenHash)
        json.string("topic", record.topic)
        json.string("type", record.type.rawValue)
        json.close()
    }
}
