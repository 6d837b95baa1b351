import ArgumentParser
import SaleReports

/// `--history previous.csv`, the same for every command that takes an earlier sale.
struct HistoryArgument: ParsableArguments {
    @Option(help: ArgumentHelp(
        "An earlier, similar sale (orders CSV or per-minute CSV), aligned with this one by minutes since the start.",
        valueName: "previous.csv"))
    var history: String?
}

/// `--target MONEY`, the same for every command that takes a target.
struct TargetArgument: ParsableArguments {
    @Option(help: ArgumentHelp("The revenue the sale should make by its end.", valueName: "MONEY"))
    var target: Double?

    func validate() throws {
        if let target, !(target > 0 && target.isFinite) { throw ValidationError("--target must be a positive amount") }
        if let target, target >= SalePlan.largestTarget { throw ValidationError("--target must be below 1e15") }
    }
}
