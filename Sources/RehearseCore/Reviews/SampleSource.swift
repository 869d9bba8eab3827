import Foundation
import RehearseScoring

/// Graded samples that come from outside the banks, by question id: what a session adds to
/// each question's own samples before scoring it.
public protocol SampleSource: Sendable {
    /// The extra samples of question `id` for a session that started at `date`: only what was
    /// known by then, so the session scores the same whenever it is replayed.
    func samples(for id: String, before date: Date) -> [GradedSample]
}
