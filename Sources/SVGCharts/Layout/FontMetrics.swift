/// Text widths for DejaVu Sans, the font charts ask for first and the one librsvg uses on Linux.
///
/// Advance widths are in thousandths of an em, read from DejaVuSans.ttf and DejaVuSans-Bold.ttf.
enum FontMetrics {
    /// Widths of the printable ASCII characters 32...126.
    private static let regular: [UInt16] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
        636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775,
        752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
        337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]
    private static let bold: [UInt16] = [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696,
        696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821,
        837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457,
        365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ]
    /// A few non-ASCII characters charts commonly show: minus, euro, pound, middle dot, dashes.
    private static let extra: [Unicode.Scalar: UInt16] = [
        "\u{2212}": 838, "\u{20AC}": 636, "\u{00A3}": 636, "\u{00B7}": 318, "\u{2013}": 500, "\u{2014}": 1000,
        "\u{00A0}": 318, "\u{2009}": 200, "\u{2026}": 1000,
    ]

    /// The rendered width of `text` at `size` pixels; unknown characters count as one em,
    /// so labels are never placed too tightly.
    static func width(_ text: String, size: Double, bold isBold: Bool = false) -> Double {
        let table = isBold ? bold : regular
        var units = 0
        for scalar in text.unicodeScalars {
            let code = Int(scalar.value)
            if code >= 32 && code <= 126 {
                units += Int(table[code - 32])
            } else {
                units += Int(extra[scalar] ?? 1000)
            }
        }
        return Double(units) * size / 1000
    }

    /// `text` if it fits in `maxWidth`, else its longest prefix that fits with an ellipsis added.
    static func fitted(_ text: String, size: Double, bold: Bool = false, maxWidth: Double) -> String {
        guard width(text, size: size, bold: bold) > maxWidth else { return text }
        var kept = Substring(text)
        while !kept.isEmpty && width(kept.trimmingTrailingSpaces + "\u{2026}", size: size, bold: bold) > maxWidth {
            kept = kept.dropLast()
        }
        return kept.isEmpty ? "" : kept.trimmingTrailingSpaces + "\u{2026}"
    }
}

extension Substring {
    /// This text without trailing spaces.
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
