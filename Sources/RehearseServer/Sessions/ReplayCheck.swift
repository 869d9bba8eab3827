import RehearseCore

/// Compares what a rebuilt session's engine says with the lines stored for it, line by line,
/// so a session whose bank changed since is ended instead of continued on a made-up history.
struct ReplayCheck {
    let stored: [TranscriptRecord]
    private(set) var replayed = 0
    /// What differed first, if anything did.
    private(set) var divergence: String?

    /// `stored` without its `review` lines: reviewers append those after the fact, and the
    /// engine never says them again.
    init(stored: [TranscriptRecord]) {
        self.stored = stored.filter { $0.type != .review }
    }

    /// Whether every stored line has been said again.
    var caughtUp: Bool { replayed >= stored.count }

    /// Every input id stored.
    var inputIDs: [String] { stored.compactMap(\.inputID) }

    /// Checks `record` against the next stored line; `false` when every stored line has been
    /// said, so `record` is new and must be written.
    mutating func consume(_ record: TranscriptRecord) -> Bool {
        guard replayed < stored.count else { return false }
        let expected = stored[replayed]
        if divergence == nil, expected.type != record.type || expected.questionID != record.questionID {
            divergence =
                "line \(replayed + 1) is \(expected.type.rawValue) \(expected.questionID ?? ""), the engine said \(record.type.rawValue) \(record.questionID ?? "")"
        }
        replayed += 1
        return true
    }
}
