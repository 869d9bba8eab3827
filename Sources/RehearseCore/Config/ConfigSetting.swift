import Foundation

/// One key of the configuration: its type, its built-in default and what it means.
public struct ConfigSetting: Sendable {
    /// The kinds of value a setting takes.
    public enum Kind: Sendable {
        /// Any non-empty text.
        case text
        /// A file or folder; `~/` is expanded.
        case path
        /// A whole number in a range.
        case integer(ClosedRange<Int>)
        /// A number in a range.
        case number(ClosedRange<Double>)
        /// true or false.
        case flag
        /// One of a fixed set of words.
        case choice([String])
    }

    /// The dotted key, e.g. `bands.strong`; nested mappings in YAML files.
    public let key: String
    /// The value's kind.
    public let kind: Kind
    /// The built-in default; `nil` means "unset" (the setting's docs say what that does).
    public let defaultValue: ConfigValue?
    /// One line on what the setting does.
    public let summary: String

    /// The environment variable that sets it: `REHEARSE_` and the key in capitals, dots as `_`.
    public var environmentName: String {
        // Keys are ASCII; mapped by bytes, since NSString's replacing showed up at every start.
        let name = key.utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: "_") : (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }
        return "REHEARSE_" + String(decoding: name, as: UTF8.self)
    }

    /// Parses `text` as this setting's kind, or says what was expected.
    public func parse(_ text: String) -> Result<ConfigValue, ConfigParseFailure> {
        let trimmed = text.trimming(.whitespaces)
        switch kind {
        case .text:
            return trimmed.isEmpty ? .failure(.init(expected: "some text")) : .success(.text(trimmed))
        case .path:
            return trimmed.isEmpty ? .failure(.init(expected: "a path")) : .success(.text(trimmed))
        case .integer(let range):
            guard let number = Int(trimmed), range.contains(number) else {
                return .failure(.init(expected: "a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            return .success(.int(number))
        case .number(let range):
            guard let number = Double(trimmed), range.contains(number) else {
                return .failure(.init(expected: "a number from \(range.lowerBound.formatted()) to \(range.upperBound.formatted())"))
            }
            return .success(.double(number))
        case .flag:
            guard let flag = MappingReader.parseBool(trimmed) else { return .failure(.init(expected: "true or false")) }
            return .success(.bool(flag))
        case .choice(let words):
            guard words.contains(trimmed.lowercased()) else {
                return .failure(.init(expected: "one of " + words.joined(separator: ", ")))
            }
            return .success(.text(trimmed.lowercased()))
        }
    }
}

/// Why a configuration value was refused: what was expected instead.
public struct ConfigParseFailure: Error, Sendable {
    /// E.g. "a whole number from 1 to 100".
    public let expected: String
}
