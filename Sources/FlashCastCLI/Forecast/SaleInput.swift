import ArgumentParser
import SaleData

/// The per-minute revenue a forecast command works on, read from an orders CSV export or from a
/// per-minute CSV (`minute,revenue,...`, as `flashcast aggregate` writes it), told apart by the header.
struct SaleInput {
    /// Revenue per step, labelled in the shop's zone.
    let revenue: Series
    /// What was read, for the log: `current_sale.csv: read 35943 rows: 35943 orders`.
    let summary: String
    /// The file's name, for messages.
    var fileName: String { String(summary.prefix { $0 != ":" }) }

    /// Reads `path`; an earlier sale (`asHistory`) is read without --from and --to (it has its own
    /// dates) and may be a per-minute file whatever options the orders of this sale need.
    ///
    /// Throws `ValidationError` for options that do not fit the kind of file, and the reader's own
    /// errors (`file:line:column: reason`) for bad data.
    static func load(_ path: String, reading: OrderReadingOptions, asHistory: Bool = false) throws -> SaleInput {
        let windowed = !asHistory
        let name = InputFile.name(path)
        guard Series.isMinuteCSV(path: path) else {
            let result = try OrdersReader.read(path: path, options: reading.readOptions(countCustomers: false, windowed: windowed))
            return try checked(SaleInput(revenue: result.table.revenue, summary: "\(name): \(result.report)"))
        }
        if !asHistory, reading.fields.map != nil || reading.currency != nil || reading.lenient {
            throw ValidationError("--map, --currency, --rates and --lenient are for orders CSV files, not '\(name)'")
        }
        var revenue = try Series.loadColumn("revenue", from: path, zone: reading.tz)
        if windowed, let window = try reading.window() {
            revenue = revenue.slice(fromMinute: window.lowerBound, toMinute: window.upperBound)
        }
        let unit = revenue.step == 1 ? "minutes" : "rows of \(revenue.step) minutes"
        return try checked(SaleInput(revenue: revenue, summary: "\(name): \(revenue.count) \(unit)"))
    }

    private static func checked(_ input: SaleInput) throws -> SaleInput {
        guard input.revenue.count > 0 else {
            throw InputError(description: input.fileName + ": no minutes to forecast from")
        }
        return input
    }

    /// Actual cumulative revenue from the first minute read.
    var cumulative: Series { revenue.cumsum() }
}

/// A problem with the data a command was given (exit status 1).
struct InputError: Error, CustomStringConvertible {
    let description: String
}
