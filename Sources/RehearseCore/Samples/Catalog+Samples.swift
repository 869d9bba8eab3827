import RehearseScoring

extension Catalog {
    /// This catalog with each question's samples from `book` added after its own.
    /// - Throws: ``CoreError/samplesLine(path:line:message:)`` naming the first sample of a
    ///   question id no bank has, with the closest id: samples belong to one question.
    public func adding(_ book: SampleBook) throws -> Catalog {
        guard !book.isEmpty else { return self }
        let ids = questions.map(\.id)
        if let unknown = book.unknownIDs(among: Set(ids)).first {
            let hint = Suggestion.closest(to: unknown.id, among: ids).map { "did you mean \"\($0)\"?" } ?? "`rehearse questions` lists the ids"
            throw CoreError.unknownSampleQuestion(place: unknown.place, id: unknown.id, hint: hint)
        }
        var catalog = self
        for bank in catalog.banks.indices {
            for question in catalog.banks[bank].questions.indices {
                let id = catalog.banks[bank].questions[question].id
                catalog.banks[bank].questions[question].samples += book.byQuestion[id] ?? []
            }
        }
        // Samples are not idf documents: the corpus stays what it was.
        catalog.knownCorpus = knownCorpus
        return catalog
    }
}
