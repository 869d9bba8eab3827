import RehearseCore
import RehearseScoring

extension ScoreReport: WireJSON {
    public func write(to json: inout JSONBytes) {
        json.open()
        json.double("score", score)
        json.string("band", band.rawValue)
        json.key("matched")
        json.array(matched) { json, match in json.match(match) }
        json.key("missed")
        json.array(missed) { json, miss in json.missed(miss) }
        json.string("feedback", feedback)
        json.double("concept_coverage", conceptCoverage)
        json.double("overlap", overlap)
        json.bool("derived_concepts", derivedConcepts)
        json.int("truncated_at", truncatedAt)
        json.double("concept_score", conceptScore)
        if let matchedSample {
            json.key("matched_sample")
            json.neighbour(matchedSample)
        }
        if let closestSamples {
            json.key("closest_samples")
            json.array(closestSamples) { json, sample in json.neighbour(sample) }
        }
        json.double("relevance", relevance)
        json.double("follow_up_from", followUpFrom)
        json.close()
    }
}
