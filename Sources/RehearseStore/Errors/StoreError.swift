/// Everything the store layer refuses or fails at, each message quoting the input and saying
/// how to fix it.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `--store` address that is not `files:DIR` or `postgres://…`.
    case badLocation(String)
    /// PostgreSQL could not be reached or failed a statement.
    case database(String)
    /// The database's schema is newer than this rehearse knows.
    case schemaTooNew(found: Int, known: Int)
    /// A transcript folder or file could not be read or written.
    case files(String)

    public var description: String {
        switch self {
        case .badLocation(let message), .database(let message), .files(let message): message
        case .schemaTooNew(let found, let known):
            "the store's schema is version \(found), newer than this rehearse knows (\(known)); upgrade rehearse before pointing it at this database"
        }
    }
}
