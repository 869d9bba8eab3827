// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Rehearse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rehearse", targets: ["rehearse"]),
        .library(name: "RehearseCore", targets: ["RehearseCore"]),
        .library(name: "RehearseScoring", targets: ["RehearseScoring"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // System libraries: Debian's libreadline-dev and libstemmer-dev.
        // No pkgConfig for readline: tinfo.pc makes every build warn about prohibited flags.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),

        .target(name: "RehearseScoring", dependencies: ["CStemmer"]),
        .target(
            name: "RehearseResources",
            plugins: [.plugin(name: "EmbedScenarios")]
        ),
        .target(
            name: "RehearseCore",
            dependencies: [
                "RehearseScoring",
                "RehearseResources",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "RehearseTerminal", dependencies: ["CReadline", "RehearseCore", "RehearseScoring"]),
        .executableTarget(
            name: "rehearse",
            dependencies: [
                "RehearseCore",
                "RehearseScoring",
                "RehearseTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Build-time embedding of Scenarios/ so the installed binary needs no repo.
        .executableTarget(name: "EmbedScenariosTool", path: "Sources/EmbedScenariosTool"),
        .plugin(
            name: "EmbedScenarios",
            capability: .buildTool(),
            dependencies: ["EmbedScenariosTool"]
        ),

        .testTarget(name: "RehearseScoringTests", dependencies: ["RehearseScoring"]),
        .testTarget(name: "RehearseCoreTests", dependencies: ["RehearseCore", "RehearseResources"], exclude: ["Fixtures"]),
        .testTarget(name: "RehearseTerminalTests", dependencies: ["RehearseTerminal", "RehearseCore", "RehearseScoring"]),
        // Runs the real binary; depending on it makes `swift test` build it first.
        .testTarget(name: "EndToEndTests", dependencies: ["rehearse"]),
    ]
)
