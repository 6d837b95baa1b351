import SaleData

/// The per-minute aggregation in ClickHouse's SQL (as of 18.16, Debian's): minutes cut and summed
/// with GROUP BY, so that on a cluster (a `Distributed` table) each shard sums its own orders and
/// only minutes come back.
///
/// ClickHouse 18.16's HTTP interface has no bound parameters, so values are written as literals:
/// strings with every quote, backslash and control byte escaped, numbers as Swift prints them.
/// Identifiers are the checked plain names, double-quoted.
struct ClickHouseMinuteSQL {
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

    /// The statement text, ending in `FORMAT TabSeparated`.
    let text: String

    /// The statement for a query over minutes `from...through` (nil bounds are open); rows are
    /// `minute, cents, orders, customers` (and the group's name with `query.group`), ordered by
    /// group and minute.
    init(_ query: MinuteQuery, time: TimeKind, amount: AmountKind, from: Int?, through: Int?) {
        let column = query.time.quoted
        let minute: String
        let bound: (Int) -> String
        switch time {
        case .dateTime:
            minute = "intDiv(toUInt32(\(column)), 60)"
            bound = { "toDateTime(\(min(max($0, 0), Int(UInt32.max))))" }
        case .dateTime64:
            minute = "intDiv(toUInt32(toDateTime(\(column))), 60)"
            bound = { "toDateTime(\(min(max($0, 0), Int(UInt32.max))))" }
        case .epochSeconds:
            minute = "toInt64(floor(toFloat64(\(column)) / 60))"
            bound = { String($0) }
        }
        let cents: String
        switch amount {
        case .decimal(let scale): cents = "toInt64(round(toDecimal128(\(query.amount.quoted), \(scale)) * 100))"
        case .number: cents = "toInt64(round(\(query.amount.quoted) * 100))"
        }
        var conditions = ["\(column) IS NOT NULL"]
        if let from { conditions.append("\(column) >= \(bound(from * 60))") }
        if let through { conditions.append("\(column) < \(bound((through + 1) * 60))") }
        if !query.filter.conditions.isEmpty { conditions.append(query.filter.sql(writing: \.clickHouseLiteral)) }
        let customers = query.customer.map { "uniqExact(\($0.quoted))" } ?? "0"
        var keys = [minute]
        var group = ""
        if let column = query.group {
            let trimmed = "replaceRegexpAll(ifNull(toString(\(column.quoted)), ''), '^ +| +$', '')"
            let name = "if(\(trimmed) = '', '\(OrderGrouping.none)', \(trimmed))"
            group = ", " + name
            keys.insert(name, at: 0)
        }
        text = """
            SELECT \(minute), sum(\(cents)), count(), \(customers)\(group) \
            FROM \(query.table.quoted) WHERE \(conditions.joined(separator: " AND ")) \
            GROUP BY \(keys.joined(separator: ", ")) ORDER BY \(keys.joined(separator: ", ")) FORMAT TabSeparated
            """
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
