// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Rehearse",
    // macOS 15: the standard library's Mutex (Synchronization) guards shared state.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rehearse", targets: ["rehearse"]),
        .library(name: "RehearseCore", targets: ["RehearseCore"]),
        .library(name: "RehearseScoring", targets: ["RehearseScoring"]),
        // What the fuzzers in Fuzz/ (`make fuzz`) call; also runs their saved findings in tests.
        .library(name: "RehearseFuzzing", targets: ["RehearseFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The daemon. Hummingbird's default traits pull in swift-configuration, which we do not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // SHA-256 of session tokens, so transcripts never hold a usable token.
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        // The team store: sessions in PostgreSQL, shared by several daemons.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        // The daemon client: NIO-based, so the binary does not link FoundationNetworking, whose
        // libcurl and thirty shared libraries cost 7 ms at every start of every command.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // System libraries: Debian's libreadline-dev and libstemmer-dev.
        // No pkgConfig for readline: tinfo.pc makes every build warn about prohibited flags.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        // CRC-32C with the processor's instruction where it has one (the journal's checksum).
        .target(name: "CCRC32C"),
        // The JSON writer's test for text that needs no escape, sixteen bytes at a time.
        .target(name: "CJSONScan"),

        .target(name: "RehearseScoring", dependencies: ["CStemmer"]),
        .target(
            name: "RehearseResources",
            plugins: [.plugin(name: "EmbedScenarios")]
        ),
        .target(
            name: "RehearseCore",
            dependencies: [
                "CJSONScan",
                "RehearseScoring",
                "RehearseResources",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "RehearseTerminal", dependencies: ["CReadline", "RehearseCore", "RehearseScoring"]),
        // The HTTP contract: every request and response body, used by the daemon and its clients.
        .target(name: "RehearseAPI", dependencies: ["RehearseCore", "RehearseScoring"]),
        // `rehearse serve`: many sessions over HTTP on the same engine.
        .target(
            name: "RehearseServer",
            dependencies: [
                "CCRC32C",
                "RehearseAPI",
                "RehearseCore",
                "RehearseResources",
                "RehearseScoring",
                "RehearseStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        // Where daemon sessions live: the store's address, and PostgreSQL's schema and queries.
        .target(
            name: "RehearseStore",
            dependencies: [
                "RehearseCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `rehearse practice --server`: the REPL's session, held by a daemon.
        .target(
            name: "RehearseClient",
            dependencies: ["RehearseAPI", "RehearseCore", .product(name: "AsyncHTTPClient", package: "async-http-client")]),
        .target(name: "RehearseFuzzing", dependencies: ["RehearseAPI", "RehearseCore", "RehearseScoring"]),
        .executableTarget(
            name: "rehearse",
            dependencies: [
                "RehearseAPI",
                "RehearseCore",
                "RehearseScoring",
                "RehearseTerminal",
                "RehearseServer",
                "RehearseClient",
                "RehearseStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // jemalloc (Debian's libjemalloc) in place of glibc's malloc: 4% fewer instructions
            // per daemon answer and 10% less time for `score --batch`, whose work is mostly
            // small allocations (docs/deploy.md, "Ninth round"). Linked into the program (and
            // the test bundle, through EndToEndTests); the fuzz harness keeps AddressSanitizer's.
            linkerSettings: [.linkedLibrary("jemalloc")]
        ),

        // Build-time embedding of Scenarios/ so the installed binary needs no repo.
        .executableTarget(name: "EmbedScenariosTool", path: "Sources/EmbedScenariosTool"),
        .plugin(
            name: "EmbedScenarios",
            capability: .buildTool(),
            dependencies: ["EmbedScenariosTool"]
        ),

        // What several test targets share: a clock tests move by hand.
        .target(name: "RehearseTestSupport", dependencies: ["RehearseCore"], path: "Tests/RehearseTestSupport"),

        .testTarget(name: "RehearseScoringTests", dependencies: ["RehearseScoring"]),
        .testTarget(
            name: "RehearseCoreTests", dependencies: ["RehearseCore", "RehearseResources", "RehearseTestSupport", "RehearseFuzzing"],
            exclude: ["Fixtures"]),
        .testTarget(name: "RehearseTerminalTests", dependencies: ["RehearseTerminal", "RehearseCore", "RehearseScoring"]),
        // Runs the real binary; depending on it makes `swift test` build it first.
        .testTarget(
            name: "RehearseServerTests",
            dependencies: [
                "RehearseServer", "RehearseClient", "RehearseCore", "RehearseAPI", "RehearseResources", "RehearseTestSupport",
                "RehearseStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["rehearse", "RehearseTestSupport"]),
    ]
)
