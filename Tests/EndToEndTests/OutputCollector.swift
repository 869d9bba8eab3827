import Foundation
import Synchronization

/// Collects a pipe's output on a background thread so a test can wait for a phrase.
final class OutputCollector: Sendable {
    private let text = Mutex("")

    init(_ handle: FileHandle) {
        // Weak, so a test that stops waiting does not keep the collector alive until the pipe closes.
        let thread = Thread { [weak self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { return }
                guard let self else { return }
                let chunk = String(decoding: data, as: UTF8.self)
                self.text.withLock { $0 += chunk }
            }
        }
        thread.start()
    }

    /// Whether `phrase` appears within `seconds` (bounded, so a hung binary fails the test).
    func wait(for phrase: String, seconds: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if text.withLock({ $0.contains(phrase) }) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }
}
