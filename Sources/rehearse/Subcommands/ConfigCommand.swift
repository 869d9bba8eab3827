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

    @Flag(help: "Print a JSON array of {key, value, source, environment, summary}.")
    var json = false

    @OptionGroup var global: GlobalOptions

    struct Record: Encodable {
        let key: String
        let value: String?
        let source: String
        let environment: String
        let summary: String
    }

    func run() throws {
        let context = try CommandContext(global)
        let config = context.config
        if json {
            return try context.printJSON(config.entries.map {
                Record(key: $0.setting.key, value: $0.value?.description, source: $0.source.description,
                       environment: $0.setting.environmentName, summary: $0.setting.summary)
            })
        }
        var table = TextTable(headers: ["KEY", "VALUE", "SOURCE"])
        for entry in config.entries {
            table.append([entry.setting.key, entry.value?.description ?? "(unset)", entry.source.description])
        }
        print(table.render(style: context.style, width: context.width))
        let file = config.userFile
        print(context.style.dim("\nyour config file: \(file.path)\(file.exists ? "" : " (not present)")"))
    }
}
