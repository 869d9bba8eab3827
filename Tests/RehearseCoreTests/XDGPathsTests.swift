import Foundation
import Testing

@testable import RehearseCore

@Suite struct XDGPathsTests {
    /// The current user's home folder, read straight from the user database so the expectation
    /// does not come from the code under test.
    func passwdHome() throws -> String {
        let entry = try #require(getpwuid(getuid()), "the current user has no passwd entry")
        return String(cString: try #require(entry.pointee.pw_dir))
    }

    @Test(arguments: [[:], ["HOME": ""]])
    func withoutHomeThePathsAreUnderThePasswdHome(environment: [String: String]) throws {
        let home = try passwdHome()
        let paths = XDGPaths(environment: environment)
        #expect(paths.home == home)
        #expect(paths.configHome == home + "/.config")
        #expect(paths.dataHome == home + "/.local/share")
        #expect(paths.stateHome == home + "/.local/state")
        #expect(paths.expand("~/notes") == home + "/notes")
    }

    // Run as root, the passwd home is /root, the old hard-coded fallback; a stand-in user
    // database tells the two apart.
    @Test func theUserDatabaseAnswersNotAFixedFolder() {
        let paths = XDGPaths(environment: ["XDG_DATA_HOME": "/data"], userHome: { "/home/ada" })
        #expect(paths.home == "/home/ada")
        #expect(paths.configHome == "/home/ada/.config")
        #expect(paths.stateHome == "/home/ada/.local/state")
        #expect(paths.dataHome == "/data")
    }

    @Test func homeWinsOverTheUserDatabase() {
        let paths = XDGPaths(
            environment: ["HOME": "/home/bob"],
            userHome: {
                Issue.record("the user database was read although HOME is set")
                return "/home/ada"
            })
        #expect(paths.configHome == "/home/bob/.config")
    }

    @Test func aUserWithNoEntryGetsTheTemporaryFolder() {
        let paths = XDGPaths(environment: [:], userHome: { nil })
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory()).standardizedFileURL.path
        #expect(URL(fileURLWithPath: paths.home).standardizedFileURL.path == temporary)
        #expect(paths.configHome == paths.home + "/.config")
        #expect(!paths.configHome.contains("//"))
    }
}
