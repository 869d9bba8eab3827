import RehearseCore

extension SessionReply: WireJSON {
    public func write(to json: inout JSONBytes) {
        json.open()
        json.key("messages")
        // The reply that ends a session carries its closing message twice (in the messages, and
        // in the session for a client that missed it): the report, the largest part of any
        // reply, is written once and its bytes copied.
        var closing: (message: WireMessage, bytes: Range<Int>)?
        json.array(messages) { json, message in
            let start = json.count
            message.write(to: &json)
            if message.type == .closing { closing = (message, start..<json.count) }
        }
        json.key("session")
        if let closing, session.closing == closing.message {
            session.write(to: &json, closing: closing.bytes)
        } else {
            session.write(to: &json)
        }
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
