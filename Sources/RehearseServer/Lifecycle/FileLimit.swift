import Foundation

/// The process's limit on open files, which caps connections plus open transcripts.
enum FileLimit {
    /// Raises the soft limit to the hard one (at most 1,048,576) where allowed, and returns the
    /// limit in force: the common default of 1,024 is far below what a daemon with hundreds of
    /// sessions and connections needs.
    static func raise() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        let wanted = min(limit.rlim_max, 1_048_576)
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }
}
