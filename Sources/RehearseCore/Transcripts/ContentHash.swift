import RehearseScoring
import Synchronization

/// A short fingerprint of a question's or scenario's content, so a replay can tell that what
/// was asked has changed since. FNV-1a, 64 bits, in hex: for change detection, not security.
public enum ContentHash {
    /// Fingerprints worked out, by question id, with the question they are of: a daemon asks
    /// the same few dozen questions in every session, and hashing one's text took as long as
    /// writing its transcript line. A hit is checked byte for byte on exactly what the
    /// fingerprint covers (``sameParts(_:_:)``), with `memcmp`: far cheaper than hashing.
    /// Each entry is a reference: taking a copied tuple out copied every field of the question.
    private static let known = Mutex<[String: Known]>([:])

    /// A fingerprint with the question it is of.
    private final class Known: Sendable {
        let question: Question
        let hash: String

        init(_ question: Question, _ hash: String) {
            self.question = question
            self.hash = hash
        }

        /// Whether this is the fingerprint of `other`. Compared from here, the kept question is
        /// read in place: handed out as an argument it was copied whole, at every ask.
        func isOf(_ other: Question) -> Bool { ContentHash.sameParts(question, other) }
    }

    /// The most questions ``known`` keeps before it starts over.
    static let knownLimit = 4096

    /// The fingerprint of a question's prompt, answer and concepts.
    public static func of(_ question: Question) -> String {
        if let cached = known.withLock({ $0[question.id] }), cached.isOf(question) { return cached.hash }
        let hash = computed(question)
        known.withLock { known in
            if known.count >= knownLimit { known.removeAll(keepingCapacity: true) }
            known[question.id] = Known(question, hash)
        }
        return hash
    }

    /// Whether `a` and `b` have the same bytes in every part ``computed(_:)`` hashes. Not `==`,
    /// which takes composed and decomposed accents (and 0 and -0) as equal where the
    /// fingerprint does not.
    static func sameParts(_ a: Question, _ b: Question) -> Bool {
        guard a.id.hasSameUTF8(as: b.id), a.prompt.hasSameUTF8(as: b.prompt), a.answer.hasSameUTF8(as: b.answer), a.difficulty == b.difficulty,
            a.concepts.count == b.concepts.count
        else { return false }
        // Copies of one question share their concepts' storage: the same bytes, unread.
        let shared = a.concepts.withUnsafeBufferPointer { x in b.concepts.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
        return shared
            || zip(a.concepts, b.concepts).allSatisfy { x, y in
                x.name.hasSameUTF8(as: y.name) && x.weight.bitPattern == y.weight.bitPattern && x.required == y.required
                    && x.terms.count == y.terms.count && zip(x.terms, y.terms).allSatisfy { $0.hasSameUTF8(as: $1) }
            }
    }

    /// ``of(_:)`` without the cache.
    static func computed(_ question: Question) -> String {
        // The parts are hashed where they lie, with the separator between them, rather than
        // joined first: the same bytes, without building a copy of the question at every ask.
        var hash = offsetBasis
        var first = true
        func add(_ part: String) {
            if !first { mix(0x1F, into: &hash) }
            first = false
            mix(part, into: &hash)
        }
        for part in [question.id, question.prompt, question.answer, question.difficulty.rawValue] { add(part) }
        for concept in question.concepts {
            add(concept.name)
            for term in concept.terms { add(term) }
            add(text(concept.weight))
            add(concept.required ? "true" : "false")
        }
        return hex(hash)
    }

    /// `String(weight)`, made quickly for the whole numbers most weights are: writing a double
    /// as text was a third of the cost of a fingerprint, taken at every question asked.
    private static func text(_ weight: Double) -> String {
        guard weight.rounded(.towardZero) == weight, weight.magnitude < 1e6, !(weight == 0 && weight.sign == .minus) else {
            return String(weight)
        }
        return String(Int(weight)) + ".0"
    }

    /// The fingerprint of a scenario's settings: the hash of its parts joined with U+001F, its
    /// lists joined with commas. Hashed where they lie rather than joined first, like a
    /// question's (every session's first line carries it).
    public static func of(_ scenario: Scenario) -> String {
        let draw = scenario.draw
        var hash = offsetBasis
        var first = true
        func separate() {
            if !first { mix(0x1F, into: &hash) }
            first = false
        }
        func add(_ part: String) {
            separate()
            mix(part, into: &hash)
        }
        func add(list: [String]) {
            separate()
            for (index, item) in list.enumerated() {
                if index > 0 { mix(UInt8(ascii: ","), into: &hash) }
                mix(item, into: &hash)
            }
        }
        add(scenario.id)
        add(scenario.title)
        add(list: draw.banks)
        add(list: draw.topics)
        add(list: draw.tags)
        add(String(scenario.count ?? 0))
        add(scenario.startDifficulty.rawValue)
        add(String(scenario.adaptive))
        add(String(scenario.timeLimit ?? 0))
        return hex(hash)
    }

    static func fnv(_ text: String) -> String {
        var hash = offsetBasis
        mix(text, into: &hash)
        return hex(hash)
    }

    private static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325

    /// `text`'s UTF-8 bytes mixed in, read in place.
    private static func mix(_ text: String, into hash: inout UInt64) {
        var text = text
        text.withUTF8 { for byte in $0 { mix(byte, into: &hash) } }
    }

    private static func mix(_ byte: UInt8, into hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01B3
    }

    private static func hex(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
