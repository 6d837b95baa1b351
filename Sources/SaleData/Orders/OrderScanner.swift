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
    private(set) var accumulator = MinuteAccumulator()
    private(set) var report = ReadReport()
    /// Bytes of the last buffer scanned that held complete rows (rows before a bad one, after an error).
    private(set) var consumed = 0

    init(file: String, layout: ColumnLayout, delimiter: UInt8, options: OrdersReadOptions, firstLine: Int) {
        self.file = file
        self.layout = layout
        self.options = options
        splitter = RowSplitter(delimiter: delimiter)
        times = TimestampParser(zone: options.zone)
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
        var i = 0
        consumed = 0
        while i < n, let end = splitter.row(p, from: i, count: n, atEnd: atEnd, spans: spans) {
            if !(end.fields == 1 && spans[0].start == spans[0].end && end.problem == nil) {
                if let problem = end.problem?.problem ?? fieldCountProblem(end.fields) {
                    try fail(problem, column: end.problem == nil ? min(end.fields, layout.fieldCount) + 1
                                                                 : end.problemField + 1)
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

    private func fieldCountProblem(_ fields: Int) -> OrdersProblem? {
        fields == layout.fieldCount ? nil : .fieldCount(got: fields, expected: layout.fieldCount)
    }

    private mutating func process(_ p: UnsafeMutablePointer<UInt8>,
                                  _ spans: UnsafeMutableBufferPointer<FieldSpan>) throws(OrdersError) {
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
        guard let seconds = times.seconds(timeStart, count: timeLength) else {
            return try fail(.badTime(text(timeStart, timeLength)), column: layout.time + 1)
        }
        guard let cents = try amount(p, spans) else { return }
        let minute = CivilTime.floorDiv(seconds, 60)
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
        } else {
            report.duplicates += 1
            let (start, length) = field(p, spans, layout.orderID ?? 0)
            report.note("\(file):\(line):\((layout.orderID ?? 0) + 1): order id '\(text(start, length))' seen before",
                        under: "duplicate order id")
        }
    }

    /// The row's amount in reporting cents, or nil when the row was skipped.
    private mutating func amount(_ p: UnsafeMutablePointer<UInt8>,
                                 _ spans: UnsafeMutableBufferPointer<FieldSpan>) throws(OrdersError) -> Int64? {
        let column = layout.amount
        let (start, length) = field(p, spans, column)
        guard length > 0 else { try fail(.missing("amount"), column: column + 1); return nil }
        let value: AmountParser.Decimal
        switch AmountParser.parse(start, count: length) {
        case .success(let decimal) where !decimal.negative: value = decimal
        case .success: try fail(.negativeAmount(text(start, length)), column: column + 1); return nil
        case .failure: try fail(.tooLargeAmount(text(start, length)), column: column + 1); return nil
        case nil: try fail(.badAmount(text(start, length)), column: column + 1); return nil
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
