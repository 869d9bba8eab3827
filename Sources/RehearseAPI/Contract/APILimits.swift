/// The limits docs/api.yaml states, enforced where bodies are decoded.
public enum APILimits {
    /// The most questions one session asks.
    public static let maxCount = 1000
    /// The longest time limit per question, in seconds (a day).
    public static let maxTimeLimit = 86_400
    /// The longest input, in characters.
    public static let maxTextLength = 60_000
    /// The longest input id, in characters.
    public static let maxInputIDLength = 128
}
