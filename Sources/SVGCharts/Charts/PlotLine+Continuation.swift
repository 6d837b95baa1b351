extension PlotLine {
    /// This forecast with the last actual value before its start prepended, so the line (or band
    /// edge) visibly continues the actual curve instead of starting one step later.
    func continuing(_ actual: [Double]) -> PlotLine {
        guard start > 0, start - 1 < actual.count, actual[start - 1].isFinite else { return self }
        return PlotLine(name: name, values: [actual[start - 1]] + values, start: start - 1)
    }
}
