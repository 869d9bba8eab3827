import Foundation
import RehearseAPI
import Testing

/// A route's path for a session, as the daemon's replies and the client name it.
@Suite struct APIRoutePathTests {
    @Test func everyRouteNamesTheSessionWhereItsPatternSaysId() {
        for route in APIRoute.allCases {
            for id in ["", "0123456789abcdef", "a"] {
                #expect(route.path(id: id) == route.pattern.replacingOccurrences(of: ":id", with: id), "\(route) \(id)")
            }
        }
        #expect(APIRoute.input.path(id: "abc") == "/v1/sessions/abc/input")
        #expect(APIRoute.sessions.path() == "/v1/sessions")
    }
}
