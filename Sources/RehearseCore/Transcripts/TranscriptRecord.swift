import Foundation
import RehearseScoring

/// One line of a transcript. Every line has `type` and `time`; the other fields depend on the
/// type, as docs/transcript-format.md describes. Unused fields are left out of the JSON.
public struct TranscriptRecord: Codable, Sendable, Equatable {
    /// The transcript format this build writes.
    public static let schemaVersion = 1

    /// The line types.
    public enum Kind: String, Codable, Sendable {
        case sessionStart = "session_start"
        case question
        case answer
        case score
        case hint
        case skip
        case followUp = "follow_up"
        case sessionEnd = "session_end"
        /// A reviewer's grade of an answer, appended after the fact; the engine ignores it.
        case review
    }

    public var type: Kind
    /// When the line was written, ISO 8601 with milliseconds.
    public var time: String
    // session_start
    public var schema: Int?
    public var rehearseVersion: String?
    public var scenario: String?
    public var scenarioHash: String?
    public var seed: String?
    public var options: [String: String]?
    /// The daemon's session id, for sessions held by `rehearse serve`.
    public var sessionID: String?
    /// SHA-256 of the session's token (never the token itself), so a restarted daemon can
    /// let the same person continue.
    public var tokenHash: String?
    /// The candidate's display name, when one was given.
    public var candidate: String?
    // question, answer, score, hint, skip, follow_up
    public var questionID: String?
    public var number: Int?
    public var questionHash: String?
    public var prompt: String?
    public var topic: String?
    public var difficulty: String?
    public var text: String?
    /// The client's id for the input that wrote this line (daemon sessions), so a resent
    /// input is recognised instead of being taken as the next answer.
    public var inputID: String?
    public var isFollowUp: Bool?
    public var askedAt: String?
    public var answeredAt: String?
    public var elapsedSeconds: Double?
    public var overtime: Bool?
    public var score: Double?
    public var finalScore: Double?
    public var band: String?
    public var matched: [ConceptMatch]?
    public var missed: [MissedConcept]?
    public var feedback: String?
    /// With graded samples: the score before the closest samples moved it.
    public var conceptScore: Double?
    /// With graded samples: the accepted sample the answer matched better than the reference.
    public var matchedSample: SampleNeighbour?
    /// With graded samples: the closest ones, closest first.
    public var closestSamples: [SampleNeighbour]?
    /// With graded samples: how much the answer shares the good answers' words, 0–1.
    public var relevance: Double?
    public var hintsUsed: Int?
    // review (with question_id and score, the reviewer's grade)
    /// 1 for a first answer, 2 for the answer to a follow-up.
    public var attempt: Int?
    /// The scorer's grade of the answer reviewed, as it stood when the review was given.
    public var scorerScore: Double?
    public var note: String?
    public var reviewer: String?
    // session_end
    public var reason: String?
    public var answered: Int?
    public var skipped: Int?
    public var overall: Double?
    public var durationSeconds: Double?

    enum CodingKeys: String, CodingKey {
        case type, time, schema, scenario, seed, options, number, prompt, topic, difficulty, text, overtime, score
        case band, matched, missed, feedback, reason, answered, skipped, overall
        case candidate, attempt, note, reviewer
        case scorerScore = "scorer_score"
        case rehearseVersion = "rehearse_version"
        case scenarioHash = "scenario_hash"
        case inputID = "input_id"
        case sessionID = "session_id"
        case tokenHash = "token_sha256"
        case questionID = "question_id"
        case questionHash = "question_hash"
        case isFollowUp = "follow_up"
        case askedAt = "asked_at"
        case answeredAt = "answered_at"
        case elapsedSeconds = "elapsed_seconds"
        case finalScore = "final_score"
        case hintsUsed = "hints_used"
        case conceptScore = "concept_score"
        case matchedSample = "matched_sample"
        case closestSamples = "closest_samples"
        case relevance
        case durationSeconds = "duration_seconds"
    }

    /// A line of `type` written at `time`.
    public init(_ type: Kind, at time: Date) {
        self.init(type, time: Self.timestamp(time))
    }

    /// A line of `type` whose time is already written out.
    init(_ type: Kind, time: String) {
        self.type = type
        self.time = time
    }

    /// `date` as a transcript records it and reads it back (to the millisecond).
    public static func recorded(_ date: Date) -> Date {
        TranscriptTime.parse(timestamp(date)) ?? date
    }

    /// ISO 8601 in UTC with milliseconds, e.g. `2026-11-25T09:41:07.123Z`.
    public static func timestamp(_ date: Date) -> String { TimeStamp.iso8601(date) }
}
