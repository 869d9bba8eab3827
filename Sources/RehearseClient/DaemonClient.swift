import Foundation
import RehearseAPI
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Blocking calls to a `rehearse serve` daemon, for the readline REPL (which waits for each
/// reply before it prompts again anyway).
public final class DaemonClient: Sendable {
    /// The daemon's base URL.
    public let base: URL
    private let session: URLSession

    /// A client for the daemon at `url`, e.g. `http://127.0.0.1:7878`.
    public init(url: String) throws {
        guard let base = URL(string: url.hasSuffix("/") ? String(url.dropLast()) : url),
            let scheme = base.scheme?.lowercased(), scheme == "http" || scheme == "https", base.host != nil
        else {
            throw ClientError.badURL(url)
        }
        self.base = base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        session = URLSession(configuration: configuration)
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
        var request = URLRequest(url: base.appendingPathComponent(String(path.drop { $0 == "/" })))
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONEncoder().encode(body)
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            outcome.set(data, response as? HTTPURLResponse, error)
            done.signal()
        }.resume()
        done.wait()
        let (data, response, error) = outcome.get()
        guard let response else {
            throw ClientError.unreachable(url: base.absoluteString, reason: error.map { $0.localizedDescription.lowercased() } ?? "no reply")
        }
        let bytes = data ?? Data()
        guard (200..<300).contains(response.statusCode) else {
            let body = try? JSONDecoder().decode(ErrorBody.self, from: bytes)
            let message = body?.error ?? HTTPURLResponse.localizedString(forStatusCode: response.statusCode)
            throw ClientError.refused(status: response.statusCode, code: body?.code, message: message)
        }
        return bytes
    }

    /// Hands the reply from URLSession's queue to the waiting caller.
    private final class Outcome: Sendable {
        private let value = Mutex<(Data?, HTTPURLResponse?, (any Error)?)>((nil, nil, nil))
        func set(_ data: Data?, _ response: HTTPURLResponse?, _ error: (any Error)?) {
            value.withLock { $0 = (data, response, error) }
        }
        func get() -> (Data?, HTTPURLResponse?, (any Error)?) { value.withLock { $0 } }
    }
}
