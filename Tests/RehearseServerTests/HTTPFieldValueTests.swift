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
    ]
    for fields in cases {
        let headers = HTTPHeaders(fields)
        let converted = try HTTPRequest(
            HTTPRequestHead(version: .http1_1, method: .POST, uri: "/", headers: headers), secure: false, splitCookie: false)
        for wanted in ["Authorization", "Content-Type", "Connection", "Content-Length", "X-Thing"] {
            #expect(headers.value(of: wanted) == converted.headerFields[HTTPField.Name(wanted)!], "\(fields) \(wanted)")
        }
    }
}
