import Foundation

/// Which sessions a reviewer asks for: by candidate, scenario, status and start time.
public struct ReviewFilter: Sendable, Equatable {
    /// `live` sessions are still running; `ended` ones have their `session_end` line.
    public enum Status: String, Sendable, CaseIterable {
        case live, ended
    }

    /// Part of the candidate's name, in any case.
    public var candidate: String?
    /// A scenario id.
    public var scenario: String?
    public var status: Status?
    /// Sessions started at or after this time.
    public var since: Date?

    /// A filter; `nil` lets everything through.
    public init(candidate: String? = nil, scenario: String? = nil, status: Status? = nil, since: Date? = nil) {
        self.candidate = candidate
        self.scenario = scenario
        self.status = status
        self.since = since
    }

    /// Whether `log` passes.
    public func matches(_ log: SessionLog) -> Bool { matches(SessionSummary(log)) }

    /// Whether the session `summary` describes passes.
    public func matches(_ summary: SessionSummary) -> Bool {
        if let candidate, !(summary.candidate ?? "").localizedCaseInsensitiveContains(candidate) { return false }
        if let scenario, summary.scenario != scenario { return false }
        if let status, status != (summary.isFinished ? .ended : .live) { return false }
        if let since, (summary.startedAt ?? .distantPast) < since { return false }
        return true
    }

    /// `2026-11-25` (midnight UTC) or an ISO 8601 time such as `2026-11-25T09:00:00Z`.
    public static func date(_ text: String) -> Date? {
        if let date = TranscriptTime.parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        guard text.count == 10 else { return nil }
        return try? Date.ISO8601FormatStyle().year().month().day().parse(text)
    }
}
