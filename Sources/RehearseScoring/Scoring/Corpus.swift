import Foundation

/// Document frequencies over a set of questions, for idf weights: a word most reference
/// answers use (a topic's everyday vocabulary) says less than one only a few use.
public struct Corpus: Sendable {
    /// Documents per stem, looked up by the hashes analysed words carry.
    private var frequency = StemTable<Int>()
    /// How many documents were added.
    public private(set) var documents = 0

    /// An empty corpus: every word weighs the same.
    public init() {}

    /// A corpus of `documents`, analysed with the scorer's own rules.
    public init(documents: some Sequence<String>) {
        let analyzer = TextAnalyzer()
        for document in documents { add(stems: analyzer.stems(document)) }
    }

    /// A corpus read back from its document frequencies (a catalog snapshot).
    public init(frequencies: [String: Int], documents: Int) {
        frequency = StemTable(minimumCapacity: frequencies.count)
        for (stem, count) in frequencies {
            frequency.insert(stem, hash: AnalyzedWord.hash(ofStem: stem), value: count)
        }
        self.documents = documents
    }

    /// How many documents use each stem.
    public var frequencies: [String: Int] {
        Dictionary(uniqueKeysWithValues: frequency.entries.lazy.map { ($0.stem, $0.value) })
    }

    /// Adds one document (usually a question's prompt and reference answer together).
    public mutating func add(stems: some Sequence<String>) {
        documents += 1
        for stem in Set(stems) {
            let (entry, _) = frequency.insert(stem, hash: AnalyzedWord.hash(ofStem: stem), value: 0)
            frequency[entry] += 1
        }
    }

    /// How many documents use `stem`.
    public func documentFrequency(of stem: String) -> Int {
        frequency.value(of: stem, hash: AnalyzedWord.hash(ofStem: stem)) ?? 0
    }

    /// `1 + ln((N + 1) / (df + 1))`: 1 for a word every document has, more for rarer ones.
    public func weight(of stem: String) -> Double { weight(of: stem, hash: AnalyzedWord.hash(ofStem: stem)) }

    /// ``weight(of:)`` for a stem whose ``AnalyzedWord/hash(ofStem:)`` is known.
    func weight(of stem: String, hash: Int) -> Double {
        guard documents > 0 else { return 1 }
        return 1 + log(Double(documents + 1) / Double((frequency.value(of: stem, hash: hash) ?? 0) + 1))
    }
}
