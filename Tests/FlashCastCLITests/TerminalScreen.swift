/// What a terminal shows for a stream of output bytes: lines of text after carriage returns,
/// backspaces, column moves and line erasures, so tests read the screen rather than the bytes.
///
/// Enough of a VT100 for a line editor: `\r`, `\n`, `\b`, BEL, `ESC[nG`, `ESC[nC`, `ESC[nD`,
/// `ESC[K`; other escape sequences are dropped. Lines never scroll away.
struct TerminalScreen {
    private(set) var lines: [[Character]] = [[]]
    private var column = 0

    /// Renders `output` from an empty screen.
    init(_ output: [UInt8]) {
        var characters = Array(String(decoding: output, as: UTF8.self))[...]
        while let character = characters.popFirst() {
            if character == "\u{1B}" {
                apply(escape: &characters)
            } else {
                put(character)
            }
        }
    }

    /// The screen as text, one `\n` between lines.
    var text: String { lines.map { String($0) }.joined(separator: "\n") }

    private mutating func put(_ character: Character) {
        switch character {
        case "\r": column = 0
        case "\n": lines.append([])
        case "\r\n":  // one Character in Swift
            column = 0
            lines.append([])
        case "\u{8}": column = max(column - 1, 0)
        case "\u{7}": break
        default: write(character)
        }
    }

    private mutating func write(_ character: Character) {
        let row = lines.count - 1
        if column >= lines[row].count {
            lines[row] += Array(repeating: " ", count: column - lines[row].count) + [character]
        } else {
            lines[row][column] = character
        }
        column += 1
    }

    /// Applies the escape sequence after an ESC: a CSI (`[`, parameters, a final letter) or one character.
    private mutating func apply(escape characters: inout ArraySlice<Character>) {
        guard characters.first == "[" else {
            _ = characters.popFirst()
            return
        }
        characters.removeFirst()
        var parameter = ""
        while let next = characters.first, next.isNumber || next == ";" || next == "?" {
            parameter.append(next)
            characters.removeFirst()
        }
        let count = Int(parameter) ?? 1
        switch characters.popFirst() {
        case "G": column = max(count - 1, 0)
        case "C": column += count
        case "D": column = max(column - count, 0)
        case "K" where parameter.isEmpty || parameter == "0":
            let row = lines.count - 1
            if column < lines[row].count { lines[row].removeSubrange(column...) }
        default: break
        }
    }
}
