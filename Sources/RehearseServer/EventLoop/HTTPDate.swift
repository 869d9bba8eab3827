import Foundation
import HTTPTypes
import Synchronization

/// The `Date` header (RFC 9110 §5.6.7), made once a second, as Hummingbird's date cache does
/// for the router's replies.
enum HTTPDate {
    private static let cached = Mutex<(second: Int, field: HTTPField)>((-1, HTTPField(name: .date, value: "")))
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The `Date` field of a reply sent now, as in `Thu, 26 Nov 2026 07:58:11 GMT`: made and
    /// its value checked once a second rather than per reply.
    static func field() -> HTTPField {
        let second = time(nil)
        return cached.withLock { cached in
            if cached.second != second { cached = (second, HTTPField(name: .date, value: format(second))) }
            return cached.field
        }
    }

    /// `second` (since 1970) in the header's form; by hand, so no locale can change it.
    static func format(_ second: Int) -> String {
        var seconds = time_t(second)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
