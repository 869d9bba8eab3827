/// Commented starting points for authors: every key explained where it stands.
public enum Scaffold {
    /// A scenario file with id `id`.
    /// A scenario drawing from `bank` (its file name without `.yaml`) and its `topics`: what an
    /// imported bank needs to be practised.
    public static func scenario(id: String, bank: String, topics: [String]) -> String {
        scenario(id: id)
            .replacingOccurrences(of: "  banks: [django]\n", with: "  banks: [\(bank)]\n")
            .replacingOccurrences(of: "  topics: [django]\n", with: "  topics: [\(topics.joined(separator: ", "))]\n")
    }

    public static func scenario(id: String) -> String {
        """
        # A scenario: who asks, which questions may be drawn, how many and how hard.
        # Check it with `rehearse lint` on a folder that also holds the banks it draws from.
        # Format: docs/scenario-format.md

        # What `rehearse practice --scenario` takes: lowercase words joined by dashes.
        id: \(id)
        # One line, shown by `rehearse scenarios`.
        title: \(id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " "))
        # A few sentences on what the interview covers.
        description: >-
          Describe the interview here.
        interviewer:
          # The persona's name, shown before everything it says.
          name: Sam
          # Said once at the start (optional).
          greeting: Hi, I'm Sam. Let's begin.
          # Said once at the end, before the report (optional).
          closing: That's all my questions. Here's how it went.
        # Which questions may be asked. Within a list any entry may match; across lists all must.
        # Leave a list out to allow anything: `draw: {}` draws every loaded question.
        draw:
          # Bank names: file names without .yaml (banks/django.yaml is `django`).
          banks: [django]
          # Topics, as the questions' `topic` keys spell them.
          topics: [django]
          # Tags, as the questions' `tags` spell them; remove the line to allow any.
          # tags: [orm]
        # Questions per session (optional; the config's practice.count otherwise).
        count: 5
        # The level of the first question: easy, medium or hard.
        start_difficulty: easy
        # true: a strong answer moves one level up, a weak one one level down.
        adaptive: true
        # Time per question, shown at the prompt, never enforced (optional): 90s, 2m, 1m30s.
        # time_limit: 2m

        """
    }

    /// A question for a bank, marked as a draft until its author fills it in.
    public static func question(id: String, topic: String) -> String {
        """
          # A new question: replace every TODO, then remove `draft: true`. Check it with
          # `rehearse lint` and `rehearse verify`.
          - id: \(id)                # stable, dotted, lowercase; transcripts refer to it
            topic: \(topic)
            tags: []                  # e.g. [orm, security]
            difficulty: medium        # easy | medium | hard
            source: extra             # where it came from: guide:SECTION:N, or extra
            draft: true
            prompt: TODO the question the interviewer asks?
            # The reference answer, in prose a candidate could say aloud; the scorer compares answers with it.
            answer: >-
              TODO the answer an interviewer expects to hear.
            # code: |                 # an optional example snippet
            #   print("hello")
            concepts:                 # the ideas a good answer mentions (3 to 6)
              - name: TODO concept
                terms: [TODO term, another way to say it]   # any one shows the concept
                weight: 2             # optional, default 1
                required: true        # optional: no strong band without it
            hints:                    # least revealing first
              - TODO a gentle hint.
              - TODO a stronger hint.
            follow_up: TODO a question about the most important concept?
            examples:                 # sample answers `rehearse verify` scores
              - answer: TODO a good answer in your own words.
                expect: strong        # strong | partial | weak, or a range such as 60-80
              - answer: TODO a poor answer.
                expect: weak

        """
    }
}
