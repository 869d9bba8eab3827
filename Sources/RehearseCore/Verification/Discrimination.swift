import RehearseScoring

/// Whether the scorer tells a bank's questions apart: each question's strong examples scored
/// against every other question of the same topic should be weak there. Generic words of a
/// topic ("API", "async", "request") earning partial credit for an answer to another question
/// is the failure it finds.
public struct Discrimination: Sendable {
    /// A strong answer to one question that did not score weak against another.
    public struct Confusion: Sendable {
        /// The question the example answers.
        public let answered: String
        /// 1-based position of the example among its question's examples.
        public let example: Int
        /// The question it was scored against.
        public let scoredAgainst: String
        /// The score it got there.
        public let score: Double
    }

    /// Example-question pairs scored.
    public let pairs: Int
    /// Of those, the ones that scored weak.
    public let weak: Int
    /// The pairs that did not score weak, highest score first.
    public let confusions: [Confusion]

    /// The share of pairs scored weak, 0–1 (1 with no pairs).
    public var share: Double { pairs == 0 ? 1 : Double(weak) / Double(pairs) }

    /// Scores every strong example of `catalog` against the other questions of its topic, each
    /// with its own graded samples, as a candidate's answer would be.
    public init(catalog: Catalog, scorer: Scorer) {
        var pairs = 0
        var confusions: [Confusion] = []
        let byTopic = Dictionary(grouping: catalog.questions, by: \.topic)
        for topic in byTopic.keys.sorted() {
            let questions = byTopic[topic] ?? []
            for other in questions {
                let target = other.scoringQuestion
                for question in questions where question.id != other.id {
                    for (index, example) in question.examples.enumerated() where example.isStrong {
                        pairs += 1
                        let report = scorer.score(example.answer, for: target)
                        if report.band != .weak {
                            confusions.append(
                                Confusion(answered: question.id, example: index + 1, scoredAgainst: other.id, score: report.score))
                        }
                    }
                }
            }
        }
        self.pairs = pairs
        weak = pairs - confusions.count
        self.confusions = confusions.sorted { $0.score > $1.score }
    }
}
