/// Reads the data rows of one orders file (or one part of it) into a `MinuteAccumulator`.
///
/// One instance per thread. It keeps the line count, so errors can name `file:line:column`.
struct OrderScanner {
    let file: String
    let layout: ColumnLayout
    let options: OrdersReadOptions
    private let splitter: RowSplitter
    private var times: TimestampParser
    private var currencies = CurrencyCache()
    private let excluded: [[UInt8]]
    /// 1-based line number of the next row.
    private(set) var line: Int
    /// The orders counted so far (its settings, such as `forgetsPastCustomers`, are the reader's to set).
    var accumulator = MinuteAccumulator()
    private(set) var report = ReadReport()
    /// Bytes of the last buffer scanned that held complete rows (rows before a bad one, after an error).
    private(set) var consumed = 0
    /// The decimal mark and date order: given, or found in the rows so far.
    private(set) var formats: ReadFormats
    /// Set when a row's amount or date could not settle the format alone (`1.234`, `01/02/2024 10:00`):
    /// looking through the whole file (`detectOnly`) may settle it.
    private(set) var metAmbiguity = false
    /// Only look for the formats: nothing is added and no row fails.
    var detectOnly = false
    /// Each group's orders, when the read is grouped.
    var groups: GroupAccumulators?

    init(file: String, layout: ColumnLayout, delimiter: UInt8, options: OrdersReadOptions, firstLine: Int) {
        self.file = file
        self.layout = layout
        self.options = options
        splitter = RowSplitter(delimiter: delimiter)
        times = TimestampParser(zone: options.zone, dates: options.dates)
        formats = ReadFormats(decimal: options.decimal, dates: options.dates)
        excluded = options.excludedStatuses.map { Array($0.lowercased().utf8) }
        line = firstLine
    }

