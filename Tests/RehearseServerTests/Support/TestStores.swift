import Foundation
import Logging
import PostgresNIO
import RehearseCore
import RehearseStore
import RehearseTestSupport
import Testing

@testable import RehearseServer

/// The two session stores, for tests that must hold for both.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case files, postgres

    var testDescription: String { rawValue }
}

/// Stores over fresh folders and fresh databases, removed or left to the cluster afterwards.
enum TestStores {
    /// Settings over the built-in scenarios and `folder`.
    static func settings(
        folder: String = NSTemporaryDirectory() + "rehearse-store-\(UUID().uuidString)", idleTimeout: Double = 1800
    )
        -> HubSettings
    {
        var settings = HubSettings(catalog: TestDaemon.catalog, transcriptsFolder: folder, maxSessions: 100, idleTimeout: idleTimeout)
        settings.storeTimeout = 3
        return settings
    }

    /// A fresh database's URL on the test cluster; `nil` when PostgreSQL is not installed.
    static func database() throws -> String? { try TestPostgres.database() }

    /// The address of `url`.
    static func address(_ url: String) throws -> PostgresAddress {
        guard case .postgres(let address) = try StoreLocation.parse(url, environment: [:]) else { throw StoreError.badLocation(url) }
        return address
    }

    /// Runs `body` with a migrated client on `url`, its pool running for as long as `body` does.
    static func withClient<T: Sendable>(_ url: String, _ body: @escaping @Sendable (PostgresClient) async throws -> T) async throws -> T {
        try await PostgresDatabase.with(try address(url), logger: .quiet, checkSchema: false) { client in
            try await Migrator.migrate(client, logger: .quiet)
            return try await body(client)
        }
    }

    /// Runs `body` on a store of `kind`; `nil` when PostgreSQL is asked for and missing.
    static func with<T: Sendable>(
        _ kind: StoreKind, settings: HubSettings = settings(), clock: any SessionClock = SystemClock(),
        _ body: @escaping @Sendable (any SessionStore) async throws -> T
    ) async throws -> T? {
        defer { try? FileManager.default.removeItem(atPath: settings.transcriptsFolder) }
        switch kind {
        case .files:
            return try await body(SessionHub(settings: settings, clock: clock))
        case .postgres:
            guard let url = try database() else { return nil }
            return try await withClient(url) { client in
                try await body(PostgresSessionStore(client: client, settings: settings, logger: .quiet, clock: clock))
            }
        }
    }
}
