import ArgumentParser
import RehearseCore

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Use the scenarios and banks in this folder instead of the built-in ones (also $REHEARSE_SCENARIOS).", valueName: "dir"))
    var scenarios: String?
    @Flag(help: "With --scenarios, load the built-in scenarios and banks too (also with_builtin in the config).") var withBuiltin = false
    @Option(help: ArgumentHelp("Read this config file instead of $XDG_CONFIG_HOME/rehearse/config.yaml (also $REHEARSE_CONFIG).", valueName: "file"))
    var config: String?
    @Option(help: ArgumentHelp("When to colour output: auto, always or never.", valueName: "when"))
    var color: String?
    @Flag(help: "Never colour output (same as --color never; NO_COLOR also works).") var noColor = false

    /// The flag layer of the configuration.
    var configFlags: [String: (value: String, flag: String)] {
        var flags: [String: (value: String, flag: String)] = [:]
        if let scenarios { flags["scenarios"] = (scenarios, "--scenarios") }
        if withBuiltin { flags["with_builtin"] = ("true", "--with-builtin") }
        if let color { flags["output.color"] = (color, "--color") }
        if noColor { flags["output.color"] = ("never", "--no-color") }
        return flags
    }
}
