/// The inputs that, fed to a new session with the same scenario and options, reproduce a
/// transcript's lines: how a daemon continues a session after a crash or restart.
public enum ResumeInputs {
    /// What the person typed, in order, as far as the transcript shows it. Commands that write
    /// nothing (`/help`, `/score`, ...) change nothing and are not needed.
    public static func from(_ records: [TranscriptRecord]) -> [String] {
        var inputs: [String] = []
        var awaitingFollowUp = false
        for record in records {
            switch record.type {
            case .answer:
                inputs.append(record.text ?? "")
                awaitingFollowUp = false
            case .hint: inputs.append("/hint")
            case .skip: inputs.append("/skip")
            case .followUp: awaitingFollowUp = true
            case .question:
                // A follow-up followed by the next question, with no answer between, was skipped.
                if awaitingFollowUp { inputs.append("/skip") }
                awaitingFollowUp = false
            case .sessionStart, .score, .sessionEnd: break
            }
        }
        return inputs
    }
}
