/// A question as the key of analysed questions. Scorers look a question up at every answer,
/// and hashing all of its prompt and references each time showed in the daemon's profile; this
/// key hashes only the byte length and the first bytes of each text, and so must compare the
/// texts byte for byte (with `==`, composed and decomposed accents are equal but their bytes,
/// and so this hash, differ). Two questions `==` but not byte for byte are two entries, which
/// only costs analysing the second.
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
        Self.combineStart(of: question.prompt, into: &hasher)
        hasher.combine(question.references.count)
        for reference in question.references { Self.combineStart(of: reference, into: &hasher) }
        hasher.combine(question.concepts.count)
        hasher.combine(question.samples.count)
    }

    private static func combineStart(of text: String, into hasher: inout Hasher) {
        let utf8 = text.utf8
        hasher.combine(utf8.count)
        let hashed: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(hashedPrefix))))
        }
        // The same bytes the same way for a string not stored as UTF-8.
        if hashed == nil { Array(utf8.prefix(hashedPrefix)).withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}
