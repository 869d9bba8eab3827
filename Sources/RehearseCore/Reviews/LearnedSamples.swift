import Foundation
import RehearseScoring
import Synchronization

/// The reviewed answers a daemon has learned from, shared by its sessions. A session sees the
/// grades given before it started (``asOf(_:)``): a session rebuilt later — after a restart or
/// on another daemon — scores its answers again exactly as it did, so its replay matches.
public final class LearnedSamples: Sendable {
    private struct Entry: Sendable {
        var sample: GradedSample
        var gradedAt: Date
    }

    /// By question id, then by answer: scoring looks up one question at a time.
    private let entries = Mutex<[String: [String: Entry]]>([:])

    /// An empty set.
    public init() {}

    /// How many reviewed answers are known.
    public var count: Int { entries.withLock { $0.values.reduce(0) { $0 + $1.count } } }

    /// Adds `samples`; a sample of an answer already known replaces it when graded later.
    public func learn(_ samples: [ReviewedSample]) {
        guard !samples.isEmpty else { return }
        entries.withLock { entries in
            for found in samples {
                if let known = entries[found.questionID]?[found.key], known.gradedAt > found.gradedAt { continue }
                entries[found.questionID, default: [:]][found.key] = Entry(sample: found.sample, gradedAt: found.gradedAt)
            }
        }
    }

    /// The samples of question `id` graded before `date`, in a stable order.
    public func samples(for id: String, before date: Date) -> [GradedSample] {
        entries.withLock { entries in
            (entries[id] ?? [:]).filter { $0.value.gradedAt < date }
                .sorted { ($0.value.gradedAt, $0.key) < ($1.value.gradedAt, $1.key) }
                .map(\.value.sample)
        }
    }

    /// The samples as a session started at `date` sees them.
    public func asOf(_ date: Date) -> some SampleSource {
        View(learned: self, cut: date)
    }

    private struct View: SampleSource {
        let learned: LearnedSamples
        let cut: Date

        func samples(for id: String) -> [GradedSample] { learned.samples(for: id, before: cut) }
    }
}
