/// Every configuration key rehearse knows, in the order `rehearse config` shows them.
public enum ConfigSettings {
    /// The settings whose built-in defaults depend on nothing outside rehearse.
    public static func all(paths: XDGPaths) -> [ConfigSetting] {
        [
            ConfigSetting(
                key: "practice.scenario", kind: .text, defaultValue: .text(SessionDefaults.builtinScenario),
                summary: "the scenario `rehearse practice` runs when none is named"),
            ConfigSetting(
                key: "practice.count", kind: .integer(1...100), defaultValue: .int(5),
                summary: "questions per session when the scenario does not say"),
            ConfigSetting(
                key: "practice.follow_up", kind: .flag, defaultValue: .bool(true),
                summary: "ask a follow-up about the most important missed concept"),
            ConfigSetting(
                key: "practice.hint_penalty", kind: .integer(0...100), defaultValue: .int(20),
                summary: "points each /hint takes off the most a question can score"),
            ConfigSetting(
                key: "candidate", kind: .text, defaultValue: nil,
                summary: "your name as reviewers see it, recorded in each transcript (empty: anonymous)"),
            ConfigSetting(
                key: "scenarios", kind: .path, defaultValue: nil,
                summary: "a folder of scenarios and banks to use instead of the built-in ones"),
            ConfigSetting(
                key: "with_builtin", kind: .flag, defaultValue: .bool(false),
                summary: "with `scenarios`, load the built-in scenarios and banks too"),
            ConfigSetting(
                key: "transcripts.folder", kind: .path,
                defaultValue: .text(paths.dataHome + "/rehearse/transcripts"),
                summary: "where session transcripts are written"),
            ConfigSetting(
                key: "store", kind: .text, defaultValue: nil,
                summary:
                    "where `serve` keeps sessions and `history` & co. read them: files:DIR, or postgres://user@host:5432/db (default: transcripts.folder)"
            ),
            ConfigSetting(
                key: "output.color", kind: .choice(["auto", "always", "never"]), defaultValue: .text("auto"),
                summary: "colour: auto (only on a terminal, and not when NO_COLOR is set), always or never"),
            ConfigSetting(
                key: "bands.strong", kind: .integer(1...100), defaultValue: .int(70),
                summary: "lowest score (0-100) rated strong"),
            ConfigSetting(
                key: "bands.partial", kind: .integer(1...100), defaultValue: .int(40),
                summary: "lowest score (0-100) rated partial; below it is weak"),
            ConfigSetting(
                key: "scorer.concept_weight", kind: .number(0...1), defaultValue: .double(0.6),
                summary: "share of the score from the question's concepts"),
            ConfigSetting(
                key: "scorer.overlap_weight", kind: .number(0...1), defaultValue: .double(0.4),
                summary: "share of the score from word overlap with the reference answer"),
            ConfigSetting(
                key: "scorer.saturation", kind: .number(0...20), defaultValue: .double(3),
                summary: "how fast coverage saturates (0 = linear; 3 = half the reference earns ~80%)"),
            ConfigSetting(
                key: "scorer.max_answer_chars", kind: .integer(0...1_000_000), defaultValue: .int(20_000),
                summary: "the most characters of an answer that are scored; the rest is ignored, with a note (0 = no limit)"),
            ConfigSetting(
                key: "scorer.sample_weight", kind: .number(0...1), defaultValue: .double(0.8),
                summary: "how far graded samples can move a score towards how people graded the closest ones (0 = off)"),
            ConfigSetting(
                key: "scorer.sample_neighbours", kind: .integer(1...50), defaultValue: .int(5),
                summary: "how many of the most similar graded samples count"),
            ConfigSetting(
                key: "scorer.sample_prior", kind: .number(0...100), defaultValue: .double(1),
                summary: "graded samples it takes for their grade to count half its weight"),
            ConfigSetting(
                key: "scorer.sample_closeness", kind: .number(0...1), defaultValue: .double(0.1),
                summary: "similarity (0-1) at which the nearest graded sample counts fully"),
            ConfigSetting(
                key: "scorer.sample_relevance", kind: .number(0...1), defaultValue: .double(0.4),
                summary: "with graded samples, similarity to a good answer (0-1) below which a score is scaled down (0 = off)"),
            ConfigSetting(
                key: "scorer.learn_from_reviews", kind: .flag, defaultValue: .bool(true),
                summary: "the daemon scores with reviewers' grades as graded samples, from the moment they are given"),
        ]
    }
}
