import ArgumentParser
import Foundation
import RehearseCore
import RehearseTerminal

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Your progress per topic and difficulty, weakest concepts, and practice streak.",
        discussion: "Each chart has one mark per session, oldest on the left. --ascii draws them without Unicode (the default where the locale is not UTF-8)."
    )

    @OptionGroup var transcripts: TranscriptOptions

    @Flag(help: "Draw charts with ASCII characters only.")
    var ascii = false

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    struct Record: Encodable {
        struct Series: Encodable {
            let name: String
            let scores: [Double]
            let asked: Int
        }
        struct Weak: Encodable {
            let concept: String
            let missed: Int
            let seen: Int
        }
        let sessions: Int
        let topics: [Series]
        let difficulties: [Series]
        let weakest: [Weak]
        let streak: Int
        let longestStreak: Int

        enum CodingKeys: String, CodingKey {
            case sessions, topics, difficulties, weakest, streak
            case longestStreak = "longest_streak"
        }
    }

    func run() throws {
        let context = try transcripts.context(global)
        let sessions = context.sessions()
        let progress = PracticeProgress(sessions: sessions)
        let round = { (value: Double) in (value * 10).rounded() / 10 }
        if json {
            let series = { (list: [PracticeProgress.Series]) in list.map { Record.Series(name: $0.name, scores: $0.scores.map(round), asked: $0.asked) } }
            return try context.printJSON(Record(
                sessions: progress.sessions, topics: series(progress.topics), difficulties: series(progress.difficulties),
                weakest: progress.weakest.prefix(10).map { Record.Weak(concept: $0.concept, missed: $0.missed, seen: $0.seen) },
                streak: progress.streak, longestStreak: progress.longestStreak))
        }
        guard progress.sessions > 0 else {
            print("No sessions yet in \(context.config.transcriptsFolder). Start one with: rehearse practice")
            return
        }
        let plain = ascii || !Self.localeIsUTF8(context.environment)
        let style = context.style
        print(style.bold("\(progress.sessions) session\(progress.sessions == 1 ? "" : "s")") + " · streak \(progress.streak) day\(progress.streak == 1 ? "" : "s") (longest \(progress.longestStreak))")
        for (title, series) in [("By topic", progress.topics), ("By difficulty", progress.difficulties)] {
            print("\n" + style.bold(title))
            var table = TextTable(headers: ["", "LATEST", "ASKED", "TREND"])
            for item in series {
                table.append([SafeText.clean(TopicNames.display(item.name)), DisplayFormat.score(round(item.latest)), String(item.asked),
                              Sparkline.render(Array(item.scores.suffix(40)), ascii: plain)])
            }
            print(table.render(style: style))
        }
        if !progress.weakest.isEmpty {
            print("\n" + style.bold("Weakest concepts"))
            var table = TextTable(headers: ["CONCEPT", "MISSED", "BAR"])
            for weak in progress.weakest.prefix(5) {
                let bar = plain ? String(repeating: "#", count: Int(weak.rate * 10 + 0.5)) : ScoreReportView.bar(weak.rate * 100)
                table.append([SafeText.clean(weak.concept), "\(weak.missed) of \(weak.seen)", bar])
            }
            print(table.render(style: style))
        }
    }

    /// Unicode charts only where the locale says UTF-8.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return locale.lowercased().contains("utf-8") || locale.lowercased().contains("utf8")
    }
}
