import RehearseScoring

/// Checks what no single file can: ids unique across files, scenarios that draw real questions,
/// and authoring smells that deserve a warning.
struct CatalogValidator {
    let catalog: Catalog
    /// Every question id seen while parsing, including those of questions that failed to parse.
    let questionIDs: [(id: String, location: SourceLocation)]

    func validate(authoring: Bool, shipped: Bool = false) -> DiagnosticLog {
        var log = DiagnosticLog()
        checkDuplicateQuestions(&log)
        checkDuplicateScenarios(&log)
        for scenario in catalog.scenarios { checkDraw(of: scenario, &log) }
        if authoring {
            checkConceptTerms(&log)
            checkNearDuplicatePrompts(&log)
            checkUndiscriminatingConcepts(&log)
            checkHiddenCharacters(&log)
            if shipped {
                for question in catalog.questions where question.draft {
                    log.warning(
                        question.location,
                        "question \"\(question.id)\" is a draft in a shipped bank (review it, add hints, a follow-up and examples, then remove \"draft: true\")"
                    )
                }
            }
        }
        return log
    }

    private func checkDuplicateQuestions(_ log: inout DiagnosticLog) {
        var first: [String: SourceLocation] = [:]
        for (id, location) in questionIDs {
            if let earlier = first[id] {
                log.error(location, "duplicate question id \"\(id)\" (first used at \(earlier); ids must be unique across all banks)")
            } else {
                first[id] = location
            }
        }
    }

    private func checkDuplicateScenarios(_ log: inout DiagnosticLog) {
        var first: [String: SourceLocation] = [:]
        for scenario in catalog.scenarios {
            if let earlier = first[scenario.id] {
                log.error(scenario.location, "duplicate scenario id \"\(scenario.id)\" (first used at \(earlier))")
            } else {
                first[scenario.id] = scenario.location
            }
        }
    }

    private func checkDraw(of scenario: Scenario, _ log: inout DiagnosticLog) {
        let draw = scenario.draw
        let errorsBefore = log.errors.count
        let bankNames = catalog.banks.map(\.name)
        for bank in draw.banks where !bankNames.contains(bank) {
            log.error(
                scenario.location,
                "scenario \"\(scenario.id)\" draws from bank \"\(bank)\", which is not loaded \(Suggestion.hint(for: bank, among: bankNames))")
        }
        let inBanks = catalog.banks.filter { draw.banks.isEmpty || draw.banks.contains($0.name) }.flatMap(\.questions)
        let topics = Set(inBanks.map(\.topic))
        for topic in draw.topics where !topics.contains(topic) {
            log.error(
                scenario.location,
                "scenario \"\(scenario.id)\" draws from topic \"\(topic)\", which has no questions \(Suggestion.hint(for: topic, among: topics.sorted()))"
            )
        }
        let tags = Set(inBanks.flatMap(\.tags))
        for tag in draw.tags where !tags.contains(tag) {
            log.error(
                scenario.location,
                "scenario \"\(scenario.id)\" draws from tag \"\(tag)\", which no question has \(Suggestion.hint(for: tag, among: tags.sorted()))")
        }
        let pool = catalog.pool(for: scenario)
        if pool.isEmpty, log.errors.count > errorsBefore { return }  // already explained above
        if pool.isEmpty {
            log.error(scenario.location, "scenario \"\(scenario.id)\" draws no questions (no question matches all of its topics and tags)")
        } else if let count = scenario.count, count > pool.count {
            log.warning(
                scenario.location,
                "scenario \"\(scenario.id)\" asks \(count) questions but draws only \(pool.count) (lower \"count\" or widen \"draw\")")
        }
        if !pool.isEmpty, !pool.contains(where: { $0.difficulty == scenario.startDifficulty }) {
            log.warning(
                scenario.location,
                "scenario \"\(scenario.id)\" starts at \(scenario.startDifficulty.rawValue) but draws no \(scenario.startDifficulty.rawValue) questions"
            )
        }
    }

    /// A concept none of whose terms the reference answer uses is often a typo, or an answer
    /// that forgot to say the thing the scorer looks for; one whose terms are all words of the
    /// prompt can never earn marks, since the prompt's words earn nothing.
    /// Escape sequences and invisible characters in what people read: terminals show them
    /// escaped, but an author almost certainly pasted them by accident.
    private func checkHiddenCharacters(_ log: inout DiagnosticLog) {
        func check(_ texts: [(String, String)], of subject: String, at location: SourceLocation) {
            for (key, text) in texts {
                guard let scalar = HiddenCharacters.first(in: text) else { continue }
                log.warning(
                    location,
                    "\(subject): \"\(key)\" holds a control or invisible character (\(HiddenCharacters.describe(scalar))); it is shown escaped, never obeyed — remove it"
                )
            }
        }
        for question in catalog.questions {
            var texts = [("prompt", question.prompt), ("answer", question.answer)]
            texts += question.hints.map { ("hints", $0) } + (question.followUp.map { [("follow_up", $0)] } ?? [])
            texts += question.concepts.flatMap { concept in [("concepts", concept.name)] + concept.terms.map { ("concepts", $0) } }
            check(texts, of: "question \"\(question.id)\"", at: question.location)
        }
        for scenario in catalog.scenarios {
            let interviewer = scenario.interviewer
            check(
                [
                    ("title", scenario.title), ("description", scenario.description), ("interviewer", interviewer.name),
                    ("greeting", interviewer.greeting), ("closing", interviewer.closing),
                ],
                of: "scenario \"\(scenario.id)\"", at: scenario.location)
        }
    }

