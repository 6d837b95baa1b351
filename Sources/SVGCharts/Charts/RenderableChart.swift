/// A chart kind: it renders with `ChartOptions` to a deterministic document. Callers holding any
/// kind (the Lua `chart` functions, the commands' `--svg`) render through this.
public protocol RenderableChart: Sendable {
    /// The chart drawn with `options`.
    func render(_ options: ChartOptions) throws(ChartError) -> SVGDocument
}
