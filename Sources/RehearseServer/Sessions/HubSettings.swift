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
    /// Seconds without input after which a session is ended; an ended session is forgotten
    /// after as long.
    public var idleTimeout: Double
    /// Ended sessions kept in memory at most (`nil`: as many as ``maxSessions``); older ones
    /// are read back from their transcripts when asked for before they are forgotten.
    public var keptEndedSessions: Int?
    /// What a session gets where the request and the scenario say nothing.
    public var defaults: SessionDefaults
    /// The scorer's parameters.
    public var scorerSettings: ScorerSettings
    /// Where session ids and tokens come from.
    public var identities: SessionIdentities = .random
    /// How long a request waits for the session store before it is answered 503.
    public var storeTimeout: Double = 5
    /// Reviewed answers the scorer learns from (`scorer.learn_from_reviews`); `nil`: none.
    public var learned: LearnedSamples?
    /// How long before its start a review must be given for a session to learn from it: 0 on
    /// one daemon; a few seconds on a shared store, so every daemon that rebuilds the session
    /// has heard of the same reviews.
    public var learningDelay: Double = 0
    /// Seconds a journal flush waits after the last one began when that one was shared by
    /// several requests, so more share the next (`--commit-delay`; 0: flush at once). A
    /// request that comes alone never waits.
    public var commitDelay: Double = 0.002

    /// Creates settings.
    public init(
        catalog: Catalog, transcriptsFolder: String, maxSessions: Int = 1000, idleTimeout: Double = 1800,
        defaults: SessionDefaults = .builtin, scorerSettings: ScorerSettings = ScorerSettings()
    ) {
        self.catalog = catalog
        self.transcriptsFolder = transcriptsFolder
        self.maxSessions = maxSessions
        self.idleTimeout = idleTimeout
        self.defaults = defaults
        self.scorerSettings = scorerSettings
    }
}
