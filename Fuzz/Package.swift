// swift-tools-version: 6.1
// libFuzzer harnesses for Rehearse's parsers of outside input. Built and run by `make fuzz`
// (swift build --sanitize fuzzer in this folder); REHEARSE_FUZZ_TARGET picks the parser.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "RehearseFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "rehearse-fuzz",
            dependencies: [.product(name: "RehearseFuzzing", package: root)],
            // libFuzzer, linked into this binary alone (its main calls libFuzzer's driver):
            // `--sanitize fuzzer` would link libFuzzer's main into the build plugin's tool too.
            // run.sh instruments every target for coverage with -sanitize-coverage instead.
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer", "-use-ld=lld"])]
        )
    ]
)
