/// English function words that carry no meaning for matching answers.
///
/// Negations and relational words (`not`, `before`, `after`, `between`, `each`, …) are kept:
/// in technical answers they often are the point ("runs before the view", "not thread-safe").
public enum Stopwords {
    /// Whether `word` (lowercase) is a stopword.
    public static func contains(_ word: String) -> Bool { words.contains(word) }

    static let words: Set<String> = [
        "a", "about", "again", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been",
        "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "during", "for",
        "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
        "me", "my", "myself", "now", "of", "off", "on", "once", "or", "our", "ours", "ourselves",
        "out", "own", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
        "too", "until", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
        "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves",
        "also", "may", "might", "must", "shall", "us", "let", "lets", "etc", "ie", "eg", "via", "upon",
        "within", "without",
    ]
}
