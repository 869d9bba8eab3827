import Foundation
import RehearseScoring
import Testing

@testable import RehearseCore

@Suite("Catalog snapshots")
struct CatalogSnapshotTests {
    static let loaded = CatalogLoader.load(files: (try? ScenarioSource.builtin.files()) ?? [], shipped: true)

    @Test("the built-in catalog reads back exactly as parsed, with its corpus")
    func roundTrip() throws {
        let catalog = Self.loaded.catalog
        #expect(Self.loaded.diagnostics.all.isEmpty && catalog.questions.count > 100)
        let corpus = catalog.corpus
        let bytes = CatalogSnapshot.encode(catalog, corpus: corpus, key: "k1")
        let (read, readCorpus) = try #require(CatalogSnapshot.decode(bytes, key: "k1"))
        #expect(read.banks == catalog.banks)
        #expect(read.scenarios == catalog.scenarios)
        #expect(readCorpus.documents == corpus.documents && readCorpus.frequencies == corpus.frequencies)
        // Scores are the same whichever way the catalog came.
        let question = catalog.questions[7]
        let answer = "It caches results and uses an index so queries run faster."
        #expect(
            Scorer(corpus: readCorpus).score(answer, for: read.questions[7].scoringQuestion).score
                == Scorer(corpus: corpus).score(answer, for: question.scoringQuestion).score)
    }

    @Test("another key, a cut, a flipped byte or noise is no snapshot, never a crash")
    func refusals() {
        let bytes = CatalogSnapshot.encode(Self.loaded.catalog, corpus: Self.loaded.catalog.corpus, key: "k1")
        #expect(CatalogSnapshot.decode(bytes, key: "k2") == nil)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 500)) {
            #expect(CatalogSnapshot.decode(Array(bytes.prefix(length)), key: "k1") == nil, "cut at \(length)")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var scribbled = bytes
            scribbled[Int.random(in: CatalogSnapshot.magic.count..<bytes.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            _ = CatalogSnapshot.decode(scribbled, key: "k1")  // either refused or read: never a trap
        }
        let noise = CatalogSnapshot.magic + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(CatalogSnapshot.decode(noise, key: "k1") == nil)
        // A huge count is refused before anything is allocated for it.
        var huge = SnapshotWriter()
        huge.string("k1")
        huge.unsigned(UInt64.max >> 2)
        #expect(CatalogSnapshot.decode(CatalogSnapshot.magic + huge.bytes, key: "k1") == nil)
    }

    @Test("the cache writes a snapshot once, reads it after, and rebuilds a damaged one")
    func cache() throws {
        let folder = NSTemporaryDirectory() + "rehearse-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = CatalogCache(folder: folder)
        let first = cache.builtIn()
        #expect(!first.fromSnapshot)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.count == 1 && names[0].hasPrefix("catalog-") && names[0].hasSuffix(".bin"))
        let path = folder + "/" + names[0]
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)

        let second = cache.builtIn()
        #expect(second.fromSnapshot)
        #expect(second.result.catalog.banks == first.result.catalog.banks)
        #expect(second.result.catalog.corpus.frequencies == first.result.catalog.corpus.frequencies)

        // Cut in half: loaded from the YAML again, and the snapshot is whole once more.
        #expect(truncate(path, 1000) == 0)
        let third = cache.builtIn()
        #expect(!third.fromSnapshot && third.result.catalog.banks == first.result.catalog.banks)
        #expect(cache.builtIn().fromSnapshot)

        // Changing the banks forgets the snapshot's corpus; samples do not change it.
        var catalog = second.result.catalog
        #expect(catalog.knownCorpus != nil)
        catalog.banks.removeLast()
        #expect(catalog.knownCorpus == nil)
    }
}
