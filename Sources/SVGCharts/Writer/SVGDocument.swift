import SafeOutput

/// A rendered chart: its SVG text plus what it is, ready to save.
public struct SVGDocument: Sendable, CustomStringConvertible {
    /// The chart kind, e.g. `forecast`.
    public let kind: String
    /// Width in pixels.
    public let width: Double
    /// Height in pixels.
    public let height: Double
    /// The complete SVG file, UTF-8 text ending in a newline.
    public let text: String

    /// `chart(forecast, 800x450)`.
    public var description: String {
        "chart(\(kind), \(DecimalFormat.coordinate(width))x\(DecimalFormat.coordinate(height)))"
    }

    /// Writes the SVG to `path` atomically: a temporary file in the same folder, then a rename.
    public func save(to path: String) throws(ChartError) {
        do throws(OutputError) { try OutputFile.write(text.utf8, to: path) } catch { throw ChartError(error.description) }
    }
}
