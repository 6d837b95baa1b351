import Glibc
import Synchronization

/// A one-line progress bar on standard error, redrawn in place: `training [######------]  52%`.
public final class ProgressBar: Sendable {
    /// The words before the bar.
    public let label: String
    /// False draws nothing (standard error is not a terminal, or the user said so).
    public let enabled: Bool
    /// The percent drawn last, -1 before the first.
    private let shown = Mutex(-1)
    /// Characters between the brackets.
    public static let width = 24

    /// A bar named `label`, drawn only when `enabled`.
    public init(_ label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    /// True when standard error is a terminal, where a redrawn line reads well.
    public static var terminalAttached: Bool { isatty(STDERR_FILENO) != 0 }

    /// Draws the bar at `fraction` (0...1) if it moved by a whole percent.
    public func show(_ fraction: Double) {
        guard enabled, fraction.isFinite else { return }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        let moved = shown.withLock { drawn in
            guard drawn != percent else { return false }
            drawn = percent
            return true
        }
        guard moved else { return }
        let filled = percent * Self.width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.width - filled)
        let percentText = String(repeating: " ", count: 3 - String(percent).count) + "\(percent)%"
        Self.write("\r\(label) [\(bar)] \(percentText)")
    }

    /// Clears the bar's line, if one was drawn.
    public func finish() {
        guard enabled, shown.withLock({ $0 >= 0 }) else { return }
        Self.write("\r" + String(repeating: " ", count: label.count + Self.width + 8) + "\r")
    }

    /// Writes `text` to standard error as it is.
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = Glibc.write(STDERR_FILENO, &bytes, bytes.count)
    }
}
