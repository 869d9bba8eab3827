extension SessionOptions {
    /// The options a transcript's `session_start` line recorded, or `nil` when it lacks the seed
    /// or count a faithful continuation needs. Recorded sessions keep their seed fixed, so the
    /// question order does not depend on what else was practised since.
    public init?(recordedIn start: TranscriptRecord) {
        guard let seed = start.seed.flatMap(UInt64.init), let settings = start.options,
            let count = settings["count"].flatMap(Int.init)
        else { return nil }
        func list(_ key: String) -> [String] { settings[key]?.split(separator: ",").map(String.init) ?? [] }
        self.init(
            filter: QuestionFilter(topics: list("topic"), tags: list("tag"), difficulties: list("difficulty").compactMap(Difficulty.init(rawValue:))),
            count: count, seed: seed, seedIsFixed: true, followUp: settings["follow_up"] != "false",
            timeLimit: settings["time_limit"].flatMap(Int.init), reveal: settings["reveal"] == "true",
            hintPenalty: settings["hint_penalty"].flatMap(Int.init) ?? 20, candidate: start.candidate)
    }
}
