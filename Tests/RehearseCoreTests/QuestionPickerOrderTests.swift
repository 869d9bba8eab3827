import RehearseScoring
import Testing

@testable import RehearseCore

/// The picker keeps its open questions as positions for speed; a seed must still pick exactly
/// what it always picked (recorded sessions are rebuilt by drawing again), so it is checked
/// against the straightforward filter-the-pool version it replaced.
@Suite("Question picking order")
struct QuestionPickerOrderTests {
    /// The picker as it was: the whole pool filtered at every pick.
    struct Reference {
        let pool: [Question]
        let adaptive: Bool
        let inOrder: Bool
        let recent: Set<String>
        var generator: SeededGenerator
        var asked = Set<String>()
        var level: Difficulty

        mutating func next(after band: Band?) -> Question? {
            if adaptive, let band {
                switch band {
                case .strong: level = level.harder ?? level
                case .weak: level = level.easier ?? level
                case .partial: break
                }
            }
            let open = pool.filter { !asked.contains($0.id) }
            guard !open.isEmpty else { return nil }
            if inOrder {
                asked.insert(open[0].id)
                return open[0]
            }
            var candidates = open
            if adaptive {
                let levels = Difficulty.allCases.sorted {
                    (abs($0.index - level.index), $0.index) < (abs($1.index - level.index), $1.index)
                }
                candidates = levels.lazy.map { level in open.filter { $0.difficulty == level } }.first { !$0.isEmpty } ?? open
            }
            let fresh = candidates.filter { !recent.contains($0.id) }
            let choices = fresh.isEmpty ? candidates : fresh
            let choice = choices[Int(generator.next() % UInt64(choices.count))]
            asked.insert(choice.id)
            return choice
        }
    }

    @Test("every seed, pool, level, recent set and run of bands picks the same questions as before")
    func sameOrder() {
        var random = SeededGenerator(seed: 42)
        for trial in 0..<400 {
            let size = Int(random.next() % 30) + 1
            // Some ids twice: a question in two banks.
            var pool = (0..<size).map { n in
                Question(
                    id: "q\(Int(random.next() % UInt64(size + 5)))-\(n % 3 == 0 ? 0 : n)", topic: "t",
                    difficulty: Difficulty.allCases[Int(random.next() % 3)], prompt: "p", answer: "a",
                    location: SourceLocation(path: "x", line: n, column: 1))
            }
            if trial % 3 == 1 {
                // As the daemon gives it: sorted once, each id once (the picker's quick path).
                var seen = Set<String>()
                pool = pool.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
            }
            let sorted = pool.sorted { $0.id < $1.id }
            let adaptive = trial % 2 == 0
            let inOrder = trial % 7 == 0
            let recent = Set(pool.prefix(Int(random.next() % 4)).map(\.id))
            let start = Difficulty.allCases[trial % 3]
            var picker = QuestionPicker(pool: pool, start: start, adaptive: adaptive, seed: UInt64(trial), recent: recent, inOrder: inOrder)
            var reference = Reference(
                pool: inOrder ? pool : sorted, adaptive: adaptive && !inOrder, inOrder: inOrder, recent: recent,
                generator: SeededGenerator(seed: UInt64(trial)), level: start)
            var band: Band?
            for _ in 0...size {
                let picked = picker.next(after: band)
                let expected = reference.next(after: band)
                #expect(picked?.id == expected?.id && picked?.location == expected?.location, "trial \(trial)")
                #expect(picker.remaining == reference.pool.count - reference.asked.count, "trial \(trial)")
                band = Band.allCases[Int(random.next() % 3)]
            }
        }
    }
}
