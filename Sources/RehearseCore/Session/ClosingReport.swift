import RehearseScoring

/// The summary at the end of a session.
public struct ClosingReport: Sendable {
    /// One line per question asked.
    public let results: [QuestionResult]
    /// Mean final score over the questions asked (skipped ones count 0).
    public let overall: Double
    /// Mean final score per topic, in order of first appearance.
    public let topics: [(topic: String, average: Double)]
    /// Up to three concepts missed most often, with the reference sentence that explains each.
    public let mostMissed: [(concept: String, count: Int, sentence: String)]
    /// Where the transcript is.
    public let transcript: String
    /// Seconds from the greeting to the end.
    public let duration: Double

    /// Builds the report from the session's results.
    public init(results: [QuestionResult], transcript: String, duration: Double) {
        self.results = results
        self.transcript = transcript
        self.duration = duration
        overall = results.isEmpty ? 0 : results.map(\.finalScore).reduce(0, +) / Double(results.count)
        // Each group is created with its first score, so no average divides by zero.
        // Results are read in place, never copied whole: a result holds its question and report.
        var byTopic: [TopicScores] = []
        var position: [String: Int] = [:]
        for index in results.indices {
            let topic = results[index].question.topic
            if let known = position[topic] {
                byTopic[known].scores.append(results[index].finalScore)
            } else {
                position[topic] = byTopic.count
                byTopic.append(TopicScores(topic: topic, scores: [results[index].finalScore]))
            }
        }
        topics = byTopic.map { ($0.topic, $0.scores.reduce(0, +) / Double($0.scores.count)) }

        // In order of first appearance, so ties break the same way every time. The sentence
        // explaining a concept comes from the first question that missed it, and is looked for
        // only for the three concepts shown. A session misses a few dozen concepts at most: a
        // list searched in order cost less than a dictionary, and comparing names only where
        // their hashes agree (equal names hash alike) less than comparing each: most names
        // differ, and each `==` that said so was a call into the standard library's comparison.
        var tally: [Tally] = []
        for position in results.indices {
            // A skipped question says nothing about concepts.
            guard let missedConcepts = results[position].report?.missed else { continue }
            for missed in missedConcepts {
                guard let concept = results[position].question.concepts.firstIndex(where: { $0.name == missed.concept }) else { continue }
                let hash = missed.concept.hashValue
                if let known = tally.firstIndex(where: { $0.hash == hash && $0.name == missed.concept }) {
                    tally[known].count += 1
                } else {
                    tally.append(Tally(name: missed.concept, hash: hash, count: 1, result: position, concept: concept))
                }
            }
        }
        // Most missed first, then first missed: a stable sort keeps the order of appearance.
        let shown = tally.indices.sorted { tally[$0].count != tally[$1].count ? tally[$0].count > tally[$1].count : $0 < $1 }.prefix(3)
        // Each sentence at most once: a long reference sentence that names several missed
        // concepts explains the first of them, not all three again.
        var used: [String] = []
        mostMissed = shown.map { index in
            let missed = tally[index]
            let question = results[missed.result].question
            let sentence = ExplainingSentences.shared.sentence(explaining: question.concepts[missed.concept], in: question.answer)
            defer { used.append(sentence) }
            return (missed.name, missed.count, used.contains(sentence) ? "" : sentence)
        }
    }

    /// A topic's final scores so far. Structs, not tuples, in these arrays: copies of tuples
    /// went through the runtime's generic witnesses.
    private struct TopicScores {
        let topic: String
        var scores: [Double]
    }

    /// How often a concept was missed, and where first: the result and the concept's index.
    private struct Tally {
        let name: String
        /// The name's `hashValue`.
        let hash: Int
        var count: Int
        let result: Int
        let concept: Int
    }

    /// A report as another process computed it (a client of `rehearse serve`).
    public init(
        results: [QuestionResult], overall: Double, topics: [(topic: String, average: Double)],
        mostMissed: [(concept: String, count: Int, sentence: String)], transcript: String, duration: Double
    ) {
        self.results = results
        self.overall = overall
        self.topics = topics
        self.mostMissed = mostMissed
        self.transcript = transcript
        self.duration = duration
    }
}
