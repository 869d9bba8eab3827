import ArgumentParser
import RehearseCore

/// `--difficulty easy|medium|hard`: a bad level is refused by argument-parser with the levels
/// listed, and shell completion offers them.
extension Difficulty: ExpressibleByArgument {}
