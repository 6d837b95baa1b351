/// Colours of a chart's chrome and its data palette.
public struct Theme: Sendable, Equatable {
    /// The theme's name as options spell it: `light` or `dark`.
    public let name: String
    /// Page background.
    let background: String
    /// Titles and labels.
    let text: String
    /// Subtitles, tick labels and annotations.
    let mutedText: String
    /// Grid lines.
    let grid: String
    /// Axis lines and ticks.
    let axis: String
    /// The reference line for actual values (black on light, near-white on dark).
    let actual: String
    /// Series colours in order; Okabe-Ito, safe for the common colour-vision deficiencies.
    let palette: [String]
    /// Opacity of interval bands.
    let bandOpacity: Double

    /// Black text on white.
    public static let light = Theme(
        name: "light", background: "#ffffff", text: "#1b1b1b", mutedText: "#555555", grid: "#e5e5e5",
        axis: "#8c8c8c", actual: "#1b1b1b",
        palette: ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"],
        bandOpacity: 0.22)

    /// Light text on a near-black background.
    public static let dark = Theme(
        name: "dark", background: "#15171c", text: "#eeeeee", mutedText: "#a9adb5", grid: "#2b2f37",
        axis: "#6b717c", actual: "#eeeeee",
        palette: ["#56B4E9", "#E69F00", "#009E73", "#F0E442", "#CC79A7", "#D55E00", "#0072B2"],
        bandOpacity: 0.3)

    /// The theme called `name`, if any.
    public static func named(_ name: String) -> Theme? {
        [light, dark].first { $0.name == name }
    }

    /// The palette colour for series number `index`, wrapping around.
    func color(_ index: Int) -> String { palette[index.floorMod(palette.count)] }

    /// Whether series number `index` is drawn dashed: once the palette has wrapped around, so no
    /// two of the first lines look alike.
    func dashed(_ index: Int) -> Bool { (index / palette.count) % 2 == 1 }

    /// The colour that marks alerts and events: Okabe-Ito vermillion.
    var alert: String { "#D55E00" }
}
