import SaleData

/// ClickHouse's way (as of 18.16, Debian's) of writing the per-minute statement (`MinuteSQL`): on a
/// cluster (a `Distributed` table) each shard sums its own orders and only minutes come back.
///
/// ClickHouse 18.16's HTTP interface has no bound parameters, so values are written as literals:
/// strings with every quote, backslash and control byte escaped, numbers as Swift prints them.
/// Statements end in `FORMAT TabSeparated`.
struct ClickHouseMinuteSQL: MinuteSQLDialect {
    /// How the time column stores instants (a ClickHouse `DateTime` is always an instant).
    enum TimeKind: Sendable, Equatable {
        /// `DateTime` or `DateTime('zone')`: seconds since the epoch.
        case dateTime
        /// `DateTime64(precision[, 'zone'])` (servers from 20.1 on; 18.16 has no such type).
        case dateTime64
        /// A number of seconds since the epoch.
        case epochSeconds
    }

    /// How the amount column stores money.
    enum AmountKind: Sendable, Equatable {
        /// `Decimal(P, S)`: rounded to cents exactly, in 128-bit decimals.
        case decimal(scale: Int)
        /// An integer or floating-point number.
        case number
    }

    /// How the time column stores instants.
    let time: TimeKind
    /// How the amount column stores money.
    let amount: AmountKind

    var boundSlack: Int { 0 }
    var orderCount: String { "count()" }

    func write(_ value: SQLValue, parameters: inout [String]) -> String { value.clickHouseLiteral }

    func instant(_ seconds: Int, parameters: inout [String]) -> String {
        time == .epochSeconds ? String(seconds) : "toDateTime(\(min(max(seconds, 0), Int(UInt32.max))))"
    }

    func minute(of column: String) -> String {
        switch time {
        case .dateTime: return "intDiv(toUInt32(\(column)), 60)"
        case .dateTime64: return "intDiv(toUInt32(toDateTime(\(column))), 60)"
        case .epochSeconds: return "toInt64(floor(toFloat64(\(column)) / 60))"
        }
    }

    func centsSum(of amount: String) -> String {
        switch self.amount {
        case .decimal(let scale): return "sum(toInt64(round(toDecimal128(\(amount), \(scale)) * 100)))"
        case .number: return "sum(toInt64(round(\(amount) * 100)))"
        }
    }

    func currencyCode(of column: SQLIdentifier) -> String {
        "upper(replaceRegexpAll(ifNull(toString(\(column.quoted)), ''), '^ +| +$', ''))"
    }

    /// Decimal rates for a `Decimal` amount (exact, rounded half away from zero), else `Float64` ones.
    func rate(of code: String, _ conversion: CurrencyConversion, parameters: inout [String]) -> String {
        let number = { (text: String) in
            let literal = SQLValue.text(text).clickHouseLiteral
            return self.amount == .number ? "toFloat64(\(literal))" : "toDecimal128(\(literal), 12)"
        }
        let cases = conversion.codes.map { "\(code) = \(SQLValue.text($0.code).clickHouseLiteral), \(number($0.rate))" }
        return "multiIf(\(cases.joined(separator: ", ")), \(number("0")))"
    }

    func convertedCentsSum(of amount: String, rate: String) -> String {
        switch self.amount {
        case .decimal(let scale): return "sum(toInt64(round(toDecimal128(\(amount), \(scale)) * 100 * \(rate))))"
        case .number: return "sum(toInt64(round(\(amount) * 100 * \(rate))))"
        }
    }

    func unknownCode(_ code: String, _ conversion: CurrencyConversion, parameters: inout [String]) -> String {
        "anyIf(\(code), NOT has([\(conversion.codes.map { SQLValue.text($0.code).clickHouseLiteral }.joined(separator: ", "))], \(code)))"
    }

    func distinctCount(of column: String) -> String { "uniqExact(\(column))" }

    func groupName(of column: SQLIdentifier) -> String {
        let trimmed = "replaceRegexpAll(ifNull(toString(\(column.quoted)), ''), '^ +| +$', '')"
        return "if(\(trimmed) = '', '\(OrderGrouping.none)', \(trimmed))"
    }

    func select(_ columns: [(expression: String, name: String)]) -> String {
        columns.map(\.expression).joined(separator: ", ")
    }

    func groupAndOrder(by keys: [(expression: String, position: Int)]) -> String {
        let expressions = keys.map(\.expression).joined(separator: ", ")
        return "GROUP BY \(expressions) ORDER BY \(expressions) FORMAT TabSeparated"
    }
}

extension SQLValue {
    /// The value as a ClickHouse literal: a string with `'`, `\` and control bytes escaped, so that
    /// no text can end the literal; booleans as 1 and 0 (18.16 has no boolean type).
    var clickHouseLiteral: String {
        switch self {
        case .text(let text):
            var escaped = "'"
            for scalar in text.unicodeScalars {
                switch scalar {
                case "'": escaped += "\\'"
                case "\\": escaped += "\\\\"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    escaped += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return escaped + "'"
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .boolean(let value): return value ? "1" : "0"
        }
    }
}
