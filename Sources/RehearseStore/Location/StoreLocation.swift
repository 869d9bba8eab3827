import Foundation
import RehearseCore

/// Where daemon sessions live: a folder of transcript files (the default), or PostgreSQL.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// `files:DIR`: one JSON Lines file per session, as `practice` writes.
    case files(String)
    /// `postgres://…`: every session in one database, shared by several daemons.
    case postgres(PostgresAddress)

    /// Reads `--store`, `REHEARSE_STORE` or the `store` key. Parts a PostgreSQL URL leaves out
    /// come from `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE` and `PGSSLMODE`, as
    /// libpq takes them.
    public static func parse(_ text: String, environment: [String: String]) throws(StoreError) -> StoreLocation {
        if text.hasPrefix("files:") {
            let folder = String(text.dropFirst("files:".count))
            guard !folder.isEmpty else {
                throw .badLocation("store \"\(text)\" names no folder (write files:/path/to/transcripts)")
            }
            return .files(folder)
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            return .postgres(try PostgresAddress(url: text, environment: environment))
        }
        throw .badLocation(
            "store \"\(StoreURLText.hidingPassword(text))\" is neither files:DIR nor postgres://[user[:password]@][host][:port][/database] (see docs/deploy.md)"
        )
    }

    /// The address as it may be shown: a password is never printed.
    public var description: String {
        switch self {
        case .files(let folder): "files:\(folder)"
        case .postgres(let address): address.description
        }
    }
}
