/// The chat page served at `/`: `Web/chat.html` with `chat.css` and `chat.js` inlined, so it is
/// one file with no external assets and works offline and behind any proxy. Everything the
/// daemon says is inserted as text, never as HTML.
enum ChatPage {
    /// The assembled page, built once: the router reads it when the daemon starts.
    static let html: String = WebPage.bundled("chat.html")
}
