/// A content word of a text: its stem and where it stands in the original text.
public struct AnalyzedWord: Sendable, Hashable {
    /// The Snowball stem of the folded word (numbers and `c++`-style names unstemmed).
    public let stem: String
    /// ``hash(ofStem:)``, computed once when the word was first analysed.
    let stemHash: Int
    /// The folded word before stemming; typos are compared on it as well as on the stem,
    /// since a typo can change the stem more than the word ("serialiser", "serializer").
    public let folded: String
    /// The word as written (a piece of an identifier for `select_related`).
    public let surface: String
    /// The whole token it belongs to, in UTF-8 byte offsets of the original text.
    public let span: Range<Int>
    /// Letters in the folded word, before stemming; typos are tolerated from 6 on.
    public let length: Int
    /// The folded word's ``EditDistance/bytes(of:)``, worked out once with the rest of the
    /// word (and cached with it) rather than at each typo lookup: a reference word of six
    /// letters or more had it worked out again for every answer it was looked for in.
    let typoBits: UInt64

    /// The hash a stem is looked up by in a ``StemTable``: `String`'s own (seeded per process),
    /// so stems that compare equal hash alike.
    static func hash(ofStem stem: String) -> Int { stem.hashValue }
}
