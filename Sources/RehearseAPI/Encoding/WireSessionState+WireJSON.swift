import RehearseCore

extension WireSessionState: WireJSON {
    public func write(to json: inout JSONBytes) { write(to: &json, closing: nil) }

    /// Writes the state with the bytes at `written` as its closing message: the same message,
    /// already written once in this reply.
    func write(to json: inout JSONBytes, closing written: Range<Int>?) {
        json.open()
        json.string("id", id)
        json.string("scenario", scenario)
        json.string("interviewer", interviewer)
        json.string("status", status.rawValue)
        json.object("question", question)
        json.int("total", total)
        json.int("seconds_left", secondsLeft)
        json.string("started_at", startedAt)
        json.string("last_activity", lastActivity)
        json.string("end_reason", endReason?.rawValue)
        json.string("transcript", transcript)
        if let written {
            json.key("closing")
            json.repeatBytes(written)
        } else {
            json.object("closing", closing)
        }
        json.close()
    }
}

extension WireQuestion: WireJSON {
    public func write(to json: inout JSONBytes) {
        json.open()
        json.string("id", id)
        json.int("number", number)
        json.int("total", total)
        json.string("topic", topic)
        json.string("difficulty", difficulty.rawValue)
        json.string("prompt", prompt)
        json.int("time_limit", timeLimit)
        json.close()
    }
}
