import RehearseScoring

extension Question {
    /// The question as the scorer sees it: prompt, reference answer, concepts, and its graded
    /// samples: the bank's examples, then those given from outside.
    public var scoringQuestion: ScoringQuestion {
        ScoringQuestion(prompt: prompt, references: [answer], concepts: concepts, samples: exampleSamples + samples)
    }

    /// The bank's examples as graded samples, labelled `example N`.
    public var exampleSamples: [GradedSample] {
        examples.enumerated().map { GradedSample(answer: $1.answer, score: $1.grade, label: "example \($0 + 1)") }
    }
}

extension RehearseConfig {
    /// The scorer's weights and band thresholds from the configuration.
    public var scorerSettings: ScorerSettings {
        ScorerSettings(
            conceptWeight: conceptWeight, overlapWeight: overlapWeight, saturation: saturation,
            strongThreshold: Double(strongThreshold), partialThreshold: Double(partialThreshold),
            maxAnswerCharacters: maxAnswerCharacters, sampleWeight: sampleWeight, sampleNeighbours: sampleNeighbours,
            samplePrior: samplePrior, sampleCloseness: sampleCloseness, sampleRelevance: sampleRelevance)
    }
}

extension Catalog {
    /// idf documents: each question's prompt and reference answer.
    public var corpus: Corpus {
        knownCorpus ?? Corpus(documents: questions.map { $0.prompt + "\n" + $0.answer })
    }
}
