import Foundation

/// What both floors take from their command line and the machine.
public enum FloorCommand {
    /// The group commit in the folder the one argument names; prints the usage and exits 2
    /// without one.
    public static func flush(program: String) throws -> GroupFlush {
        guard CommandLine.arguments.count == 2 else {
            FileHandle.standardError.write(Data("usage: \(program) FOLDER\n".utf8))
            exit(2)
        }
        return try GroupFlush(path: CommandLine.arguments[1] + "/journal")
    }

    /// Event loops as `rehearse serve` runs them: half the cores, at least one.
    public static var eventLoops: Int { max(1, ProcessInfo.processInfo.activeProcessorCount / 2) }

    /// Says where the floor listens, as the daemon does; unbuffered, since the bench reads it
    /// from a file while the floor runs.
    public static func listening(port: Int?) {
        FileHandle.standardOutput.write(Data("listening on http://127.0.0.1:\(port ?? 0)\n".utf8))
    }
}
