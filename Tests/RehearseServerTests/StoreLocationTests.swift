import RehearseStore
import Testing

/// `--store` read as libpq reads a connection URL.
@Suite("Store addresses")
struct StoreLocationTests {
    func address(_ url: String, _ environment: [String: String] = [:]) throws -> PostgresAddress {
        guard case .postgres(let address) = try StoreLocation.parse(url, environment: environment) else {
            throw StoreError.badLocation("not postgres: \(url)")
        }
        return address
    }

    @Test("every part of a full URL is read, the password percent-decoded and never shown")
    func fullURL() throws {
        let found = try address("postgresql://ann:p%40ss@db.example:6543/team?sslmode=require&connect_timeout=3")
        #expect(found.host == "db.example" && found.port == 6543 && found.user == "ann" && found.database == "team")
        #expect(found.password == "p@ss" && found.sslMode == "require" && found.connectTimeout == 3)
        #expect(found.description == "postgres://ann@db.example:6543/team")
    }

    @Test("what the URL leaves out comes from the PG variables, then libpq's defaults")
    func environmentFallbacks() throws {
        let environment = ["PGHOST": "10.0.0.5", "PGPORT": "5433", "PGUSER": "svc", "PGPASSWORD": "pw", "PGDATABASE": "prod"]
        let filled = try address("postgres://", environment)
        #expect(filled.host == "10.0.0.5" && filled.port == 5433 && filled.user == "svc" && filled.password == "pw")
        #expect(filled.database == "prod")
        let defaults = try address("postgres:///interviews", ["PGUSER": "bob"])
        #expect(defaults.host == "/var/run/postgresql" && defaults.port == 5432 && defaults.database == "interviews")
        #expect(defaults.sslMode == "prefer" && defaults.password == nil)
        let userAsDatabase = try address("postgres://carol@localhost")
        #expect(userAsDatabase.database == "carol")
    }

    @Test("a socket folder can be given as host, in the query as libpq allows")
    func socketFolder() throws {
        let found = try address("postgres://postgres@/t1?host=/tmp/pg%20dir&port=20001")
        #expect(found.host == "/tmp/pg dir" && found.port == 20001 && found.database == "t1")
        #expect(found.description == "postgres://postgres@/t1?host=/tmp/pg dir&port=20001")
    }

    @Test("files:DIR names a folder")
    func files() throws {
        #expect(try StoreLocation.parse("files:/srv/transcripts", environment: [:]) == .files("/srv/transcripts"))
    }

    @Test(
        "bad addresses are errors that quote them and say what is expected",
        arguments: [
            ("mysql://x", "neither files:DIR nor postgres://"),
            ("files:", "names no folder"),
            ("postgres://h:99999/db", "is not a port"),
            ("postgres://h/db?sslmode=maybe", "sslmode \"maybe\""),
            ("postgres://h/db?colour=red", "parameter \"colour\""),
        ])
    func badAddresses(url: String, message: String) {
        #expect {
            _ = try StoreLocation.parse(url, environment: [:])
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
