import Foundation
import RehearseFuzzing

// libFuzzer's driver, called from our own main: a build plugin's tool in this package graph
// has a main of its own, so libFuzzer's main() cannot be the one linked everywhere.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The parser this process fuzzes, from `REHEARSE_FUZZ_TARGET`.
let name = ProcessInfo.processInfo.environment["REHEARSE_FUZZ_TARGET"] ?? ""
guard let chosen = FuzzTarget(rawValue: name) else {
    let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("rehearse-fuzz: set REHEARSE_FUZZ_TARGET to one of \(known)\n".utf8))
    exit(2)
}
/// One input, as libFuzzer's link also expects under this name.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let name = ProcessInfo.processInfo.environment["REHEARSE_FUZZ_TARGET"] ?? ""
    FuzzTarget(rawValue: name)?.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

nonisolated(unsafe) var argc = CommandLine.argc
nonisolated(unsafe) var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv, testOneInput))
