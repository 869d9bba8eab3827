import ArgumentParser
import RehearseTerminal

/// `replay --pace instant|realtime|2x`.
extension ReplayPace: ExpressibleByArgument {}
