import RehearseCore

extension WireMessage: WireJSON {
    public func write(to json: inout JSONBytes) {
        json.open()
        json.string("type", type.rawValue)
        json.string("text", text)
        json.string("interviewer", interviewer)
        json.object("question", question)
        json.object("report", report)
        json.double("score", score)
        json.string("band", band?.rawValue)
        json.double("hint_cap", hintCap)
        json.int("overtime_seconds", overtimeSeconds)
        json.string("question_id", questionID)
        json.int("number", number)
        json.int("total", total)
        json.double("cap", cap)
        json.string("answer", answer)
        json.string("code", code)
        json.object("closing", closing)
        json.close()
    }
}
