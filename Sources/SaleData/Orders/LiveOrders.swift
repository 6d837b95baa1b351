/// An orders export that keeps growing during a sale, re-read cheaply: each `refresh` reads only
/// the bytes appended since the last one. A last line still being written (no line break yet) is
/// left for the next refresh. With a grouping, each group's orders are kept as they stream in too.
public final class LiveOrders: @unchecked Sendable {
    /// Path of the export.
    public let path: String
    private let options: OrdersReadOptions
    /// The breakdown kept at each refresh, if any.
    public let grouping: OrderGrouping?
    /// Each group's table over the total's minutes as of the last refresh, sorted by name (empty
    /// without a grouping).
    public private(set) var groups: [OrderGroup] = []
    private var scanner: OrderScanner?
    /// The scanner as it was before the first row, and the offset of that row.
    private var fresh: OrderScanner?
    private var dataStart = 0
    /// File offset just past the last complete row read.
    public private(set) var offset = 0

    /// Follows an export, broken down by `grouping` when given; nothing is read until the first `refresh`.
    public init(path: String, options: OrdersReadOptions = OrdersReadOptions(), grouping: OrderGrouping? = nil) {
        self.path = path
        self.options = options
        self.grouping = grouping
    }

    /// Reads the rows appended since the last refresh and returns the table of all rows so far.
    ///
    /// A file that shrank (replaced by a new export) is read again from its start. In strict mode
    /// a bad row throws, and the next refresh starts again at that row.
    public func refresh() throws -> OrdersResult {
        let source = try ByteSource(path: path)
        if source.size < offset { scanner = nil }
        if scanner == nil { try start(source) }
        guard var current = scanner, let fresh else { return try result(nil) }
        var resume = offset
        defer { scanner = current }
        do {
            offset = try source.scan(&current, from: offset, to: source.size, final: false, resume: &resume)
        } catch {
            if let failure = current.groups?.failure {
                offset = resume
                throw failure
            }
            // a row could not tell the format: the rows so far may, and are then read again with it
            guard !(error is CancellationError), current.metAmbiguity, let found = OrdersReader.formats(in: source, fresh, from: dataStart),
                  found != fresh.formats else {
                offset = resume
                throw error
            }
            current = fresh
            current.settle(found)
            do {
                offset = try source.scan(&current, from: dataStart, to: source.size, final: false, resume: &resume)
            } catch {
                offset = resume
                throw error
            }
        }
        try current.report.requireAGoodRow()
        return try result(current)
    }

    /// Reads the header, once a complete header row has arrived.
    private func start(_ source: ByteSource) throws {
        offset = 0
        guard source.size > 0 else { return }
        let file = InputFile.name(path)
        let length = min(source.size, 1 << 20)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: length)
        defer { buffer.deallocate() }
        let got = source.read(into: buffer, count: length, at: 0)
        guard let header = try Header.parse(buffer, count: got, atEnd: false, file: file,
                                                 delimiter: options.delimiter) else { return }
        let layout = try ColumnLayout(header: header.names, columns: options.columns, file: file)
        var effective = options
        effective.countCustomers = options.countCustomers && layout.customer != nil
        var scanner = OrderScanner(file: file, layout: layout, delimiter: header.delimiter, options: effective,
                                   firstLine: header.firstLine)
        scanner.groups = try grouping.map { grouping throws(OrdersError) in
            try GroupAccumulators(grouping, header: header.names, file: file)
        }
        self.scanner = scanner
        fresh = scanner
        offset = header.dataStart
        dataStart = header.dataStart
    }

    private func result(_ scanner: OrderScanner?) throws -> OrdersResult {
        guard let scanner else {
            return OrdersResult(table: try MinuteAccumulator().table(options: options, file: path),
                                report: ReadReport())
        }
        let table = try scanner.accumulator.table(options: scanner.options, file: scanner.file)
        let window = table.count > 0 ? table.start...(table.start + table.count - 1) : nil
        groups = try scanner.groups?.groups(over: window, options: scanner.options, file: scanner.file) ?? []
        return OrdersResult(table: table, report: scanner.fullReport)
    }
}
