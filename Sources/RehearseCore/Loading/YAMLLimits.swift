// libyaml itself, as Yams vendors it. Yams composes a whole tree and expands every alias as it
// goes, hashing each mapping key in full to find duplicates, so a few hundred bytes of nested
// aliases used as keys cost minutes before Yams returns. Only libyaml's event stream lets a
// file be measured first, in one linear pass that expands nothing. CYaml is not a product of
// the Yams package, but SwiftPM hands every target the module maps of all the C modules below
// it, so the import resolves wherever Yams builds.
internal import CYaml

/// What a bank, scenario or config file may cost to read, checked on libyaml's events before
/// Yams builds a tree: a bad file is refused in milliseconds with the place to fix.
///
/// Nesting depth needs no check here: libyaml refuses more than 1000 levels by itself.
enum YAMLLimits {
    /// The largest file read: fifteen times the largest shipped bank.
    static let maxBytes = 1 << 20
    /// The most values (scalars, lists and mappings) a file may hold, each alias counted as
    /// everything it stands for.
    static let maxValues = 100_000
    /// The most aliases (`*name`) a file may use.
    static let maxAliases = 1_000
    /// The most values aliases may copy in one file, all aliases together.
    static let maxAliasCopies = 10_000
    /// How deep aliases may nest: an alias of an anchor whose value holds an alias is 2 deep.
    static let maxAliasDepth = 8

    /// The first limit a file breaks: where (1-based) and what to tell the author.
    struct Violation: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first limit `text` breaks, or `nil`. A syntax error also yields `nil`: Yams reports
    /// it, after reading no more than this scan already measured.
    static func check(_ text: String) -> Violation? {
        guard text.utf8.count <= maxBytes else {
            return Violation(
                line: 1, column: 1,
                message: "the file is larger than 1 MB, the most a bank, scenario or config file may be (split a big bank into several files)")
        }
        guard !text.isEmpty else { return nil }  // libyaml asserts a non-null buffer
        var copy = text
        return copy.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var measure = Measure()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch measure.take(event) {
                case .next: continue
                case .done: return nil
                case .refuse(let violation): return violation
                }
            }
        }
    }
}

/// The running count over one document's events.
private struct Measure {
    enum Outcome {
        case next
        case done
        case refuse(YAMLLimits.Violation)
    }

    /// An open list or mapping.
    struct Collection {
        var isMapping: Bool
        var anchor: String?
        /// Values inside it, itself included, aliases expanded.
        var values = 1
        /// The deepest alias nesting inside it.
        var aliasDepth = 0
        /// For a mapping: whether the next value is a key.
        var expectsKey = true
    }

    /// What an anchor stands for.
    struct Anchored {
        var values: Int
        var aliasDepth: Int
        var kind: String?  // "a list" or "a mapping"; nil for text
    }

    var open: [Collection] = []
    var anchors: [String: Anchored] = [:]
    var values = 0
    var aliases = 0
    var copies = 0

    mutating func take(_ event: yaml_event_t) -> Outcome {
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1
        func refuse(_ message: String) -> Outcome { .refuse(.init(line: line, column: column, message: message)) }
        let isKey = open.last.map { $0.isMapping && $0.expectsKey } ?? false

        switch event.type {
        case YAML_SCALAR_EVENT:
            values += 1
            if let anchor = Self.name(event.data.scalar.anchor) { anchors[anchor] = Anchored(values: 1, aliasDepth: 0, kind: nil) }
            close(values: 1, aliasDepth: 0)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            if isKey {
                return refuse("a mapping key must be text, got \(isMapping ? "a mapping" : "a list") (write keys as plain words such as \"prompt\")")
            }
            values += 1
            let anchor = Self.name(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
            open.append(Collection(isMapping: isMapping, anchor: anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let done = open.popLast() else { return .done }
            if let anchor = done.anchor {
                anchors[anchor] = Anchored(values: done.values, aliasDepth: done.aliasDepth, kind: done.isMapping ? "a mapping" : "a list")
            }
            close(values: done.values, aliasDepth: done.aliasDepth)
        case YAML_ALIAS_EVENT:
            let name = Self.name(event.data.alias.anchor) ?? ""
            aliases += 1
            if aliases > YAMLLimits.maxAliases {
                return refuse(
                    "too many YAML aliases: \"*\(name)\" makes \(aliases) in this file (at most \(YAMLLimits.maxAliases); write the text out instead of using anchors and aliases)"
                )
            }
            // An undefined alias is Yams' to report; here it counts as one value.
            let anchored = anchors[name] ?? Anchored(values: 1, aliasDepth: 0, kind: nil)
            if isKey, let kind = anchored.kind {
                return refuse("a mapping key must be text, got alias \"*\(name)\" of \(kind) (write keys as plain words such as \"prompt\")")
            }
            let depth = anchored.aliasDepth + 1
            if depth > YAMLLimits.maxAliasDepth {
                return refuse(
                    "YAML alias \"*\(name)\" nests aliases \(depth) deep (at most \(YAMLLimits.maxAliasDepth); write the text out instead of nesting anchors and aliases)"
                )
            }
            copies += anchored.values
            if copies > YAMLLimits.maxAliasCopies {
                return refuse(
                    "YAML aliases copy too much: with \"*\(name)\" they copy \(copies) values (at most \(YAMLLimits.maxAliasCopies) per file; write the text out instead of nesting anchors and aliases)"
                )
            }
            values += anchored.values
            close(values: anchored.values, aliasDepth: depth)
        case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
            // Yams reads one document and refuses a second before building it.
            return .done
        default:
            return .next
        }
        if values > YAMLLimits.maxValues {
            return refuse(
                "the file has more than \(YAMLLimits.maxValues) values (at most \(YAMLLimits.maxValues); split a big bank into several files)")
        }
        return .next
    }

    /// Adds a finished value to the collection it is in.
    private mutating func close(values: Int, aliasDepth: Int) {
        guard !open.isEmpty else { return }
        open[open.count - 1].values += values
        open[open.count - 1].aliasDepth = max(open[open.count - 1].aliasDepth, aliasDepth)
        if open[open.count - 1].isMapping { open[open.count - 1].expectsKey.toggle() }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
