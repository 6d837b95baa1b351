/// A chart kind: a recipe of layers on a frame, rendered with `ChartOptions` to a deterministic
/// document. Callers holding any kind (the Lua `chart` functions, the commands' `--svg`) render
/// through this, or take `composed(for:)` to add layers of their own.
public protocol RenderableChart: Sendable {
    /// The chart as a frame and layers, checked, for `options` (some kinds word their summary
    /// or titles by the options' currency).
    func composed(for options: ChartOptions) throws(ChartError) -> Chart
}

extension RenderableChart {
    /// The chart drawn with `options`.
    public func render(_ options: ChartOptions = ChartOptions()) throws(ChartError) -> SVGDocument {
        try options.validate()
        return try composed(for: options).render(options)
    }
}
