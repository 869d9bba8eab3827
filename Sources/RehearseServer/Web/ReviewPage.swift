/// The reviewers' page served at `/review` by a daemon with a review token: `Web/review.html`
/// with its stylesheet and script inlined, like the chat page. It asks for the review token
/// itself and keeps it for the browser tab only; everything it shows is inserted as text.
enum ReviewPage {
    /// The assembled page, built once.
    static let html: String = WebPage.bundled("review.html")
}
