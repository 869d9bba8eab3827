import RehearseCore

extension WireClosingReport: WireJSON {
    public func write(to json: inout JSONBytes) {
        json.open()
        json.double("overall", overall)
        json.string("band", band?.rawValue)
        json.double("duration_seconds", durationSeconds)
        json.string("transcript", transcript)
        json.key("questions")
        json.array(questions) { json, row in
            json.open()
            json.string("id", row.id)
            json.string("topic", row.topic)
            json.string("difficulty", row.difficulty.rawValue)
            json.string("prompt", row.prompt)
            json.string("reference", row.reference)
            json.bool("answered", row.answered)
            json.bool("skipped", row.skipped)
            json.double("score", row.score)
            json.double("seconds", row.seconds)
            json.bool("overtime", row.overtime)
            json.int("hints_used", row.hintsUsed)
            json.close()
        }
        json.key("topics")
        json.array(topics) { json, topic in
            json.open()
            json.string("topic", topic.topic)
            json.double("average", topic.average)
            json.close()
        }
        json.key("most_missed")
        json.array(mostMissed) { json, missed in
            json.open()
            json.string("concept", missed.concept)
            json.int("count", missed.count)
            json.string("sentence", missed.sentence)
            json.close()
        }
        json.close()
    }
}
