import RehearseResources

/// Assembles the daemon's pages from the files under `Web/`. Each page is written as ordinary
/// HTML with its stylesheet and script beside it, so it opens from disk while it is edited, and is
/// served as one document with both inlined, so it needs no second request, works offline and
/// behind any proxy, and the installed binary needs no repo.
enum WebPage {
    /// The bundled page `Web/<name>` with its stylesheets and scripts inlined from `Web/`.
    ///
    /// A build without the page gets a short page that says so instead of a crash: the daemon's
    /// API does not need the page, so serving it stays worthwhile.
    static func bundled(_ name: String) -> String {
        guard let page = BundledFiles.web(name) else { return unavailable(name) }
        return inline(html: page.text) { BundledFiles.web($0)?.text }
    }

    /// `html` with every `<link rel="stylesheet" href="X">` replaced by a `<style>` element and
    /// every `<script src="X"></script>` by a `<script>` element, each holding `asset(X)`.
    ///
    /// Only those exact spellings are recognised, as our pages write them; any other tag is left
    /// alone. The tags are found in one pass, so nothing inside an inlined file is taken for a tag.
    /// A file `asset` does not have becomes an HTML comment naming it: the page still loads, and
    /// makes no request the daemon could only answer with a 404.
    ///
    /// The HTML parser ends a `<style>` or `<script>` element at the first `</style` or `</script`,
    /// in any case, even inside a string or a comment. So every `</` before `style` or `script` in
    /// an inlined file becomes `<\/`: the same characters in a CSS string or `url()` and in a
    /// JavaScript string, template or regular expression, inert in a comment, and implausible
    /// anywhere else. Our files have no such sequence, so for them nothing changes. A script's `<!--`
    /// followed by `<script` would confuse the parser too; no escape of it is valid everywhere a
    /// script could hold it, so it is not escaped, and ChatPageTests checks our scripts have none.
    static func inline(html: String, asset: (String) -> String?) -> String {
        let tag = #/<link rel="stylesheet" href="(?<style>[^"]+)">|<script src="(?<script>[^"]+)"></script>/#
        return html.replacing(tag) { match -> String in
            if let name = match.output.style {
                return element("style", holding: asset(String(name)), from: String(name))
            }
            let name = String(match.output.script ?? "")
            return element("script", holding: asset(name), from: name)
        }
    }

    /// A `<tag>` element holding `text`, laid out as the file would be inline; an HTML comment if
    /// there is no text.
    private static func element(_ tag: String, holding text: String?, from name: String) -> String {
        guard let text else { return "<!-- \(name) is missing from this build of rehearse -->" }
        let body = text.replacing(#/<\/(?=(?i:style|script))/#, with: #"<\/"#)
        return "<\(tag)>\n" + body + (body.hasSuffix("\n") ? "" : "\n") + "</\(tag)>"
    }

    /// The page served when the build has no `Web/<name>`: it names the file, so whoever built the
    /// binary knows what went wrong, and points at the API, which works without it.
    private static func unavailable(_ name: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Rehearse</title></head>
        <body><p>This build of rehearse has no Web/\(name), so it has no page to show here. \
        The HTTP API under /v1 works as usual.</p></body>
        </html>

        """
    }
}
