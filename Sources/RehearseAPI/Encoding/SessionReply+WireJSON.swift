import RehearseCore

extension SessionReply: WireJSON {
    public func write(to json: inout JSONBytes) {
        json.open()
        json.objects("messages", messages)
        json.object("session", session)
        json.close()
    }
}

extension SessionCreated: WireJSON {
    public func write(to json: inout JSONBytes) {
        json.open()
        json.string("id", id)
        json.string("token", token)
        json.objects("messages", messages)
        json.object("session", session)
        json.close()
    }
}
