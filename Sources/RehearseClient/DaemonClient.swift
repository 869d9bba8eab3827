import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RehearseAPI

/// Blocking calls to a `rehearse serve` daemon, for the readline REPL (which waits for each
/// reply before it prompts again anyway). Through AsyncHTTPClient's shared client rather than
/// URLSession: FoundationNetworking would bring libcurl and its libraries into every start.
public final class DaemonClient: Sendable {
    /// The daemon's base URL.
    public let base: URL
    /// How long one call may take, connecting included.
    private static let timeout = TimeAmount.seconds(30)
    /// The largest reply read: far above any reply of the API.
    private static let maxReply = 16 << 20

    /// A client for the daemon at `url`, e.g. `http://127.0.0.1:7878`.
    public init(url: String) throws {
        guard let base = URL(string: url.hasSuffix("/") ? String(url.dropLast()) : url),
            let scheme = base.scheme?.lowercased(), scheme == "http" || scheme == "https", base.host != nil
        else {
            throw ClientError.badURL(url)
        }
        self.base = base
    }

    /// Sends a request and decodes a 2xx reply as `T`; any other status becomes the daemon's error.
    public func call<T: Decodable>(_ method: String, _ path: String, body: (any Encodable)? = nil, token: String? = nil, as type: T.Type) throws -> T
    {
        let data = try raw(method, path, body: body, token: token)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw ClientError.badReply("\(error)")
        }
    }

    /// Sends a request and returns the body of a 2xx reply.
    public func raw(_ method: String, _ path: String, body: (any Encodable)? = nil, token: String? = nil) throws -> Data {
        let url = base.appendingPathComponent(String(path.drop { $0 == "/" }))
        var headers = HTTPHeaders()
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        var payload: HTTPClient.Body?
        if let body {
            headers.add(name: "Content-Type", value: "application/json")
            payload = .bytes(try JSONEncoder().encode(body))
        }
        let response: HTTPClient.Response
        do {
            let request = try HTTPClient.Request(url: url, method: HTTPMethod(rawValue: method), headers: headers, body: payload)
            response = try HTTPClient.shared.execute(request: request, deadline: .now() + Self.timeout).wait()
        } catch {
            throw ClientError.unreachable(url: base.absoluteString, reason: Self.reason(error))
        }
        let bytes = response.body.map { Data($0.readableBytesView.prefix(Self.maxReply)) } ?? Data()
        guard (200..<300).contains(response.status.code) else {
            let body = try? JSONDecoder().decode(ErrorBody.self, from: bytes)
            throw ClientError.refused(status: Int(response.status.code), code: body?.code, message: body?.error ?? response.status.reasonPhrase)
        }
        return bytes
    }

    /// Why a call got no reply, in a few words: the system's reason when there is one.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "no reply within \(timeout.nanoseconds / 1_000_000_000) s"
            case .remoteConnectionClosed: return "the connection was closed"
            default: break
            }
        }
        return "\(error)".lowercased()
    }
}
