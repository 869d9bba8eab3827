import RehearseCore

/// Runs a session as a dialogue: prints what the interviewer says, reads what the person types.
/// The same loop serves a readline terminal, a pipe, and tests (with a ``ScriptedReader``).
public struct InterviewREPL<Reader: LineReader> {
    private let session: any InterviewDriver
    private var reader: Reader
    private let renderer: MessageRenderer
    private let write: (String) -> Void
    private let interactive: Bool

    /// Creates a REPL; `write` receives all output, `interactive` shows prompts.
    public init(session: any InterviewDriver, reader: Reader, renderer: MessageRenderer, interactive: Bool, write: @escaping (String) -> Void) {
        self.session = session
        self.reader = reader
        self.renderer = renderer
        self.interactive = interactive
        self.write = write
    }

    /// Runs until the session ends: `/quit`, the last question, or end of input.
    public mutating func run() {
        show(session.start())
        while !session.isFinished {
            switch AnswerAssembler.read(from: &reader, prompt: prompt(), continuation: interactive ? "…› " : "") {
            case .end:
                // Nothing more can be typed: end here even if the closing line could not be saved
                // (the session then stays open in memory, and asking again would loop forever).
                show(session.finish(reason: "end of input"))
                return
            case .discarded:
                write(renderer.render(.info("The input ended inside a ``` block, so that unfinished answer was not sent.")))
                show(session.finish(reason: "end of input"))
                return
            case .interrupted:
                continue  // Ctrl-C dropped the line; the question stands
            case .answer(let text):
                show(session.handle(text))
            }
        }
    }

    /// `answer› `, with the time left when the question has a limit.
    private func prompt() -> String {
        guard interactive else { return "" }
        let label = session.awaitingFollowUp ? "follow-up› " : "answer› "
        guard let left = session.secondsLeft else { return label }
        let clock = left >= 0 ? "\(DisplayFormat.minutes(left)) left" : "overtime \(DisplayFormat.minutes(-left))"
        return "[\(clock)] " + label
    }

    private func show(_ messages: [SessionMessage]) {
        for message in messages { write(renderer.render(message)) }
    }
}
