import HTTPTypes
import Testing

@testable import RehearseServer

/// A field's value read without joining: the same as the subscript, one field or several.
@Test func fieldValuesAreWhatTheSubscriptGives() {
    let name = HTTPField.Name("X-Thing")!
    let cases: [[HTTPField]] = [
        [], [HTTPField(name: .authorization, value: "Bearer a")],
        [HTTPField(name: .authorization, value: "Bearer a"), HTTPField(name: .authorization, value: "Bearer b")],
        [HTTPField(name: .contentType, value: "x"), HTTPField(name: HTTPField.Name("authorization")!, value: "lower")],
        [HTTPField(name: name, value: "1"), HTTPField(name: .authorization, value: ""), HTTPField(name: name, value: "2")],
    ]
    for fields in cases {
        let headers = HTTPFields(fields)
        for wanted in [HTTPField.Name.authorization, .contentType, .connection, name] {
            #expect(headers.value(of: wanted) == headers[wanted], "\(fields) \(wanted)")
        }
    }
}
