import RehearseResources
import Testing

@testable import RehearseServer

/// The chat page is written as `Web/chat.html`, `chat.css` and `chat.js` but served as one
/// document, so a page that still asks for a file would break offline and behind proxies.
@Suite("The chat page is one document assembled from Web/")
struct ChatPageTests {
    /// Every bundled stylesheet and script; each page inlines those named after it.
    static let allAssets = BundledFiles.all.filter {
        $0.path.hasPrefix("Web/") && ($0.path.hasSuffix(".css") || $0.path.hasSuffix(".js"))
    }
    static let assets = allAssets.filter { $0.path.hasPrefix("Web/chat.") }

    @Test("the page asks for no other file")
    func selfContained() {
        let page = ChatPage.html
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(!page.contains("<link"))
        #expect(!page.contains("<script src"))
        #expect(page.ranges(of: "<style>").count == 1)
        #expect(page.ranges(of: "</style>").count == 1)
        #expect(page.ranges(of: "<script>").count == 1)
        #expect(page.ranges(of: "</script>").count == 1)
    }

    @Test("the stylesheet and the script are inlined whole")
    func inlined() {
        let page = ChatPage.html
        #expect(page.contains("#status { color:var(--dim)"), "a rule from chat.css")
        #expect(page.contains("function renderClosing(message)"), "a function from chat.js")
        #expect(Self.assets.map(\.path).contains("Web/chat.css"))
        #expect(Self.assets.map(\.path).contains("Web/chat.js"))
        for file in Self.assets {
            #expect(page.contains(file.text), "\(file.path) is not inlined")
        }
    }

    /// WebPage escapes closing tags but not `<!--`, which no escape makes safe in every place a
    /// script could hold it; these files are inlined as they stand.
    @Test("no bundled stylesheet or script holds a sequence that would end its element early")
    func noParserTraps() {
        for file in Self.allAssets {
            let text = file.text.lowercased()
            #expect(!text.contains("</style") && !text.contains("</script"), "\(file.path)")
            #expect(!text.contains("<!--"), "\(file.path)")
        }
    }

    @Test("inlining escapes closing tags, expands only the page's own tags and survives a missing file")
    func inlining() {
        let html = #"<head><link rel="stylesheet" href="a.css"></head><script src="b.js"></script><script src="gone.js"></script>"#
        let files = [
            "a.css": #"p::after { content: "</STYLE>" }"#,
            "b.js": #"const tag = "</script>"; // <link rel="stylesheet" href="a.css">"# + "\n",
        ]
        let page = WebPage.inline(html: html) { files[$0] }
        let expected =
            "<head><style>\n" + #"p::after { content: "<\/STYLE>" }"# + "\n</style></head>"
            + "<script>\n" + #"const tag = "<\/script>"; // <link rel="stylesheet" href="a.css">"# + "\n</script>"
            + "<!-- gone.js is missing from this build of rehearse -->"
        #expect(page == expected)
    }

    @Test("the review page is one document too, with its own stylesheet and script inlined")
    func reviewPage() {
        let page = ReviewPage.html
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(!page.contains("<link") && !page.contains("<script src"))
        for file in Self.allAssets where file.path.hasPrefix("Web/review.") {
            #expect(page.contains(file.text), "\(file.path) is not inlined")
        }
        #expect(!page.contains("innerHTML"), "the page inserts what it shows as text")
        #expect(!page.contains("localStorage"), "the review token is kept for the tab only")
    }

    @Test("a page missing from the build is still a page, naming the file")
    func missingPage() {
        let page = WebPage.bundled("no-such-page.html")
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains("Web/no-such-page.html"))
    }
}
