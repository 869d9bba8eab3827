import Foundation
import RehearseCore
import RehearseScoring

/// What every session of a daemon shares: the scenarios, where transcripts go, the limits.
public struct HubSettings: Sendable {
    /// The loaded scenarios and banks.
    public var catalog: Catalog
    /// Where transcripts are written (the same folder `practice` uses).
    public var transcriptsFolder: String
    /// Live (unfinished) sessions held at most; more get 503.
    public var maxSessions: Int
    /// Seconds without input after which a session is ended.
    public var idleTimeout: Double
    /// The scenario used when a request names none.
    public var defaultScenario: String
    /// Questions per session when neither the request nor the scenario says.
    public var questionCount: Int
    /// Whether follow-ups are asked unless a request says otherwise.
    public var followUp: Bool
    /// Points each hint takes off.
    public var hintPenalty: Int
    /// The scorer's parameters.
    public var scorerSettings: ScorerSettings

    /// Creates settings.
    public init(
        catalog: Catalog, transcriptsFolder: String, maxSessions: Int = 1000, idleTimeout: Double = 1800,
        defaultScenario: String = "python-web", questionCount: Int = 5, followUp: Bool = true, hintPenalty: Int = 20,
        scorerSettings: ScorerSettings = ScorerSettings()
    ) {
        self.catalog = catalog
        self.transcriptsFolder = transcriptsFolder
        self.maxSessions = maxSessions
        self.idleTimeout = idleTimeout
        self.defaultScenario = defaultScenario
        self.questionCount = questionCount
        self.followUp = followUp
        self.hintPenalty = hintPenalty
        self.scorerSettings = scorerSettings
    }
}
