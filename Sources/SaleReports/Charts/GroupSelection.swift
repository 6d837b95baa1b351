import NumberText

/// Which groups a grouped chart draws on their own when it has more than it can show readably: the
/// largest, or the first in the order given; the rest are summed into one more (`4,989 others`).
public struct GroupSelection: Sendable, Equatable {
    /// How the groups drawn on their own are picked.
    public enum Pick: String, Sendable, CaseIterable {
        /// The largest: by revenue (of a grouped forecast, by the expected total at its end).
        case largest
        /// The first in the order given (a list ordered by `forecast.warning`'s verdicts: the most behind).
        case first
    }

    /// Groups drawn on their own at most.
    public var show: Int
    /// How they are picked.
    public var pick: Pick

    /// The most groups a chart draws on their own (20 rows of 3 panels): beyond, no chart is readable.
    public static let most = 60
    /// Panels of small multiples by default: one screen of panels, the last summing the others.
    public static let panels = GroupSelection(show: 11)
    /// Layers of a stack by default: one palette colour each, the others in grey.
    public static let layers = GroupSelection(show: 7)

    /// Draws at most `show` groups on their own, picked by `pick`.
    public init(show: Int, pick: Pick = .largest) {
        self.show = show
        self.pick = pick
    }

    /// The positions (in the order given) of the groups drawn on their own and of the others, of
    /// groups whose sizes are `sizes` (NaN: the smallest). All are drawn when at most one is left over:
    /// summing one group into "others" would only hide its name.
    func split(sizes: [Double]) -> (shown: [Int], others: [Int]) {
        guard sizes.count > show + 1 else { return (Array(sizes.indices), []) }
        let chosen: Set<Int>
        switch pick {
        case .first:
            chosen = Set(0..<show)
        case .largest:
            let size = { (index: Int) in sizes[index].isNaN ? -Double.infinity : sizes[index] }
            chosen = Set(sizes.indices.sorted { (size($0), $1) > (size($1), $0) }.prefix(show))
        }
        return (sizes.indices.filter { chosen.contains($0) }, sizes.indices.filter { !chosen.contains($0) })
    }

    /// What a chart of `total` groups showing `shown` says about the rest: `the 11 largest of 5,000
    /// groups by revenue; 4,989 others summed`.
    func note(shown: Int, total: Int, measure: String, others: String) -> String {
        let few = shown == 1 ? "" : " \(shown)"
        let picked = pick == .largest ? "the\(few) largest of \(count(total)) groups \(measure)"
            : "the first\(few) of \(count(total)) groups"
        return "\(picked); \(count(total - shown)) others \(others)"
    }

    /// The name of the group summing the others: `4,989 others`.
    static func othersName(_ count: Int) -> String { "\(Self.count(count)) others" }

    private static func count(_ value: Int) -> String { NumberFormat.grouped(Double(value)) }
    private func count(_ value: Int) -> String { Self.count(value) }
}
