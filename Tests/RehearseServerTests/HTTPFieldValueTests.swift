import HTTPTypes
import NIOHTTP1
import NIOHTTPTypesHTTP1
import Testing

@testable import RehearseServer

/// A field's value read from NIO's headers is what the router reads after the conversion to
/// Swift HTTP Types: one field or several, in any case.
@Test func fieldValuesAreWhatTheRouterReads() throws {
    let cases: [[(String, String)]] = [
        [], [("Authorization", "Bearer a")],
        [("Authorization", "Bearer a"), ("authorization", "Bearer b")],
        [("Content-Type", "x"), ("AUTHORIZATION", "lower")],
        [("X-Thing", "1"), ("Authorization", ""), ("x-thing", "2"), ("X-THING", "3")],
        [("Connection", "close"), ("Content-Length", "12")],
        // Names that differ in a byte other than a letter's case are other names, even where
        // the two bytes differ only in the bit that sets a letter's case (^ and ~).
        [("Content-Lengthx", "2"), ("content-length", "4"), ("X-Thing^", "5"), ("X-Thing~", "6")],
        [("Authorizatio", "a"), ("X-Thing", "ünï"), ("x-thing", "c")],
    ]
    for fields in cases {
        let headers = HTTPHeaders(fields)
        let converted = try HTTPRequest(
            HTTPRequestHead(version: .http1_1, method: .POST, uri: "/", headers: headers), secure: false, splitCookie: false)
        for wanted in ["Authorization", "Content-Type", "Connection", "Content-Length", "X-Thing", "X-Thing^", "x-thing~"] {
            #expect(headers.value(of: wanted) == converted.headerFields[HTTPField.Name(wanted)!], "\(fields) \(wanted)")
        }
    }
}
