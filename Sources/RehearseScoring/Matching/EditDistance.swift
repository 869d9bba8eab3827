/// Whether two words are at most one typo apart: one letter added, removed, changed,
/// or two neighbours swapped.
enum EditDistance {
    static func withinOne(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        if abs(x.count - y.count) > 1 { return false }
        if x.count == y.count {
            let differences = x.indices.filter { x[$0] != y[$0] }
            if differences.count == 1 { return true }
            return differences.count == 2 && differences[1] == differences[0] + 1
                && x[differences[0]] == y[differences[1]] && x[differences[1]] == y[differences[0]]
        }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        return short[i...].elementsEqual(long[(i + 1)...])
    }
}
