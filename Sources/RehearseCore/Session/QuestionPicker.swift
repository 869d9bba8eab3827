/// Chooses the next question: never one already asked, seeded, and — for adaptive scenarios —
/// one level up after a strong answer and one down after a weak one, taking the nearest level
/// the pool still has. Questions seen in recent sessions come last.
public struct QuestionPicker: Sendable {
    private let pool: [Question]
    private let adaptive: Bool
    private let inOrder: Bool
    private let recent: Set<String>
    private var generator: SeededGenerator
    private var asked = Set<String>()
    /// Whether no two questions of the pool share an id, so taking one removes only its own
    /// position (comparing ids across the pool at every question showed in the daemon's profile).
    private let uniqueIDs: Bool
    /// Positions in the pool of the questions not asked yet, in pool order.
    private var open: [Int]
    /// The level the next adaptive question aims at.
    public private(set) var level: Difficulty

    /// Creates a picker over `pool` (in a stable order, so a seed means the same thing each time);
    /// `inOrder` asks the pool exactly in the order given.
    public init(pool: [Question], start: Difficulty, adaptive: Bool, seed: UInt64, recent: Set<String> = [], inOrder: Bool = false) {
        // A pool already in id order (the daemon sorts each scenario's once) is not sorted again
        // for every session.
        // Strictly ascending ids are sorted and unique.
        let sorted = pool.indices.dropFirst().allSatisfy { pool[$0 - 1].id < pool[$0].id }
        self.pool = inOrder || sorted ? pool : pool.sorted { $0.id < $1.id }
        uniqueIDs = sorted
        open = Array(self.pool.indices)
        self.level = start
        self.adaptive = adaptive && !inOrder
        self.inOrder = inOrder
        self.recent = recent
        generator = SeededGenerator(seed: seed)
    }

    /// Questions not asked yet.
    public var remaining: Int { pool.count - asked.count }

    /// The next question, given the band of the last answer (`nil` before the first, or after a skip).
    public mutating func next(after band: Band?) -> Question? {
        if adaptive, let band {
            switch band {
            case .strong: level = level.harder ?? level
            case .weak: level = level.easier ?? level
            case .partial: break
            }
        }
        // Positions in the pool, kept up to date, not copies of its questions: filtering the
        // whole pool at every answer was a tenth of the daemon's time. The order (and so what a
        // seed picks) is the pool's, as before.
        guard let firstOpen = open.first else { return nil }
        if inOrder {
            take(firstOpen)
            return pool[firstOpen]
        }
        let (pool, recent, open) = (pool, recent, open)
        var candidates = open
        if adaptive {
            // Nearest level first; on a tie, the easier one (a run of weak answers should not jump).
            let levels = Difficulty.allCases.sorted {
                (abs($0.index - level.index), $0.index) < (abs($1.index - level.index), $1.index)
            }
            candidates = levels.lazy.map { level in open.filter { pool[$0].difficulty == level } }.first { !$0.isEmpty } ?? open
        }
        let fresh = recent.isEmpty ? candidates : candidates.filter { !recent.contains(pool[$0].id) }
        let choices = fresh.isEmpty ? candidates : fresh
        let position = choices[Int(generator.next() % UInt64(choices.count))]
        take(position)
        return pool[position]
    }

    /// Marks the question at `position` asked: a pool holding its id twice offers neither again.
    private mutating func take(_ position: Int) {
        let id = pool[position].id
        asked.insert(id)
        if uniqueIDs {
            open.removeAll { $0 == position }
        } else {
            open.removeAll { pool[$0].id == id }
        }
    }
}

extension Difficulty {
    /// 0 for easy, 1 for medium, 2 for hard.
    public var index: Int {
        switch self {
        case .easy: 0
        case .medium: 1
        case .hard: 2
        }
    }
}
