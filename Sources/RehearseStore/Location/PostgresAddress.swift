import Foundation
import NIOSSL
import PostgresNIO
import RehearseCore

/// A PostgreSQL server and database, read from a `postgres://` URL the way libpq reads one:
/// what the URL leaves out comes from the `PG*` variables, then libpq's defaults (the local
/// socket folder, port 5432, the login name as user and database, `sslmode=prefer`).
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// A host name or address, or a folder holding the server's socket (starts with `/`).
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// libpq's `sslmode`: disable, allow, prefer, require, verify-ca or verify-full.
    public var sslMode: String
    /// `connect_timeout` in seconds, if the URL sets one.
    public var connectTimeout: Int?

    static let sslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]
    static let queryKeys = ["host", "port", "user", "password", "dbname", "sslmode", "connect_timeout", "application_name"]

    /// Reads `url`, filling gaps from `environment`.
    public init(url: String, environment: [String: String]) throws(StoreError) {
        guard let parts = URLComponents(string: url) else {
            throw .badLocation("store \"\(StoreURLText.hidingPassword(url))\" is not a URL (write postgres://user@host:5432/database)")
        }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] {
            guard Self.queryKeys.contains(item.name) else {
                throw .badLocation(
                    "store URL parameter \"\(item.name)\" is not one rehearse knows (use \(Self.queryKeys.joined(separator: ", ")))")
            }
            query[item.name] = item.value ?? ""
        }
        func given(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let urlHost = given(parts.percentEncodedHost?.removingPercentEncoding).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }
        host = given(query["host"]) ?? urlHost ?? given(environment["PGHOST"]) ?? "/var/run/postgresql"
        let portText = given(query["port"]) ?? parts.port.map(String.init) ?? given(environment["PGPORT"]) ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw .badLocation("store port \"\(portText)\" is not a port (use 1–65535, usually 5432)")
        }
        self.port = port
        user = given(query["user"]) ?? given(parts.user) ?? given(environment["PGUSER"]) ?? Self.loginName()
        password = given(query["password"]) ?? given(parts.password) ?? given(environment["PGPASSWORD"])
        let path = parts.percentEncodedPath.hasPrefix("/") ? String(parts.percentEncodedPath.dropFirst()) : parts.percentEncodedPath
        database = given(query["dbname"]) ?? given(path.removingPercentEncoding) ?? given(environment["PGDATABASE"]) ?? user
        sslMode = given(query["sslmode"]) ?? given(environment["PGSSLMODE"]) ?? "prefer"
        guard Self.sslModes.contains(sslMode) else {
            throw .badLocation("sslmode \"\(sslMode)\" is not one PostgreSQL knows (use \(Self.sslModes.joined(separator: ", ")))")
        }
        if let text = given(query["connect_timeout"]) {
            guard let seconds = Int(text), seconds >= 0 else {
                throw .badLocation("connect_timeout \"\(text)\" is not a number of seconds")
            }
            // libpq reads 0 as "wait as long as it takes"; a day stands for that here.
            connectTimeout = seconds == 0 ? 86_400 : seconds
        }
    }

    /// The client settings for this address. `synchronous_commit` is asked for on every
    /// connection: a reply goes out after COMMIT, and COMMIT must mean the WAL is on disk.
    public func clientConfiguration(poolSize: Int) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if host.hasPrefix("/") {
            configuration = .init(unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.additionalStartupParameters = [("synchronous_commit", "on"), ("application_name", "rehearse")]
        configuration.options.maximumConnections = max(1, poolSize)
        configuration.options.connectTimeout = .seconds(connectTimeout ?? 10)
        return configuration
    }

    private var tls: PostgresClient.Configuration.TLS {
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        var caOnly = TLSConfiguration.makeClientConfiguration()
        caOnly.certificateVerification = .noHostnameVerification
        switch sslMode {
        case "disable": return .disable
        case "require": return .require(unverified)
        case "verify-ca": return .require(caOnly)
        case "verify-full": return .require(.makeClientConfiguration())
        default: return .prefer(unverified)  // allow and prefer: TLS when offered, unverified, as libpq does
        }
    }

    /// The address as it may be logged: never the password.
    public var description: String {
        let place = host.hasPrefix("/") ? "?host=\(host)&port=\(port)" : "\(host.contains(":") ? "[\(host)]" : host):\(port)"
        return host.hasPrefix("/") ? "postgres://\(user)@/\(database)\(place)" : "postgres://\(user)@\(place)/\(database)"
    }

    private static func loginName() -> String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "postgres" }
        return String(cString: name)
    }
}
