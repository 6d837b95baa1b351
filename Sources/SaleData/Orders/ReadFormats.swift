/// The character between an amount's whole part and its decimals.
public enum DecimalMark: String, Sendable, CaseIterable {
    /// `1234.50` (no thousands separator).
    case point = "."
    /// `1234,50` or `1.234,50` (`.` separating thousands, in groups of three).
    case comma = ","
}

/// The order of day and month in numeric dates such as `01/02/2024 10:00` (year last).
public enum DateOrder: String, Sendable, CaseIterable {
    /// Day first: `29.11.2024 10:00`, `29/11/2024 10:00`.
    case dmy
    /// Month first: `11/29/2024 10:00`.
    case mdy
}

extension DecimalMark {
    /// `point` or `comma`, for messages.
    var name: String { self == .point ? "point" : "comma" }
    /// The other mark.
    var other: DecimalMark { self == .point ? .comma : .point }
}

extension DateOrder {
    /// `day-first` or `month-first`, for messages.
    var name: String { self == .dmy ? "day-first" : "month-first" }
    /// The other order.
    var other: DateOrder { self == .dmy ? .mdy : .dmy }
}

/// How a file writes amounts and dates: given in the options, or found in its rows.
struct ReadFormats: Sendable, Equatable {
    var decimal: DecimalMark?
    /// Line whose amount showed the decimal mark (nil when given or not yet known).
    var decimalLine: Int?
    var dates: DateOrder?
    /// Line whose time showed the date order (nil when given or not yet known).
    var datesLine: Int?

    /// Records the decimal mark a row shows, unless one is known.
    mutating func found(_ mark: DecimalMark, line: Int) {
        guard decimal == nil else { return }
        decimal = mark
        decimalLine = line
    }

    /// Records the date order a row shows, unless one is known.
    mutating func found(_ order: DateOrder, line: Int) {
        guard dates == nil else { return }
        dates = order
        datesLine = line
    }

    /// Whether two parts of one file agree wherever both found a format.
    func agrees(with other: ReadFormats) -> Bool {
        (decimal == nil || other.decimal == nil || decimal == other.decimal)
            && (dates == nil || other.dates == nil || dates == other.dates)
    }

    /// These formats, completed by what `other` found.
    func completed(by other: ReadFormats) -> ReadFormats {
        var result = self
        if result.decimal == nil {
            result.decimal = other.decimal
            result.decimalLine = other.decimalLine
        }
        if result.dates == nil {
            result.dates = other.dates
            result.datesLine = other.datesLine
        }
        return result
    }
}
