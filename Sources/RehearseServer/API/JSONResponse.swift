import Foundation
import Hummingbird
import RehearseAPI

/// Responses with JSON bodies, encoded the same way everywhere.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        // Unsorted: sorting every object's keys cost several per cent of the daemon's time.
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// An error body with its keys always in one order, so a wrong token's 404 is byte-identical
    /// to an unknown session's. Written out rather than left to a shared encoder's `sortedKeys`,
    /// which under load was seen to put the keys in either order.
    static func errorData(_ body: ErrorBody) -> Data {
        let code = body.code.map { (try? encoder.encode($0.rawValue)) ?? Data("\"internal\"".utf8) }
        let message = (try? encoder.encode(body.error)) ?? Data("\"error\"".utf8)
        var data = Data("{".utf8)
        if let code { data += Data("\"code\":".utf8) + code + Data(",".utf8) }
        return data + Data("\"error\":".utf8) + message + Data("}".utf8)
    }

    /// `body` as an error reply with `status`.
    static func error(_ status: HTTPResponse.Status, _ body: ErrorBody, headers: HTTPFields = [:]) -> Response {
        self.body(status, errorData(body), contentType: "application/json; charset=utf-8", headers: headers)
    }

    /// `value` as JSON with `status`.
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable, headers: HTTPFields = [:], encoder: JSONEncoder = encoder) -> Response {
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"the response could not be encoded"}"#.utf8)
        return body(status, data, contentType: "application/json; charset=utf-8", headers: headers)
    }

    /// `value` written by hand (see ``WireJSON``): session replies, the hot path.
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable & WireJSON, headers: HTTPFields = [:]) -> Response {
        Response(status: status, headers: jsonFields(headers), body: ResponseBody(byteBuffer: value.jsonBuffer(ByteBufferAllocator())))
    }

    /// The error body for `error`, with `Retry-After` when the daemon is full.
    static func error(_ error: ServerError) -> Response {
        self.error(error.status, error.body, headers: headers(for: error))
    }

    /// The headers an error reply carries besides its body's: when to try again, how to
    /// authenticate, which methods a path takes.
    static func headers(for error: ServerError) -> HTTPFields {
        var headers: HTTPFields = [:]
        switch error {
        case .full(_, let retry), .unavailable(_, let retry): headers[.retryAfter] = String(retry)
        case .stale: headers[.retryAfter] = "1"
        case .reviewUnauthorized: headers[.wwwAuthenticate] = #"Bearer realm="rehearse review""#
        default: break
        }
        if case .methodNotAllowed(_, _, let allowed) = error { headers[.allow] = allowed.joined(separator: ", ") }
        return headers
    }

    /// `{"key": value, ...}` from values already encoded, in the order given: a reply whose
    /// parts were encoded for the store is not encoded again.
    static func object(_ members: KeyValuePairs<String, Data>) -> Data {
        var data = Data("{".utf8)
        for (index, member) in members.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            data.append(contentsOf: "\"\(member.key)\":".utf8)
            data.append(member.value)
        }
        data.append(UInt8(ascii: "}"))
        return data
    }

    /// `headers` with what every JSON reply carries.
    static func jsonFields(_ headers: HTTPFields) -> HTTPFields {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return fields
    }

    /// A body of raw bytes.
    static func body(_ status: HTTPResponse.Status, _ data: Data, contentType: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
