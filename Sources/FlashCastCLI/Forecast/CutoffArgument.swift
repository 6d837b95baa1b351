import ArgumentParser
import SaleData

/// `--cutoff T`: the last observed minute, as a 0-based row index (`1439`) or a time (`2021-11-12T09:00`).
enum CutoffArgument: ExpressibleByArgument, Equatable {
    case index(Int)
    case time(String)

    init?(argument: String) {
        if let index = Int(argument) {
            guard index >= 0 else { return nil }
            self = .index(index)
        } else {
            guard ShopZone.utc.minute(ofTimeOrDate: argument) != nil else { return nil }
            self = .time(argument)
        }
    }

    /// The 0-based index of the cutoff in `series`; a time is read in the series' zone.
    func index(in series: Series, file: String) throws -> Int {
        let last = series.count - 1
        let range = "rows 0 to \(last), \(series.label(at: 0)) to \(series.label(at: last))"
        switch self {
        case .index(let index):
            guard index <= last else { throw ValidationError("--cutoff \(index) is outside '\(file)' (\(range))") }
            return index
        case .time(let text):
            guard let minute = series.zone.minute(ofTimeOrDate: text) else {
                throw ValidationError("--cutoff is not a row index or a time: '\(text)'")
            }
            guard let index = series.index(ofMinute: minute) else {
                throw ValidationError("--cutoff \(text) is outside '\(file)' (\(range))")
            }
            return index
        }
    }
}
