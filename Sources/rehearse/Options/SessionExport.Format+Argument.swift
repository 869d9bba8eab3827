import ArgumentParser
import RehearseTerminal

/// `replay --format markdown|html|json`.
extension SessionExport.Format: ExpressibleByArgument {}
