import LuaBridge
import SVGCharts

/// `chart.loss`: `{train = ..., validation = ...}` (`training` is accepted for `train`), or a list of losses.
enum LossChartKind: LuaChartKind {
    static let name = "loss"
    static let signature = "chart.loss(history [, options]) -> Chart"
    static let summary = """
        Train and validation loss per epoch, best epoch marked: {train=, validation=}, the history model:fit \
        returns ({train=, val=}) or a list of losses; \
        option log=true for a log scale.
        """

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        if data.isNumberSequence { return LossChart(train: try data.call.numbers(data.index)) }
        var train = try data.numbers("train")
        if train == nil { train = try data.numbers("training") }
        guard let train else { throw data.error("train", "table expected, got nil") }
        var validation = try data.numbers("validation")
        if validation == nil { validation = try data.numbers("val") }  // the history model:fit returns
        return LossChart(train: train, validation: validation ?? [])
    }
}
