import RehearseScoring

extension Question {
    /// The question as the scorer sees it: prompt, reference answer and concepts.
    public var scoringQuestion: ScoringQuestion {
        ScoringQuestion(prompt: prompt, references: [answer], concepts: concepts)
    }
}

extension RehearseConfig {
    /// The scorer's weights and band thresholds from the configuration.
    public var scorerSettings: ScorerSettings {
        ScorerSettings(
            conceptWeight: conceptWeight, overlapWeight: overlapWeight, saturation: saturation,
            strongThreshold: Double(strongThreshold), partialThreshold: Double(partialThreshold),
            maxAnswerCharacters: maxAnswerCharacters)
    }
}

extension Catalog {
    /// idf documents: each question's prompt and reference answer.
    public var corpus: Corpus {
        Corpus(documents: questions.map { $0.prompt + "\n" + $0.answer })
    }
}
