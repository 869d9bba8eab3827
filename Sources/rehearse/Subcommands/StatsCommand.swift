import ArgumentParser
import RehearseCore
import RehearseTerminal

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Your progress per topic and difficulty, weakest concepts, and practice streak.",
        discussion:
            "Each chart has one mark per session, oldest on the left. --ascii draws them without Unicode (the default where the locale is not UTF-8)."
    )

    @OptionGroup var transcripts: TranscriptOptions
    @Flag(help: "Draw charts with ASCII characters only.") var ascii = false
    @Flag(help: "Print the figures as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try transcripts.context(global)
        let report = try StatsReport(summaries: await context.summaries(), folder: context.sessionsPlace)
        if json { return try context.printJSON(report) }
        let plain = ascii || !StatsView.localeIsUTF8(context.environment)
        print(StatsView(report, style: context.style, ascii: plain).render())
    }
}
