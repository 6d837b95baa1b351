/// The groups' revenue rate stacked: each group a coloured layer from the sum of the groups below
/// it to the sum including it, so the top edge is the total; a line marks the total.
public struct StackedChart: RenderableChart {
    /// Each group's revenue per step, bottom first; same start, step and length.
    public var groups: [TimedSeries]
    /// The groups not drawn on their own, summed: the top layer, in grey.
    public var others: TimedSeries?
    /// The value axis title.
    public var yTitle: String

    /// A stack of `groups` (bottom first) and `others` on top; `yTitle` defaults to `revenue per N
    /// minutes` of their step.
    public init(groups: [TimedSeries], others: TimedSeries? = nil, yTitle: String? = nil) {
        self.groups = groups
        self.others = others
        let step = (groups.first ?? others)?.stepMinutes ?? 1
        self.yTitle = yTitle ?? (step == 1 ? "revenue per minute" : step == 60 ? "revenue per hour" : "revenue per \(step) minutes")
    }

    /// The others' layer: a mid grey that reads as "the rest" on either theme without outweighing the groups.
    static let othersGrey = Paint.fixed("#a0a0a0")

    public func composed(for options: ChartOptions) throws(ChartError) -> Chart {
        let layers = groups + (others.map { [$0] } ?? [])
        guard let first = layers.first else { throw ChartError("stacked chart has no groups") }
        for group in layers where group.startMinute != first.startMinute || group.stepMinutes != first.stepMinutes
            || group.values.count != first.values.count {
            throw ChartError("group '\(group.name)' is not on the times of '\(first.name)' (same start, step and length expected)")
        }
        var chart = Chart(kind: "stacked chart", yTitle: yTitle, zero: .always,
                          summary: "Revenue rate of \(layers.count) groups stacked: " + layers.map(\.name).joined(separator: ", "))
        var below = [Double](repeating: 0, count: first.values.count)
        for (index, group) in layers.enumerated() {
            let above = zip(below, group.values).map { $0 + ($1.isNaN ? 0 : $1) }
            chart.add(.band(lower: TimedSeries(name: group.name, startMinute: first.startMinute, stepMinutes: first.stepMinutes, values: below),
                            upper: TimedSeries(name: group.name, startMinute: first.startMinute, stepMinutes: first.stepMinutes, values: above),
                            label: group.name, paint: index < groups.count ? .palette(index) : Self.othersGrey, opacity: 0.7))
            below = above
        }
        chart.add(.line(TimedSeries(name: "total", startMinute: first.startMinute, stepMinutes: first.stepMinutes, values: below),
                        paint: .text, width: 1.2))
        return chart
    }
}
