extension StringProtocol {
    /// The text without its leading and trailing blanks (spaces, tabs and other horizontal space;
    /// line breaks are kept), as CSV fields and option lists are read.
    public func trimmingSpaces() -> SubSequence {
        let isBlank = { (character: Character) in character.isWhitespace && !character.isNewline }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