    /// Reads every complete row in `p[0..<n]`, setting `consumed`.
    ///
    /// A row not complete before `n` is left for the next call unless `atEnd`. In strict mode the
    /// first bad row throws; `consumed` then tells where that row starts.
    mutating func scan(_ p: UnsafeMutablePointer<UInt8>, count n: Int, atEnd: Bool) throws(OrdersError) {
        let capacity = layout.fieldCount + 1
        let spans = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: capacity)
        defer { spans.deallocate() }
        var special = SpecialBytes()
        var i = 0
        consumed = 0
        while i < n, let end = splitter.row(p, from: i, count: n, atEnd: atEnd, spans: spans, special: &special) {
            if !(end.fields == 1 && spans[0].start == spans[0].end && end.problem == nil) {
                if let problem = end.problem?.problem ?? fieldCountProblem(end.fields) {
                    if !detectOnly {
                        try fail(problem, column: end.problem == nil ? min(end.fields, layout.fieldCount) + 1
                                                                     : end.problemField + 1)
                    }
                } else {
                    try process(p, spans)
                }
                report.rows += 1
            }
            line += end.lineBreaks
            i = end.next
            consumed = i
        }
    }

    /// Takes the formats found by looking through the file; only for a scanner that has read nothing.
    mutating func settle(_ found: ReadFormats) {
        formats = formats.completed(by: found)
        if let dates = formats.dates { times.settle(dates) }
    }

    /// The report, with the formats found in the file.
    var fullReport: ReadReport {
        var full = report
        full.note(formats, given: options)
        return full
    }

    /// Whether looking for the formats can stop.
    var isSettled: Bool { formats.decimal != nil && formats.dates != nil }

    private func fieldCountProblem(_ fields: Int) -> OrdersProblem? {
        fields == layout.fieldCount ? nil : .fieldCount(got: fields, expected: layout.fieldCount)
    }

    private mutating func process(_ p: UnsafeMutablePointer<UInt8>,
                                  _ spans: UnsafeMutableBufferPointer<FieldSpan>) throws(OrdersError) {
        if detectOnly { return detect(p, spans) }
        if let status = layout.status, let name = excludedStatus(field(p, spans, status)) {
            report.excluded[name, default: 0] += 1
            return
        }
        var id: UInt64?
        if let column = layout.orderID {
            let (start, length) = field(p, spans, column)
            guard length > 0 else { return try fail(.missing("order id"), column: column + 1) }
            id = OrderIDSet.key(start, length)
        }
        let (timeStart, timeLength) = field(p, spans, layout.time)
        guard timeLength > 0 else { return try fail(.missing("order time"), column: layout.time + 1) }
        let time = times.seconds(timeStart, count: timeLength)
        if let found = times.dates { formats.found(found, line: line) }
        guard let seconds = time else {
            let value = text(timeStart, timeLength)
            switch times.lastDateProblem {
            case .ambiguous?: return try failAlways(.ambiguousDate(value), column: layout.time + 1)
            case .otherOrder(let order)?:
                return try failAlways(.otherDateOrder(value, order, line: formats.datesLine ?? line), column: layout.time + 1)
            case nil: return try fail(.badTime(value), column: layout.time + 1)
            }
        }
        guard let cents = try amount(p, spans) else { return }
        let minute = seconds.floorDiv(60)
        if let window = options.window, !window.contains(minute) {
            report.outsideWindow += 1
            return
        }
        var customer: UInt64?
        if options.countCustomers, let column = layout.customer {
            let (start, length) = field(p, spans, column)
            customer = hashBytes(start, length)
        }
        if accumulator.add(minute: minute, cents: cents, id: id, customer: customer) {
            report.orders += 1
            if groups != nil, let group = try groupIndex(p, spans) {
                groups?.add(group, minute: minute, cents: cents, customer: customer)
            }
        } else {
            report.duplicates += 1
            let (start, length) = field(p, spans, layout.orderID ?? 0)
            report.note("\(file):\(line):\((layout.orderID ?? 0) + 1): order id '\(text(start, length))' seen before",
                        under: "duplicate order id")
        }
    }

    /// The index of the row's group (nil when the read is not grouped); the group limit or a failing
    /// grouping function stops the read, even a lenient one.
    private mutating func groupIndex(_ p: UnsafeMutablePointer<UInt8>,
                                     _ spans: UnsafeMutableBufferPointer<FieldSpan>) throws(OrdersError) -> Int? {
        guard var groups else { return nil }
        defer { self.groups = groups }
        let found: Int?
        let value: String
        switch groups.source {
        case .column(let column):
            let (start, length) = field(p, spans, column)
            if length == 0 {
                value = OrderGrouping.none
                found = groups.index(of: value)
            } else {
                found = groups.index(of: start, count: length)
                value = found == nil ? text(start, length) : ""
            }
        case .function(let function, let names):
            let row = OrderRow(names: names, values: (0..<layout.fieldCount).map { index in
                let (start, length) = field(p, spans, index)
                return String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
            }, file: file, line: line)
            do {
                value = try function(row) ?? ""
            } catch {
                groups.failure = error
                throw OrdersError(file: file, line: line, column: 1, reason: "the grouping function failed")
            }
            found = groups.index(of: value)
        }
        guard let found else {
            try failAlways(.tooManyGroups(value, limit: groups.grouping.maxGroups, by: groups.grouping.label), column: 1)
            return nil
        }
        return found
    }

    /// The row's amount in reporting cents, or nil when the row was skipped.
    private mutating func amount(_ p: UnsafeMutablePointer<UInt8>,
                                 _ spans: UnsafeMutableBufferPointer<FieldSpan>) throws(OrdersError) -> Int64? {
        let column = layout.amount
        let (start, length) = field(p, spans, column)
        guard length > 0 else { try fail(.missing("amount"), column: column + 1); return nil }
        let mark: DecimalMark
        if let known = formats.decimal {
            mark = known
        } else {
            switch AmountParser.evidence(start, count: length) {
            case .only(let found):
                formats.found(found, line: line)
                mark = found
            case .ambiguous: try failAlways(.ambiguousAmount(text(start, length)), column: column + 1); return nil
            case .either, .neither: mark = .point
            }
        }
        let value: AmountParser.Decimal
        switch AmountParser.parse(start, count: length, mark: mark) {
        case .success(let decimal) where !decimal.negative: value = decimal
        case .success: try fail(.negativeAmount(text(start, length)), column: column + 1); return nil
        case .failure: try fail(.tooLargeAmount(text(start, length)), column: column + 1); return nil
        case nil:
            if options.decimal == nil, AmountParser.evidence(start, count: length) == .only(mark.other) {
                try failAlways(.otherDecimal(text(start, length), mark.other, line: formats.decimalLine ?? line),
                               column: column + 1)
            } else {
                try fail(.badAmount(text(start, length)), column: column + 1)
            }
            return nil
        }
        var rate = 1.0
        if let currencyColumn = layout.currency {
            let (codeStart, codeLength) = field(p, spans, currencyColumn)
            guard let known = currencies.rate(codeStart, codeLength, options.rates) else {
                try fail(.unknownCurrency(text(codeStart, codeLength)), column: currencyColumn + 1)
                return nil
            }
            rate = known
        }
        return AmountParser.cents(value, rate: rate)
    }

    /// Throws even in lenient mode: the file's format is in question, not one row.
    private mutating func failAlways(_ problem: OrdersProblem, column: Int) throws(OrdersError) {
        if case .ambiguousAmount = problem { metAmbiguity = true }
        if case .ambiguousDate = problem { metAmbiguity = true }
        throw OrdersError(file: file, line: line, column: column, reason: problem.message)
    }

    /// Notes the formats a row shows, for `detectOnly`.
    private mutating func detect(_ p: UnsafeMutablePointer<UInt8>, _ spans: UnsafeMutableBufferPointer<FieldSpan>) {
        let (timeStart, timeLength) = field(p, spans, layout.time)
        _ = times.seconds(timeStart, count: timeLength)
        if let found = times.dates { formats.found(found, line: line) }
        let (start, length) = field(p, spans, layout.amount)
        if formats.decimal == nil, case .only(let found) = AmountParser.evidence(start, count: length) {
            formats.found(found, line: line)
        }
    }

    /// Throws in strict mode; counts and keeps an example in lenient mode.
    private mutating func fail(_ problem: OrdersProblem, column: Int) throws(OrdersError) {
        let error = OrdersError(file: file, line: line, column: column, reason: problem.message)
        guard options.lenient else { throw error }
        report.skip(error, reason: problem.reason)
    }

    private func excludedStatus(_ value: (UnsafeMutablePointer<UInt8>, Int)) -> String? {
        let (start, length) = value
        for name in excluded where name.count == length {
            var equal = true
            for k in 0..<length where start[k] | 0x20 != name[k] | 0x20 { equal = false; break }
            if equal { return String(decoding: name, as: UTF8.self) }
        }
        return nil
    }

    /// A field's bytes, spaces trimmed and doubled quotes collapsed (in place).
    @inline(__always)
    private func field(_ p: UnsafeMutablePointer<UInt8>, _ spans: UnsafeMutableBufferPointer<FieldSpan>,
                       _ index: Int) -> (UnsafeMutablePointer<UInt8>, Int) {
        var span = spans[index]
        if span.escaped {
            var write = span.start
            var read = span.start
            while read < span.end {
                p[write] = p[read]
                read += p[read] == UInt8(ascii: "\"") ? 2 : 1
                write += 1
            }
            span.end = write
            span.escaped = false
            spans[index] = span
        }
        while span.start < span.end, p[span.start] == 32 { span.start += 1 }
        while span.end > span.start, p[span.end - 1] == 32 { span.end -= 1 }
        return (p + span.start, span.end - span.start)
    }

    /// A field's text for a message, cut at 40 characters.
    private func text(_ start: UnsafeMutablePointer<UInt8>, _ length: Int) -> String {
        let value = String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
        return value.count > 40 ? String(value.prefix(40)) + "..." : value
    }
}
