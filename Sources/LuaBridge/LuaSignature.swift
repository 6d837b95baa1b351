/// Reads what a documented signature returns, so help text and completion data have one source.
enum LuaSignature {
    /// The class name after `->` when it names one (`Series` in `s:cumsum() -> Series`), or
    /// `receiverClass` when the signature returns its receiver (`c` in `c:line(values) -> c`).
    static func returnedClass(_ signature: String, receiverClass: String? = nil) -> String? {
        let characters = Array(signature)
        guard let arrow = characters.indices.dropLast().first(where: { characters[$0] == "-" && characters[$0 + 1] == ">" })
        else { return nil }
        let name = String(characters[(arrow + 2)...].drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        guard let first = name.first else { return nil }
        if first.isUppercase { return name }
        let receiver = characters.prefix { $0 != ":" && $0 != "(" }
        guard let receiverClass, receiver.count < characters.count, characters[receiver.count] == ":",
              String(receiver) == name else { return nil }
        return receiverClass
    }
}
