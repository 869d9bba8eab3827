/// Chooses the next question: never one already asked, seeded, and — for adaptive scenarios —
/// one level up after a strong answer and one down after a weak one, taking the nearest level
/// the pool still has. Questions seen in recent sessions come last.
public struct QuestionPicker: Sendable {
    private let pool: [Question]
    private let adaptive: Bool
    private let inOrder: Bool
    private let recent: Set<String>
    private var generator: SeededGenerator
    /// The ids asked, for a pool that repeats ids; one with unique ids only counts.
    private var asked = Set<String>()
    private var askedCount = 0
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
    public var remaining: Int { pool.count - (uniqueIDs ? askedCount : asked.count) }

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
        // The candidates are the open questions of the level aimed at (the nearest the pool
        // still has; on a tie, the easier one: a run of weak answers should not jump), those
        // not seen recently first. Counted and then walked to the one drawn, in pool order as
        // before, rather than filtered into new arrays at every question.
        let (pool, recent) = (pool, recent)
        var target: Difficulty?
        if adaptive {
            let index = level.index
            let nearestFirst = [index, index - 1, index + 1, index - 2, index + 2]
            target = nearestFirst.lazy.compactMap(Difficulty.init(index:)).first { level in
                open.contains { pool[$0].difficulty == level }
            }
        }
        func candidate(_ position: Int) -> Bool { target == nil || pool[position].difficulty == target }
        func fresh(_ position: Int) -> Bool { recent.isEmpty || !recent.contains(pool[position].id) }
        var candidates = 0
        var freshOnes = 0
        for position in open where candidate(position) {
            candidates += 1
            if fresh(position) { freshOnes += 1 }
        }
        let onlyFresh = freshOnes > 0
        var drawn = Int(generator.next() % UInt64(onlyFresh ? freshOnes : candidates))
        for position in open where candidate(position) && (!onlyFresh || fresh(position)) {
            guard drawn == 0 else {
                drawn -= 1
                continue
            }
            take(position)
            return pool[position]
        }
        preconditionFailure("the question drawn is among those counted")
    }

    /// Marks the question at `position` asked: a pool holding its id twice offers neither again.
    private mutating func take(_ position: Int) {
        if uniqueIDs {
            askedCount += 1
            // Each position is open once: found and removed, not filtered out through a closure.
            if let index = open.firstIndex(of: position) { open.remove(at: index) }
        } else {
            let id = pool[position].id
            asked.insert(id)
            open.removeAll { pool[$0].id == id }
        }
    }
}

extension Difficulty {
    /// The level of ``index`` `index`, or `nil` past either end.
    init?(index: Int) {
        guard let level = Difficulty.allCases.first(where: { $0.index == index }) else { return nil }
        self = level
    }

    /// 0 for easy, 1 for medium, 2 for hard.
    public var index: Int {
        switch self {
        case .easy: 0
        case .medium: 1
        case .hard: 2
        }
    }
}
