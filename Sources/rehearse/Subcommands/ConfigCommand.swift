import ArgumentParser
import RehearseCore
import RehearseTerminal

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration and where each value came from.",
        discussion: """
            Layers, lowest first: built-in defaults < the shipped config/rehearse.yaml < your file \
            ($XDG_CONFIG_HOME/rehearse/config.yaml, or --config / $REHEARSE_CONFIG) < environment \
            variables < flags. Every key can be set from the environment as REHEARSE_ and the key \
            in capitals with dots as underscores: bands.strong is REHEARSE_BANDS_STRONG.
            """
    )

    @Flag(help: "Print a JSON array of {key, value, source, environment, summary}.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let report = ConfigReport(context.config)
        if json { return try context.printJSON(report) }
        print(ConfigView(report, style: context.style, width: context.width).render())
    }
}
