import Foundation

/// What a command's `--json` flag prints. Every such report is written the same way, so the
/// output is stable to diff and to parse in scripts.
public protocol JSONReport: Encodable {}

extension JSONReport {
    /// The report as JSON: pretty-printed, keys sorted (stable across runs), slashes left as
    /// they are (paths stay readable).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return JSONEscaping.escapingC1(String(decoding: try encoder.encode(self), as: UTF8.self))
    }
}
