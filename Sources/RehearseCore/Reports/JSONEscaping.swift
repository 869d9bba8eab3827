/// JSON that is safe to print: C1 controls (U+0080–U+009F), which JSONEncoder leaves raw and
/// some terminals obey (U+009B starts a control sequence), are written as `\u` escapes.
public enum JSONEscaping {
    /// `json` with every C1 control escaped; the value it encodes is unchanged.
    public static func escapingC1(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if (0x80...0x9F).contains(scalar.value) {
                result.append(contentsOf: "\\u00\(String(scalar.value, radix: 16))".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
