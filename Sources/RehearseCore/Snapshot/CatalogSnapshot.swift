import RehearseScoring

/// The built-in catalog, parsed, validated and with its idf corpus, in a compact binary form:
/// reading it back takes a fraction of parsing the YAML again (the larger part of the time to
/// the first question). Starts with a magic and the key of the texts it was made from;
/// ``CatalogCache`` keeps one per set of texts.
enum CatalogSnapshot {
    static let magic = Array("rehearse-catalog 1\n".utf8)

    /// `catalog` and `corpus` as a snapshot of the texts identified by `key`.
    static func encode(_ catalog: Catalog, corpus: Corpus, key: String) -> [UInt8] {
        var writer = SnapshotWriter()
        writer.string(key)
        writer.array(catalog.banks) { writer, bank in
            writer.string(bank.name)
            writer.string(bank.path)
            writer.array(bank.questions, question)
        }
        writer.array(catalog.scenarios, scenario)
        writer.int(corpus.documents)
        writer.array(corpus.frequencies.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.int(entry.value)
        }
        return magic + writer.bytes
    }

    /// The catalog and corpus in `bytes`, if it is a whole snapshot of the texts `key` names.
    static func decode(_ bytes: [UInt8], key: String) -> (catalog: Catalog, corpus: Corpus)? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = SnapshotReader(Array(bytes[magic.count...]))
        do throws(SnapshotReader.Corrupt) {
            guard try reader.string() == key else { return nil }
            let banks = try reader.array { reader throws(SnapshotReader.Corrupt) in
                Bank(name: try reader.string(), path: try reader.string(), questions: try reader.array(question))
            }
            let scenarios = try reader.array(scenario)
            let documents = try reader.int()
            var frequencies: [String: Int] = [:]
            for _ in 0..<(try reader.count()) { frequencies[try reader.string()] = try reader.int() }
            guard reader.atEnd else { return nil }
            return (Catalog(banks: banks, scenarios: scenarios), Corpus(frequencies: frequencies, documents: documents))
        } catch {
            return nil
        }
    }

    private static func question(_ writer: inout SnapshotWriter, _ question: Question) {
        writer.string(question.id)
        writer.string(question.topic)
        writer.strings(question.tags)
        writer.string(question.difficulty.rawValue)
        writer.string(question.prompt)
        writer.string(question.answer)
        writer.optional(question.code) { $0.string($1) }
        writer.array(question.concepts) { writer, concept in
            writer.string(concept.name)
            writer.strings(concept.terms)
            writer.double(concept.weight)
            writer.bool(concept.required)
        }
        writer.strings(question.hints)
        writer.optional(question.followUp) { $0.string($1) }
        writer.array(question.examples) { writer, example in
            writer.string(example.answer)
            switch example.expect {
            case .band(let band):
                writer.unsigned(0)
                writer.string(band.rawValue)
            case .range(let range):
                writer.unsigned(1)
                writer.int(range.lowerBound)
                writer.int(range.upperBound)
            }
            writer.optional(example.score) { $0.int($1) }
        }
        writer.array(question.samples) { writer, sample in
            writer.string(sample.answer)
            writer.double(sample.score)
            writer.string(sample.label)
        }
        writer.optional(question.source) { $0.string($1) }
        writer.bool(question.draft)
        location(&writer, question.location)
    }

    private static func question(_ reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> Question {
        var question = Question(
            id: try reader.string(), topic: try reader.string(), tags: try reader.strings(), difficulty: try difficulty(&reader),
            prompt: try reader.string(), answer: try reader.string(),
            code: try reader.optional { reader throws(SnapshotReader.Corrupt) in try reader.string() },
            concepts: try reader.array { reader throws(SnapshotReader.Corrupt) in
                Concept(name: try reader.string(), terms: try reader.strings(), weight: try reader.double(), required: try reader.bool())
            },
            hints: try reader.strings(), followUp: try reader.optional { reader throws(SnapshotReader.Corrupt) in try reader.string() },
            examples: try reader.array { reader throws(SnapshotReader.Corrupt) in
                let answer = try reader.string()
                let expect: ExampleExpectation
                switch try reader.unsigned() {
                case 0:
                    guard let band = Band(rawValue: try reader.string()) else { throw SnapshotReader.Corrupt() }
                    expect = .band(band)
                case 1:
                    let (low, high) = (try reader.int(), try reader.int())
                    guard low <= high else { throw SnapshotReader.Corrupt() }
                    expect = .range(low...high)
                default: throw SnapshotReader.Corrupt()
                }
                return Example(
                    answer: answer, expect: expect, score: try reader.optional { reader throws(SnapshotReader.Corrupt) in try reader.int() })
            },
            location: SourceLocation(path: "", line: 0, column: 0))
        question.samples = try reader.array { reader throws(SnapshotReader.Corrupt) in
            GradedSample(answer: try reader.string(), score: try reader.double(), label: try reader.string())
        }
        question.source = try reader.optional { reader throws(SnapshotReader.Corrupt) in try reader.string() }
        question.draft = try reader.bool()
        question.location = try location(&reader)
        return question
    }

    private static func scenario(_ writer: inout SnapshotWriter, _ scenario: Scenario) {
        writer.string(scenario.id)
        writer.string(scenario.title)
        writer.string(scenario.description)
        writer.string(scenario.interviewer.name)
        writer.string(scenario.interviewer.greeting)
        writer.string(scenario.interviewer.closing)
        writer.strings(scenario.draw.banks)
        writer.strings(scenario.draw.topics)
        writer.strings(scenario.draw.tags)
        writer.optional(scenario.count) { $0.int($1) }
        writer.string(scenario.startDifficulty.rawValue)
        writer.bool(scenario.adaptive)
        writer.optional(scenario.timeLimit) { $0.int($1) }
        location(&writer, scenario.location)
    }

    private static func scenario(_ reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> Scenario {
        Scenario(
            id: try reader.string(), title: try reader.string(), description: try reader.string(),
            interviewer: Interviewer(name: try reader.string(), greeting: try reader.string(), closing: try reader.string()),
            draw: Draw(banks: try reader.strings(), topics: try reader.strings(), tags: try reader.strings()),
            count: try reader.optional { reader throws(SnapshotReader.Corrupt) in try reader.int() }, startDifficulty: try difficulty(&reader),
            adaptive: try reader.bool(), timeLimit: try reader.optional { reader throws(SnapshotReader.Corrupt) in try reader.int() },
            location: try location(&reader))
    }

    private static func difficulty(_ reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> Difficulty {
        guard let difficulty = Difficulty(rawValue: try reader.string()) else { throw SnapshotReader.Corrupt() }
        return difficulty
    }

    private static func location(_ writer: inout SnapshotWriter, _ location: SourceLocation) {
        writer.string(location.path)
        writer.int(location.line)
        writer.int(location.column)
    }

    private static func location(_ reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> SourceLocation {
        SourceLocation(path: try reader.string(), line: try reader.int(), column: try reader.int())
    }
}
