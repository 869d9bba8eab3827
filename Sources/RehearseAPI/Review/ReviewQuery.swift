import Foundation
import RehearseCore

/// The query of `GET /v1/review/sessions` and `GET /v1/review/export.csv`: the filters, and
/// a page's size and where it starts. Parsed strictly, like request bodies.
public struct ReviewQuery: Sendable, Equatable {
    public var filter: ReviewFilter
    /// Sessions per page.
    public var limit: Int
    /// The `next_cursor` of the page before.
    public var cursor: ReviewCursor?

    /// The default and the largest page.
    public static let defaultLimit = 50
    public static let maxLimit = 200
    /// Every parameter the routes take.
    public static let names = ["candidate", "scenario", "status", "since", "limit", "cursor"]

    /// A query; the defaults ask for the first page of everything.
    public init(filter: ReviewFilter = ReviewFilter(), limit: Int = defaultLimit, cursor: ReviewCursor? = nil) {
        self.filter = filter
        self.limit = limit
        self.cursor = cursor
    }

    /// The query in `parameters`; an unknown parameter or a bad value is refused by name.
    public init(parameters: [(name: String, value: String)]) throws(APIError) {
        self.init()
        for (name, value) in parameters {
            guard Self.names.contains(name) else {
                throw .badRequest("unknown query parameter \"\(name.prefix(40))\" \(Suggestion.hint(for: name, among: Self.names))")
            }
            guard !value.isEmpty else { continue }
            switch name {
            case "candidate": filter.candidate = String(value.prefix(CandidateName.maxLength))
            case "scenario": filter.scenario = value
            case "status":
                guard let status = ReviewFilter.Status(rawValue: value) else {
                    throw .badRequest("query parameter \"status\": \"\(value.prefix(40))\" is not a status (use live or ended)")
                }
                filter.status = status
            case "since":
                guard let date = ReviewFilter.date(value) else {
                    throw .badRequest("query parameter \"since\": \"\(value.prefix(40))\" is not a date (use 2026-11-25 or 2026-11-25T09:00:00Z)")
                }
                filter.since = date
            case "limit":
                guard let number = Int(value), (1...Self.maxLimit).contains(number) else {
                    throw .badRequest("query parameter \"limit\" must be a whole number from 1 to \(Self.maxLimit), got \"\(value.prefix(40))\"")
                }
                limit = number
            default:
                guard let cursor = ReviewCursor(value) else {
                    throw .badRequest("query parameter \"cursor\" is not a cursor this daemon gave (pass next_cursor as it came)")
                }
                self.cursor = cursor
            }
        }
    }

    /// The query as parameters, for a client.
    public var parameters: [(name: String, value: String)] {
        var list: [(name: String, value: String)] = []
        if let candidate = filter.candidate { list.append(("candidate", candidate)) }
        if let scenario = filter.scenario { list.append(("scenario", scenario)) }
        if let status = filter.status { list.append(("status", status.rawValue)) }
        if let since = filter.since { list.append(("since", TranscriptRecord.timestamp(since))) }
        if limit != Self.defaultLimit { list.append(("limit", String(limit))) }
        if let cursor { list.append(("cursor", cursor.text)) }
        return list
    }
}
