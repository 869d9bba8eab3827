import Foundation

/// The XDG base directories, read from an injected environment so tests stay hermetic.
public struct XDGPaths: Sendable {
    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    public let configHome: String
    /// `$XDG_DATA_HOME`, else `~/.local/share`.
    public let dataHome: String
    /// `$XDG_STATE_HOME`, else `~/.local/state`.
    public let stateHome: String
    /// `$XDG_CACHE_HOME`, else `~/.cache`.
    public let cacheHome: String
    /// `$HOME`, for expanding `~`; without it, the home folder the user database gives.
    public let home: String

    /// Reads the variables from `environment`; relative values are ignored, as the spec says.
    /// When `HOME` is unset or empty, the home folder comes from the user database.
    public init(environment: [String: String]) {
        self.init(environment: environment, userHome: Self.userDatabaseHome)
    }

    /// `userHome` stands in for the user database, so tests can tell its answer from a fallback.
    init(environment: [String: String], userHome: () -> String?) {
        // cron, systemd units and `env -i` start programs without HOME; the user database still
        // knows the user's own folder. Only a uid with no entry (a container run as an arbitrary
        // user) falls back to the temporary folder: writable, and nobody else's home.
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? userHome() ?? Self.temporaryFolder()
        func base(_ name: String, _ fallback: String) -> String {
            guard let value = environment[name], value.hasPrefix("/") else { return home + "/" + fallback }
            return value
        }
        self.home = home
        configHome = base("XDG_CONFIG_HOME", ".config")
        dataHome = base("XDG_DATA_HOME", ".local/share")
        stateHome = base("XDG_STATE_HOME", ".local/state")
        cacheHome = base("XDG_CACHE_HOME", ".cache")
    }

    /// `path` with a leading `~/` replaced by the home folder.
    public func expand(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }

    /// The current user's home folder from the user database (`/etc/passwd` or NSS), or `nil`
    /// if the user has no entry. `getpwuid_r`, not `getpwuid`: a daemon and parallel tests read
    /// paths on several threads, and `getpwuid` shares one static result.
    static func userDatabaseHome() -> String? {
        let suggested = sysconf(Int32(_SC_GETPW_R_SIZE_MAX))
        var size = suggested > 0 ? suggested : 4096
        // ERANGE means the entry did not fit: retry with a larger buffer, within reason.
        while size <= 1 << 20 {
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
            defer { buffer.deallocate() }
            var entry = passwd()
            var found: UnsafeMutablePointer<passwd>?
            let status = getpwuid_r(getuid(), &entry, buffer, size, &found)
            if status == ERANGE {
                size *= 2
                continue
            }
            guard status == 0, found != nil, let directory = entry.pw_dir else { return nil }
            let home = String(cString: directory)
            return home.isEmpty ? nil : home
        }
        return nil
    }

    /// The temporary folder without its trailing slash, so joined paths keep single slashes.
    private static func temporaryFolder() -> String {
        var folder = NSTemporaryDirectory()
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "/" : folder
    }
}
