/// One token of a text as written: a word, a number, or a code identifier such as
/// `select_related`, `@app.middleware`, `django.db.models` or `c++`.
public struct Token: Sendable, Hashable {
    /// Where the token stands in the original text, in UTF-8 byte offsets.
    public let span: Range<Int>
    /// The token as written.
    public let text: String
    /// The pieces an identifier is made of, as written: `select_related` → `select`, `related`;
    /// `JsonResponse` → `Json`, `Response`. A plain word or number is its own only piece.
    public var pieces: [String] { Tokenizer.pieces(of: text) }
}
