import RehearseCore

/// A reply the daemon writes by hand instead of through `JSONEncoder`: the same members (nil
/// ones left out) and values, in declaration order, at a fraction of the cost. Replies were the
/// largest share of the daemon's CPU after scoring; WireJSONTests decodes every kind back and
/// compares it with the encoder's output.
public protocol WireJSON {
    /// Writes this value as one JSON object.
    func write(to json: inout JSONBytes)
}

extension WireJSON {
    /// This value as JSON.
    public var jsonBytes: [UInt8] {
        var json = JSONBytes()
        write(to: &json)
        return json.bytes
    }
}

extension JSONBytes {
    /// An object member, left out when `nil`.
    mutating func object(_ name: StaticString, _ value: (some WireJSON)?) {
        guard let value else { return }
        key(name)
        value.write(to: &self)
    }

    /// An array of objects.
    mutating func objects(_ name: StaticString, _ values: [some WireJSON]) {
        key(name)
        array(values) { json, value in value.write(to: &json) }
    }
}

extension Array: WireJSON where Element: WireJSON {
    /// Writes the elements as a JSON array.
    public func write(to json: inout JSONBytes) {
        json.array(self) { json, value in value.write(to: &json) }
    }
}
