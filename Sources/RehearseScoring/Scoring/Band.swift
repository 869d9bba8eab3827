/// The three grades a scored answer falls into.
public enum Band: String, Sendable, Hashable, CaseIterable, Codable {
    case strong
    case partial
    case weak
}
