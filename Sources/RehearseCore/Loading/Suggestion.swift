/// "Did you mean" for misspelt keys, bank names and ids.
public enum Suggestion {
    /// The candidate closest to `input`, if it is close enough to be a likely typo.
    public static func closest(to input: String, among candidates: [String]) -> String? {
        let folded = fold(input)
        let allowed = max(1, folded.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = fold(candidate)
            // The distance is at least the difference in length: a candidate that cannot be
            // close enough is not measured, so a key of 100 000 characters costs no more.
            guard abs(other.count - folded.count) <= allowed else { continue }
            let distance = editDistance(folded, other)
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        if let best, best.distance <= allowed { return best.candidate }
        // `difficulty` for `start_difficulty`: a key written without its qualifier.
        guard folded.count >= 4 else { return nil }
        return candidates.first { fold($0).hasSuffix(folded) || fold($0).hasPrefix(folded) }
    }

    /// `(did you mean "x"?)`, or `(expected one of: a, b, c)` when nothing is close.
    public static func hint(for input: String, among candidates: [String]) -> String {
        if candidates.isEmpty { return "(there are none loaded)" }
        if let match = closest(to: input, among: candidates) { return "(did you mean \"\(match)\"?)" }
        return "(expected one of: \(candidates.joined(separator: ", ")))"
    }

    /// `follow-up`, `followUp` and `follow_up` are the same key to a human.
    private static func fold(_ text: String) -> String {
        String(text.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Edit distance over characters where swapping two neighbours counts as one edit
    /// (optimal string alignment), since transposed letters are the commonest typo.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
