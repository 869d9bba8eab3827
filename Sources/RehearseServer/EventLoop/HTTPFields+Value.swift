import HTTPTypes

extension HTTPFields {
    /// The value of the field `name`, as the subscript gives it (fields of the same name
    /// joined with commas), without building the joined text when there is only one: the
    /// subscript joins even a single value, which showed in the daemon's profile (each hot
    /// request reads two or three fields).
    func value(of name: HTTPField.Name) -> String? {
        var found: String?
        for field in self where field.name == name {
            if found != nil { return self[name] }
            found = field.value
        }
        return found
    }
}
