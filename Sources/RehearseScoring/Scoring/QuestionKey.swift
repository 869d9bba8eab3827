/// A question as the key of analysed questions. Scorers look a question up at every answer,
/// and hashing all of its prompt and references each time showed in the daemon's profile; this
/// key hashes only the prompt's byte length and first bytes and the references' byte lengths,
/// and so must compare the texts byte for byte (with `==`, composed and decomposed accents are
/// equal but their bytes, and so this hash, differ). Two questions `==` but not byte for byte
/// are two entries, which only costs analysing the second.
struct QuestionKey: Hashable, Sendable {
    let question: ScoringQuestion

    /// How many bytes of each text the hash takes.
    private static let hashedPrefix = 48

    static func == (a: QuestionKey, b: QuestionKey) -> Bool {
        let (x, y) = (a.question, b.question)
        return x.prompt.hasSameUTF8(as: y.prompt) && x.references.count == y.references.count
            && zip(x.references, y.references).allSatisfy { $0.hasSameUTF8(as: $1) } && x.concepts == y.concepts && x.samples == y.samples
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(utf8Start: question.prompt, prefix: Self.hashedPrefix)
        hasher.combine(question.references.count)
        // The references by their lengths alone: questions differ in their prompts, and hashing
        // each reference's first bytes as well was most of a lookup (one per answer).
        for reference in question.references { hasher.combine(reference.utf8.count) }
        hasher.combine(question.concepts.count)
        hasher.combine(question.samples.count)
    }
}
