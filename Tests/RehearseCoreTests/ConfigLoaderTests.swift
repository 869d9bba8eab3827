import Foundation
import Testing

@testable import RehearseCore

@Suite struct ConfigLoaderTests {
    let home = "/home/ada"
    let shipped = ScenarioFile(path: "config/rehearse.yaml", text: "practice:\n  count: 6\nbands:\n  strong: 75\n")

    func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-config-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func builtInDefaultsFollowXDG() throws {
        let config = try ConfigLoader(environment: ["HOME": home], shipped: nil).load()
        #expect(config.questionCount == 5)
        #expect(config.transcriptsFolder == "/home/ada/.local/share/rehearse/transcripts")
        #expect(config.entry("practice.count")?.source == .builtin)
        #expect(config.userFile.path == "/home/ada/.config/rehearse/config.yaml")
        #expect(!config.userFile.exists)
        #expect(config.scenarioSource == .builtin)

        let xdg = try ConfigLoader(environment: ["HOME": home, "XDG_DATA_HOME": "/data"], shipped: nil).load()
        #expect(xdg.transcriptsFolder == "/data/rehearse/transcripts")
    }

    @Test func eachLayerOverridesTheOneBelow() throws {
        let user = try temporaryFile("practice:\n  count: 7\n  scenario: flask-fundamentals\noutput:\n  color: never\n")
        defer { try? FileManager.default.removeItem(atPath: user) }
        let loader = ConfigLoader(
            environment: ["HOME": home, "REHEARSE_CONFIG": user, "REHEARSE_PRACTICE_COUNT": "8", "REHEARSE_OUTPUT_COLOR": "always"],
            shipped: shipped,
            flags: ["output.color": ("never", "--no-color")])
        let config = try loader.load()
        #expect(config.entry("bands.partial")?.source == .builtin)
        #expect(config.strongThreshold == 75)
        #expect(config.entry("bands.strong")?.source == .shipped("config/rehearse.yaml"))
        #expect(config.defaultScenario == "flask-fundamentals")
        #expect(config.entry("practice.scenario")?.source == .userFile(user))
        #expect(config.questionCount == 8)
        #expect(config.entry("practice.count")?.source == .environment("REHEARSE_PRACTICE_COUNT"))
        #expect(config.color == .never)
        #expect(config.entry("output.color")?.source == .flag("--no-color"))
    }

    @Test func scenariosFolderFromTheEnvironment() throws {
        let config = try ConfigLoader(environment: ["HOME": home, "REHEARSE_SCENARIOS": "~/my-scenarios"], shipped: nil).load()
        #expect(config.scenarioSource == .paths(["/home/ada/my-scenarios"]))
    }

    @Test func relativePathInAFileIsRelativeToTheFile() throws {
        let user = try temporaryFile("transcripts:\n  folder: sessions\n")
        defer { try? FileManager.default.removeItem(atPath: user) }
        let config = try ConfigLoader(environment: ["HOME": home], shipped: nil, userFilePath: user).load()
        #expect(config.transcriptsFolder == (user as NSString).deletingLastPathComponent + "/sessions")
    }

    @Test func unknownKeyInTheUserFileSuggestsTheRightOne() throws {
        let user = try temporaryFile("bands:\n  strnog: 80\n")
        defer { try? FileManager.default.removeItem(atPath: user) }
        #expect(throws: CoreError.invalidConfig(["\(user):2:3: unknown setting \"bands.strnog\" (did you mean \"bands.strong\"?)"])) {
            try ConfigLoader(environment: ["HOME": home], shipped: nil, userFilePath: user).load()
        }
    }

    @Test func wrongValueInAFile() throws {
        let user = try temporaryFile("practice:\n  count: lots\n")
        defer { try? FileManager.default.removeItem(atPath: user) }
        #expect(throws: CoreError.invalidConfig(["\(user):2:10: \"practice.count\" must be a whole number from 1 to 100, got \"lots\""])) {
            try ConfigLoader(environment: ["HOME": home], shipped: nil, userFilePath: user).load()
        }
    }

    @Test func wrongValueInTheEnvironment() {
        #expect(throws: CoreError.invalidConfig(["REHEARSE_OUTPUT_COLOR=\"blue\": expected one of auto, always, never"])) {
            try ConfigLoader(environment: ["HOME": home, "REHEARSE_OUTPUT_COLOR": "blue"], shipped: nil).load()
        }
    }

    @Test func missingExplicitFile() {
        #expect(throws: CoreError.invalidConfig(["no such config file \"/nope.yaml\" (check the path given to --config or REHEARSE_CONFIG)"])) {
            try ConfigLoader(environment: ["HOME": home], shipped: nil, userFilePath: "/nope.yaml").load()
        }
    }

    @Test func bandsMustBeOrdered() {
        #expect(throws: CoreError.invalidConfig(["bands.partial (80) must be below bands.strong (70); set them in your config file"])) {
            try ConfigLoader(environment: ["HOME": home, "REHEARSE_BANDS_PARTIAL": "80"], shipped: nil).load()
        }
    }

    @Test func theShippedFileMatchesTheBuiltInDefaults() throws {
        // The shipped file documents the defaults; if it drifted, `rehearse config` would disagree with the docs.
        let builtin = try ConfigLoader(environment: ["HOME": home], shipped: nil).load()
        let shipped = try ConfigLoader(environment: ["HOME": home]).load()
        for (a, b) in zip(builtin.entries, shipped.entries) {
            #expect(a.value == b.value, "\(a.setting.key)")
        }
        #expect(shipped.entry("practice.scenario")?.source == .shipped("config/rehearse.yaml"))
    }
}
