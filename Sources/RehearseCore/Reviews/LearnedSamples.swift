import Foundation
import RehearseScoring
import Synchronization

/// The reviewed answers a daemon has learned from, shared by its sessions. A session sees, of
/// each answer, the grade that counted when it started: a session rebuilt later — after a
/// restart, on another daemon, after the answer was graded again — scores its answers exactly
/// as it did, so its replay matches.
public final class LearnedSamples: SampleSource {
    /// One grade of one answer.
    private struct Grade: Sendable {
        var sample: GradedSample
        var gradedAt: Date
    }

    /// By question id, then by answer, every grade oldest first: scoring looks up one question.
    private let entries = Mutex<[String: [String: [Grade]]]>([:])

    /// An empty set.
    public init() {}

    /// How many reviewed answers are known.
    public var count: Int { entries.withLock { $0.values.reduce(0) { $0 + $1.count } } }

    /// Adds the grades in `samples`; one already known (same answer and time) is not added twice.
    public func learn(_ samples: [ReviewedSample]) {
        guard !samples.isEmpty else { return }
        entries.withLock { entries in
            for found in samples {
                var grades = entries[found.questionID]?[found.key] ?? []
                guard !grades.contains(where: { $0.gradedAt == found.gradedAt && $0.sample == found.sample }) else { continue }
                grades.append(Grade(sample: found.sample, gradedAt: found.gradedAt))
                grades.sort { $0.gradedAt < $1.gradedAt }
                entries[found.questionID, default: [:]][found.key] = grades
            }
        }
    }

    /// Of each answer to question `id`, the latest grade given before `date`, in a stable order.
    public func samples(for id: String, before date: Date) -> [GradedSample] {
        entries.withLock { entries in
            (entries[id] ?? [:]).compactMap { key, grades in grades.last { $0.gradedAt < date }.map { (key, $0) } }
                .sorted { ($0.1.gradedAt, $0.0) < ($1.1.gradedAt, $1.0) }
                .map(\.1.sample)
        }
    }

    /// The samples as a session sees them when grades must be `delay` seconds older than its
    /// start: daemons on a shared store hear of each other's grades a little late.
    public func delayed(by delay: Double) -> any SampleSource {
        delay > 0 ? Delayed(learned: self, delay: delay) : self
    }

    private struct Delayed: SampleSource {
        let learned: LearnedSamples
        let delay: Double

        func samples(for id: String, before date: Date) -> [GradedSample] {
            learned.samples(for: id, before: date.addingTimeInterval(-delay))
        }
    }
}
