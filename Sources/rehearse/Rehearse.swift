import ArgumentParser
import Foundation
import RehearseClient
import RehearseCore
import RehearseServer
import RehearseStore
import RehearseTerminal

@main
struct Rehearse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Offline mock interviews: questions, scored answers, feedback and transcripts.",
        discussion: """
            Scenarios and question banks are YAML files; the built-in set covers Django, Flask \
            and FastAPI. See docs/scenario-format.md to write your own.
            """,
        version: RehearseVersion.current,
        // `rehearse` alone starts an interview on the default scenario.
        subcommands: [
            PracticeCommand.self, HistoryCommand.self, ReplayCommand.self, SearchCommand.self, CompareCommand.self, StatsCommand.self,
            DueCommand.self, ServeCommand.self, StoreCommand.self, SamplesCommand.self, CalibrateCommand.self, ScenariosCommand.self,
            QuestionsCommand.self, ScoreCommand.self, EvalCommand.self,
            VerifyCommand.self, LintCommand.self, NewCommand.self, ImportCommand.self, ConfigCommand.self,
        ],
        defaultSubcommand: PracticeCommand.self
    )

    /// Prints our own errors as `rehearse: message` and exits 1; argument errors keep
    /// ArgumentParser's usage output.
    static func main() async {
        rejectMistypedCommand(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error where error is CoreError || error is ServerError || error is ClientError || error is StoreError {
            FileHandle.standardError.write(Data("rehearse: \(SafeText.clean("\(error)"))\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }

    /// `rehearse histroy` would otherwise reach the default command, `practice`, and print its
    /// usage: a first word that is no command but close to one is named with the command meant.
    private static func rejectMistypedCommand(_ arguments: [String]) {
        guard let first = arguments.first, !first.hasPrefix("-") else { return }
        let names = (configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"]).filter { !$0.isEmpty }
        guard !names.contains(first), let meant = Suggestion.closest(to: first, among: names) else { return }
        FileHandle.standardError.write(
            Data("rehearse: unknown command \"\(SafeText.clean(first))\" (did you mean \"\(meant)\"?); `rehearse --help` lists them\n".utf8))
        Foundation.exit(64)
    }
}
