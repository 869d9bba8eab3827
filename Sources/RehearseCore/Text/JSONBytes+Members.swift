import RehearseScoring

extension JSONBytes {
    /// A text member, left out when `nil`.
    public mutating func string(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        quoted(value)
    }

    /// A whole-number member, left out when `nil`.
    public mutating func int(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        digits(value)
    }

    /// A flag member, left out when `nil`.
    public mutating func bool(_ name: StaticString, _ value: Bool?) {
        guard let value else { return }
        key(name)
        literal(value ? "true" : "false")
    }

    /// A number member, left out when `nil`.
    public mutating func double(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    /// A sample neighbour object, keys sorted.
    public mutating func neighbour(_ sample: SampleNeighbour) {
        open()
        string("label", sample.label)
        double("score", sample.score)
        double("scored", sample.scored)
        double("similarity", sample.similarity)
        close()
    }

    /// A matched concept object, keys sorted: transcript lines and replies write it alike.
    public mutating func match(_ match: ConceptMatch) {
        open()
        string("concept", match.concept)
        string("evidence", match.evidence)
        key("span")
        array(match.span) { json, offset in json.digits(offset) }
        string("term", match.term)
        close()
    }

    /// A missed concept object, keys sorted.
    public mutating func missed(_ miss: MissedConcept) {
        open()
        string("concept", miss.concept)
        bool("required", miss.required)
        double("weight", miss.weight)
        close()
    }
}
