import Foundation
import RehearseScoring

nonisolated(unsafe) private var savedTerminal = termios()
nonisolated(unsafe) private var terminalChanged = false

private func restoreAndExit(_ signal: Int32) {
    if terminalChanged { tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal) }
    _exit(128 + signal)
}

/// Waits between replay frames; on a terminal, any key ends the wait at once.
public final class KeyWaiter {
    private let interactive: Bool

    /// Puts the terminal in no-echo, key-at-a-time mode when standard input is one.
    public init() {
        interactive = isatty(STDIN_FILENO) == 1
        guard interactive, tcgetattr(STDIN_FILENO, &savedTerminal) == 0 else { return }
        var raw = savedTerminal
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        terminalChanged = true
        // Ctrl-C still works, and must not leave the terminal without echo.
        signal(SIGINT, restoreAndExit)
        signal(SIGTERM, restoreAndExit)
    }

    deinit { restore() }

    /// Restores the terminal.
    public func restore() {
        if terminalChanged {
            tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal)
            terminalChanged = false
        }
    }

    /// Waits `seconds`, or until a key is pressed on the terminal.
    public func wait(_ seconds: Double) {
        guard seconds > 0 else { return }
        guard interactive else {
            Thread.sleep(forTimeInterval: seconds)
            return
        }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, Int32((seconds * 1000).clampedInt(in: 0...Int(Int32.max), rounding: .towardZero))) > 0 {
            var buffer = [UInt8](repeating: 0, count: 64)
            _ = read(STDIN_FILENO, &buffer, buffer.count)
        }
    }
}
