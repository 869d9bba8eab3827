/// A store address as it may be shown: in `rehearse config`, errors and logs.
public enum StoreURLText {
    /// `postgres://user:secret@host` as `postgres://user:***@host`, and `password=secret` in
    /// the query as `password=***`.
    public static func hidingPassword(_ url: String) -> String {
        var shown = url
        if let query = shown.range(of: #"([?&])password=[^&]*"#, options: .regularExpression) {
            let separator = shown[query].first.map(String.init) ?? "?"
            shown.replaceSubrange(query, with: separator + "password=***")
        }
        guard let scheme = shown.range(of: "://") else { return shown }
        let end = shown[scheme.upperBound...].firstIndex { $0 == "/" || $0 == "?" } ?? shown.endIndex
        guard let at = shown[scheme.upperBound..<end].lastIndex(of: "@"), let colon = shown[scheme.upperBound..<at].firstIndex(of: ":")
        else { return shown }
        return String(shown[..<colon]) + ":***" + String(shown[at...])
    }
}
