import RehearseCore

/// What a daemon adds to each line it writes, in either store.
enum DaemonLine {
    /// `record` with the session's id and token hash on its `session_start` line, and the
    /// input's id on every line the input causes (a follow-up's /skip writes only the next
    /// question), so a resend of any recorded input is recognised later.
    static func stamp(_ record: TranscriptRecord, sessionID: String, tokenHash: String, inputID: String?) -> TranscriptRecord {
        var line = record
        if inputID != nil, line.type != .sessionStart { line.inputID = inputID }
        if line.type == .sessionStart {
            line.sessionID = sessionID
            line.tokenHash = tokenHash
        }
        return line
    }
}
