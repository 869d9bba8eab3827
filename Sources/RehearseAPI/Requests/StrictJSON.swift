import Foundation
import RehearseCore

/// Decodes request bodies strictly: malformed JSON, unknown fields, missing fields and wrong
/// types are refused with a message that names the field, never guessed at.
public enum StrictJSON {
    /// Decodes `T` from `data`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(APIError) -> T {
        guard !data.isEmpty else { throw .badRequest("the body is empty (send a JSON object)") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as APIError {
            throw error
        } catch let error as DecodingError {
            throw .badRequest(message(for: error))
        } catch {
            throw .badRequest("the body is not valid JSON (send a JSON object)")
        }
    }

    /// Refuses fields a request type does not know, with "did you mean" for a misspelling.
    static func rejectUnknownFields(in decoder: any Decoder, known: [String]) throws {
        guard let container = try? decoder.container(keyedBy: AnyKey.self) else {
            throw APIError.badRequest("the body must be a JSON object with the fields \(known.joined(separator: ", "))")
        }
        for key in container.allKeys where !known.contains(key.stringValue) {
            throw APIError.badRequest("unknown field \"\(key.stringValue)\" \(Suggestion.hint(for: key.stringValue, among: known))")
        }
    }

    static func message(for error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            return "field \"\(path(context))\" must be \(describe(type))"
        case .valueNotFound(let type, let context):
            return "field \"\(path(context))\" must be \(describe(type)), not null"
        case .keyNotFound(let key, let context):
            let field = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            return "field \"\(field)\" is required"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                if let underlying = context.underlyingError as? APIError { return underlying.description }
                return "the body is not valid JSON (send a JSON object)"
            }
            return "field \"\(path(context))\": \(context.debugDescription)"
        @unknown default:
            return "the body could not be read (send a JSON object)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is UInt64.Type: "a whole number"
        case is [String].Type, is [Any].Type: "a list of strings"
        default: "of another type (see docs/api.yaml)"
        }
    }
}