    private func checkConceptTerms(_ log: inout DiagnosticLog) {
        let search = TermSearch()
        for question in catalog.questions {
            let reference = search.index(question.answer + "\n" + (question.code ?? ""))
            let promptWords = Set(search.foldedWords(question.prompt))
            for concept in question.concepts {
                for term in concept.terms where search.stems(term).isEmpty {
                    log.warning(
                        question.location,
                        "term \"\(term)\" of concept \"\(concept.name)\" in question \"\(question.id)\" has no word the scorer can match (it is only stopwords or punctuation)"
                    )
                }
                let matchable = concept.terms.filter { !search.stems($0).isEmpty }
                if !matchable.isEmpty, matchable.allSatisfy({ Set(search.foldedWords($0)).isSubset(of: promptWords) }) {
                    log.warning(
                        question.location,
                        "concept \"\(concept.name)\" of question \"\(question.id)\" can never earn marks: all its terms are words of the prompt, which earn nothing (add a term the prompt does not use)"
                    )
                }
                if !concept.terms.contains(where: { search.occurs($0, in: reference) }) {
                    log.warning(
                        question.location,
                        "concept \"\(concept.name)\" of question \"\(question.id)\": none of its terms occurs in the reference answer (say it in \"answer\" or fix the terms)"
                    )
                }
            }
        }
    }

    /// Two prompts that say almost the same thing are usually one question entered twice.
    ///
    /// Each question is warned about once, naming the first earlier one it nearly repeats, and
    /// is compared only with the earlier prompts that could qualify: two stem sets overlapping by
    /// 80% share one of the rarest `n - ceil(0.8 n) + 1` stems of each (prefix filtering), so a
    /// bank of thousands of questions costs about as much as it has prompts, not pairs of them.
    private func checkNearDuplicatePrompts(_ log: inout DiagnosticLog) {
        let search = TermSearch()
        var seen = Set<String>()
        // Stems as numbers, each prompt's sorted and unique: comparing two is one merge.
        var numbers: [String: Int] = [:]
        var questions: [Question] = []
        var stemSets: [[Int]] = []
        for question in catalog.questions where seen.insert(question.id).inserted {
            let stems = Set(search.stems(question.prompt))
            guard stems.count >= 2 else { continue }
            questions.append(question)
            stemSets.append(
                stems.map { stem in
                    if let number = numbers[stem] { return number }
                    numbers[stem] = numbers.count
                    return numbers.count - 1
                }.sorted())
        }
        var frequency = [Int](repeating: 0, count: numbers.count)
        for stems in stemSets {
            for stem in stems { frequency[stem] += 1 }
        }
        // For each stem, the earlier prompts that have it among their rarest.
        var holders: [Int: [Int]] = [:]
        // The first prompt with exactly these stems: no later match can be earlier than it.
        var firstWithStems: [[Int]: Int] = [:]
        for (index, stems) in stemSets.enumerated() {
            let rarest = stems.sorted { (frequency[$0], $0) < (frequency[$1], $1) }.prefix(stems.count - (4 * stems.count + 4) / 5 + 1)
            let same = firstWithStems[stems]
            let bound = same ?? index
            let similar = rarest.compactMap { stem -> Int? in
                for earlier in holders[stem] ?? [] {
                    if earlier >= bound { break }
                    if Self.nearlyRepeats(stemSets[earlier], stems) { return earlier }
                }
                return nil
            }
            if let first = similar.min() ?? same {
                let (question, earlier) = (questions[index], questions[first])
                log.warning(
                    question.location,
                    "the prompt of question \"\(question.id)\" nearly repeats that of \"\(earlier.id)\" (\(earlier.location)); merge them or ask something different"
                )
            }
            if same == nil { firstWithStems[stems] = index }
            for stem in rarest { holders[stem, default: []].append(index) }
        }
    }

    /// Whether two prompts' sorted stems overlap by 80% or more (shared stems over all of them).
    private static func nearlyRepeats(_ first: [Int], _ second: [Int]) -> Bool {
        let (small, large) = first.count <= second.count ? (first.count, second.count) : (second.count, first.count)
        guard 5 * small >= 4 * large else { return false }  // the overlap is at most small / large
        var shared = 0
        var (left, right) = (0, 0)
        while left < first.count, right < second.count {
            if first[left] == second[right] {
                shared += 1
                left += 1
                right += 1
            } else if first[left] < second[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return Double(shared) / Double(first.count + second.count - shared) >= 0.8
    }

    /// A concept most questions of a bank share (by name) tells no answer apart from another.
    private func checkUndiscriminatingConcepts(_ log: inout DiagnosticLog) {
        for bank in catalog.banks where bank.questions.count >= 4 {
            var holders: [String: [Question]] = [:]
            for question in bank.questions {
                for name in Set(question.concepts.map { $0.name.lowercased() }) { holders[name, default: []].append(question) }
            }
            for (name, questions) in holders.sorted(by: { $0.key < $1.key }) where Double(questions.count) > Double(bank.questions.count) / 2 {
                log.warning(
                    questions[0].location,
                    "concept \"\(name)\" is in \(questions.count) of the \(bank.questions.count) questions of bank \"\(bank.name)\": it tells no answer apart (make it specific to each question)"
                )
            }
        }
    }
}
