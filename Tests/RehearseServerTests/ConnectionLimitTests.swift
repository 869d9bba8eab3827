import Foundation
import Testing

@testable import RehearseServer

/// Clients that hold connections without finishing a request must not lock anyone out: with
/// the hot routes (which count connections and time requests themselves) and without (the
/// guard does it, as for the PostgreSQL store).
@Suite("Idle, slow and surplus connections")
struct ConnectionLimitTests {
    static let limits = ConnectionLimits(idleTimeout: .milliseconds(400), requestTimeout: .milliseconds(800), maxConnections: 40)

    static func port(_ daemon: TestDaemon) throws -> Int {
        try #require(URL(string: daemon.url)?.port)
    }

    @Test("idle connections are closed after the idle timeout, and the daemon answers meanwhile", arguments: [true, false])
    func idle(hotRoutes: Bool) async throws {
        let daemon = try await TestDaemon.start(connections: Self.limits, hotRoutes: hotRoutes)
        defer { Task { await daemon.stop() } }
        let port = try Self.port(daemon)
        let idle = try (0..<30).map { _ in try RawConnection(port: port) }
        #expect(try await blocking { try RawConnection.status(port: port, path: "/healthz") } == 200)
        let closed = try await blocking { idle.allSatisfy { $0.closedByPeer(within: 3) } }
        #expect(closed)
    }

    @Test("headers sent a byte at a time are cut off, and do not hold up others", arguments: [true, false])
    func slowHeaders(hotRoutes: Bool) async throws {
        let daemon = try await TestDaemon.start(connections: Self.limits, hotRoutes: hotRoutes)
        defer { Task { await daemon.stop() } }
        let port = try Self.port(daemon)
        let slow = try (0..<10).map { _ in try RawConnection(port: port) }
        let header = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + String(repeating: "a", count: 200)
        // One byte every 50 ms, never finishing, on a thread of its own (not the test pool).
        let outcome = Task {
            try await blocking {
                var open = Array(slow.indices)
                for byte in header where !open.isEmpty {
                    open = open.filter { slow[$0].send(String(byte)) }
                    usleep(50_000)
                }
                return open.isEmpty || open.allSatisfy { slow[$0].closedByPeer(within: 2) }
            }
        }
        for _ in 0..<5 {
            #expect(try await blocking { try RawConnection.status(port: port, path: "/healthz") } == 200)
        }
        #expect(try await outcome.value, "a slow client was never cut off")
    }

    @Test("a body sent a byte at a time is cut off at the request deadline", arguments: [true, false])
    func slowBody(hotRoutes: Bool) async throws {
        let daemon = try await TestDaemon.start(connections: Self.limits, hotRoutes: hotRoutes)
        defer { Task { await daemon.stop() } }
        let port = try Self.port(daemon)
        let cutOff = try await blocking {
            let connection = try RawConnection(port: port)
            connection.send("POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5000\r\n\r\n")
            // Each byte resets the idle timer; only the request deadline (0.8 s) ends this.
            for _ in 0..<100 {
                guard connection.send(" ") else { return true }
                usleep(50_000)
            }
            return connection.closedByPeer(within: 0.5)
        }
        #expect(cutOff)
    }

    @Test(
        "quick requests on one connection for longer than the deadline keep it open; a slow body after them is still cut off",
        arguments: [true, false])
    func busyThenSlow(hotRoutes: Bool) async throws {
        // An idle timeout well above the pauses between requests: a stalled test machine must
        // not look like an idle client.
        let limits = ConnectionLimits(idleTimeout: .seconds(3), requestTimeout: .milliseconds(800), maxConnections: 40)
        let daemon = try await TestDaemon.start(connections: limits, hotRoutes: hotRoutes)
        defer { Task { await daemon.stop() } }
        let port = try Self.port(daemon)
        let (statuses, cutOff) = try await blocking { () throws -> ([Int], Double?) in
            let connection = try RawConnection(port: port)
            // 2 s of requests, 0.1 s apart: past the 0.8 s deadline. The connection's one timer
            // fires meanwhile and must not close it.
            var statuses: [Int] = []
            let end = Date().addingTimeInterval(2)
            while Date() < end || statuses.count < 10 {
                statuses.append(connection.get("/healthz"))
                usleep(100_000)
            }
            connection.send("POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5000\r\n\r\n")
            let started = Date()
            for _ in 0..<100 {
                guard connection.send(" ") else { return (statuses, Date().timeIntervalSince(started)) }
                usleep(50_000)
            }
            return (statuses, connection.closedByPeer(within: 0.5) ? Date().timeIntervalSince(started) : nil)
        }
        #expect(statuses.allSatisfy { $0 == 200 }, "a busy connection was closed: \(statuses)")
        let after = try #require(cutOff, "the slow body was never cut off")
        #expect(after > 0.6 && after < 3, "cut off after \(after) s; the deadline is 0.8 s")
    }

    @Test("connections over the cap are closed at once; the daemon takes new ones when others go", arguments: [true, false])
    func cap(hotRoutes: Bool) async throws {
        let limits = ConnectionLimits(idleTimeout: .seconds(20), requestTimeout: .seconds(20), maxConnections: 40)
        let daemon = try await TestDaemon.start(connections: limits, hotRoutes: hotRoutes)
        defer { Task { await daemon.stop() } }
        let port = try Self.port(daemon)
        var held = try (0..<40).map { _ in try RawConnection(port: port) }
        // The daemon counts a connection when it sets it up, a moment after connect returns:
        // keep trying until one beyond the cap is turned away.
        var refused = false
        for _ in 0..<30 where !refused {
            let surplus = try RawConnection(port: port)
            refused = try await blocking { surplus.closedByPeer(within: 0.2) }
        }
        #expect(refused, "no connection over the cap was closed")
        // Clients that leave free their places.
        held.removeAll()
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await blocking { try RawConnection.status(port: port, path: "/healthz") } == 200)
    }
}
