import RehearseScoring

/// `rehearse score --question ID --json` prints the report as the scorer made it.
extension ScoreReport: JSONReport {}
