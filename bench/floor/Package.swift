// swift-tools-version: 6.1
// The daemon's floor for bench/floor.sh: Hummingbird with the daemon's routes, reply sizes,
// event loops and group commit, and nothing else (no interview, no transcripts). What it
// costs per answer is what the daemon cannot go below on this machine.
import PackageDescription

let package = Package(
    name: "HummingbirdFloor",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        .target(name: "FloorSupport"),
        .executableTarget(
            name: "hummingbird-floor",
            dependencies: ["FloorSupport", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOPosix", package: "swift-nio")],
            // The daemon's allocator, so the floor differs from it by the interview alone.
            linkerSettings: [.linkedLibrary("jemalloc")]
        ),
        // The same without Hummingbird: a plain NIO HTTP/1 pipeline answering on the event loop.
        .executableTarget(
            name: "nio-floor",
            dependencies: [
                "FloorSupport", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            linkerSettings: [.linkedLibrary("jemalloc")]
        ),
    ]
)
