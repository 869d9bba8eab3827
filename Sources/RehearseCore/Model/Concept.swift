import RehearseScoring

/// One idea a good answer mentions, recognised by any of its terms: the scorer's own type,
/// so a bank's concepts reach the scorer unchanged.
public typealias Concept = ScoringConcept
