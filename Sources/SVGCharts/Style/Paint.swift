/// A layer's colour: a palette entry, one of the theme's roles, or a fixed CSS colour.
public enum Paint: Sendable, Equatable {
    /// Palette colour `index` (0 is the first), wrapping around.
    case palette(Int)
    /// The colour of actual values (black on light, near-white on dark).
    case actual
    /// The colour of secondary text and reference lines.
    case muted
    /// The colour of alerts and events (vermillion).
    case alert
    /// The colour of titles and labels.
    case text
    /// A fixed colour such as `#cc0000` (`Paint.named` checks the text).
    case fixed(String)

    /// A colour from its Lua or option text: `actual`, `muted`, `alert`, `text`, or `#rgb`/`#rrggbb`.
    public static func named(_ text: String) -> Paint? {
        switch text {
        case "actual": return .actual
        case "muted": return .muted
        case "alert": return .alert
        case "text": return .text
        default:
            let hex = text.dropFirst()
            guard text.hasPrefix("#"), [3, 6].contains(hex.count), hex.allSatisfy(\.isHexDigit) else { return nil }
            return .fixed(text)
        }
    }

    /// The colour in `theme`.
    func color(in theme: Theme) -> String {
        switch self {
        case .palette(let index): theme.color(index)
        case .actual: theme.actual
        case .muted: theme.mutedText
        case .alert: theme.alert
        case .text: theme.text
        case .fixed(let color): color
        }
    }

    /// The palette index, for palette colours.
    var paletteIndex: Int? {
        if case .palette(let index) = self { index } else { nil }
    }
}
