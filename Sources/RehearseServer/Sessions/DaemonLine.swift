import RehearseCore

/// What a daemon adds to each line it writes, in either store.
enum DaemonLine {
    /// What goes on `record`'s line over its own members: the session's id and token hash on
    /// its `session_start` line, and the input's id on every line the input causes (a follow-up's /skip writes only the next
    /// question), so a resend of any recorded input is recognised later.
    static func stamp(_ record: TranscriptRecord, sessionID: String, tokenHash: String, inputID: String?) -> TranscriptLine.Stamp {
        record.type == .sessionStart ? TranscriptLine.Stamp(sessionID: sessionID, tokenHash: tokenHash) : TranscriptLine.Stamp(inputID: inputID)
    }
}
