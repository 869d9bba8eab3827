import RehearseScoring

/// The three grades a scored answer falls into; defined by the scorer.
public typealias Band = RehearseScoring.Band
