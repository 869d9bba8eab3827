import RehearseScoring

/// Graded samples that come from outside the banks, by question id: what a session adds to
/// each question's own samples before scoring it.
public protocol SampleSource: Sendable {
    /// The extra samples of question `id`.
    func samples(for id: String) -> [GradedSample]
}
