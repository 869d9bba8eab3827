import Hummingbird
import RehearseAPI

/// Registers handlers by the contract's routes, so the server serves exactly the paths
/// `APIRoute` lists (and docs/api.yaml documents).
extension RouterMethods {
    @discardableResult
    func get(_ route: APIRoute, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(RouterPath(route.pattern), method: .get, use: handler)
    }

    @discardableResult
    func post(_ route: APIRoute, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(RouterPath(route.pattern), method: .post, use: handler)
    }

    @discardableResult
    func delete(_ route: APIRoute, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(RouterPath(route.pattern), method: .delete, use: handler)
    }
}
