import CStemmer

/// The English Snowball stemmer from libstemmer.
///
/// libstemmer keeps per-stemmer state between calls, so an instance is not thread-safe:
/// give each scorer its own.
public final class Stemmer {
    private let handle: OpaquePointer

    /// Creates an English stemmer.
    public init() {
        // "english" and "UTF_8" ship with every libstemmer build; nil would mean a broken install.
        guard let handle = sb_stemmer_new("english", "UTF_8") else {
            preconditionFailure("libstemmer has no English UTF-8 stemmer")
        }
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of one lowercase word, e.g. `migrations` → `migrat`.
    public func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        let result = bytes.withUnsafeBufferPointer { buffer in
            sb_stemmer_stem(handle, buffer.baseAddress, Int32(buffer.count))
        }
        guard let result else { return word }
        let length = Int(sb_stemmer_length(handle))
        return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
    }
}
