import Cancellation
import Dispatch

/// Reads orders CSV exports into per-minute tables.
///
/// Large clean files are read in two halves on two threads; when either half meets anything to
/// report (a bad row, a duplicate) the file is read again on one thread so that every line number
/// and example comes out exactly as a serial read gives them.
public enum OrdersReader {
    /// Smallest data size worth splitting over threads.
    static let parallelThreshold = 2 << 20

    /// Reads an orders file; strict mode throws `OrdersError` at the first bad row. Asks
    /// `CancellationCheck` every few milliseconds and stops with `CancellationError`.
    public static func read(path: String, options: OrdersReadOptions = OrdersReadOptions()) throws -> OrdersResult {
        let scanned = try scan(path: path, options: options, grouping: nil)
        return OrdersResult(table: try scanned.accumulator.table(options: scanned.options, file: scanned.file),
                            report: scanned.report)
    }

    /// Reads an orders file into the total (the same as `read(path:options:)` gives) and each group's
    /// table over the total's minutes. A grouping function runs on the calling thread, row by row;
    /// what it throws stops the read unchanged.
    public static func read(path: String, options: OrdersReadOptions = OrdersReadOptions(),
                            grouping: OrderGrouping) throws -> GroupedOrders {
        let scanned = try scan(path: path, options: options, grouping: grouping)
        let table = try scanned.accumulator.table(options: scanned.options, file: scanned.file)
        let window = table.count > 0 ? table.start...(table.start + table.count - 1) : nil
        let groups = try scanned.groups?.groups(over: window, options: scanned.options, file: scanned.file) ?? []
        return GroupedOrders(total: OrdersResult(table: table, report: scanned.report), groups: groups,
                             by: grouping.label)
    }

    /// What scanning a file gives, before the dense tables are made.
    private struct Scanned {
        var accumulator: MinuteAccumulator
        var groups: GroupAccumulators?
        var report: ReadReport
        var options: OrdersReadOptions
        var file: String
    }

    private static func scan(path: String, options: OrdersReadOptions, grouping: OrderGrouping?) throws -> Scanned {
        let file = InputFile.name(path)
        let source = try ByteSource(path: path)
        guard source.size > 0 else {
            throw OrdersError(file: file, line: 1, column: 1, reason: OrdersProblem.emptyFile.message)
        }
        let header = try Header(source: source, file: file, delimiter: options.delimiter)
        let layout = try ColumnLayout(header: header.names, columns: options.columns, file: file)
        var options = options
        options.countCustomers = options.countCustomers && layout.customer != nil
        var scanner = OrderScanner(file: file, layout: layout, delimiter: header.delimiter, options: options,
                                   firstLine: header.firstLine)
        scanner.groups = try grouping.map { grouping throws(OrdersError) in
            try GroupAccumulators(grouping, header: header.names, file: file)
        }
        scanner.accumulator.forgetsPastCustomers = true
        if options.threads > 1, scanner.groups?.isFunction != true, source.size - header.dataStart >= parallelThreshold,
           let result = try readInHalves(source, scanner, from: header.dataStart, file: file) {
            return result
        }
        var serial = try serialScan(source, scanner, from: header.dataStart)
        if serial.accumulator.lostCustomers {  // rows out of time order: read again keeping every minute's customers
            var keeping = scanner
            keeping.accumulator.forgetsPastCustomers = false
            serial = try serialScan(source, keeping, from: header.dataStart)
        }
        try serial.report.requireAGoodRow()
        return Scanned(accumulator: serial.accumulator, groups: serial.groups, report: serial.fullReport,
                       options: options, file: file)
    }

    /// Reads the data on this thread; when a row could not tell the format, looks through the file
    /// for it and reads again.
    private static func serialScan(_ source: ByteSource, _ scanner: OrderScanner, from start: Int) throws -> OrderScanner {
        var serial = scanner
        var resume = 0
        do {
            _ = try source.scan(&serial, from: start, to: source.size, final: true, resume: &resume)
        } catch {
            if let failure = serial.groups?.failure { throw failure }
            guard !(error is CancellationError), serial.metAmbiguity,
                  let found = formats(in: source, scanner, from: start), found != scanner.formats
            else { throw error }
            serial = scanner
            serial.settle(found)
            do {
                _ = try source.scan(&serial, from: start, to: source.size, final: true, resume: &resume)
            } catch {
                throw serial.groups?.failure ?? error
            }
        }
        return serial
    }

    /// The decimal mark and date order the first rows that show them show, looking through the data
    /// from `start` (after a row that could not tell, such as `01/02/2024 10:00` early in a sale).
    static func formats(in source: ByteSource, _ scanner: OrderScanner, from start: Int) -> ReadFormats? {
        var detector = scanner
        detector.detectOnly = true
        var resume = 0
        guard (try? source.scan(&detector, from: start, to: source.size, final: true, resume: &resume)) != nil else {
            return nil
        }
        return detector.formats
    }

    /// Reads the data in two halves at once; nil when the halves cannot be joined cleanly.
    private static func readInHalves(_ source: ByteSource, _ scanner: OrderScanner, from start: Int,
                                      file: String) throws -> Scanned? {
        guard let split = rowBoundary(source, near: start + (source.size - start) / 2) else { return nil }
        var second = scanner
        second.accumulator.joinsPartBefore = true
        let halves = HalfResults(first: scanner, second: second)
        let ranges = [(start, split), (split, source.size)]
        let cancelled = CancellationCheck.current
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            var half = part == 0 ? halves.first : halves.second
            var resume = 0
            let end = CancellationCheck.observing(cancelled) {
                try? source.scan(&half, from: ranges[part].0, to: ranges[part].1, final: true, resume: &resume)
            }
            halves.store(half, clean: end == ranges[part].1 && half.report.isClean, part: part)
        }
        if cancelled() { throw CancellationError() }
        let formats = halves.first.formats
        // the second half must find no format the first did not: else a serial read names the lines
        guard halves.firstClean, halves.secondClean, formats.agrees(with: halves.second.formats),
              formats.completed(by: halves.second.formats) == formats else { return nil }
        var accumulator = halves.first.accumulator
        let secondAccumulator = halves.second.accumulator
        halves.first.accumulator = MinuteAccumulator()  // the join then grows the sets in place
        halves.second.accumulator = MinuteAccumulator()
        guard accumulator.merge(secondAccumulator) else { return nil }
        var groups = halves.first.groups
        if let second = halves.second.groups { guard groups?.merge(second) == true else { return nil } }
        var report = halves.first.report
        report.absorb(halves.second.report)
        report.note(formats, given: scanner.options)
        return Scanned(accumulator: accumulator, groups: groups, report: report, options: scanner.options, file: file)
    }

    /// Offset just after the first line feed at or after `offset`, or nil near the end.
    private static func rowBoundary(_ source: ByteSource, near offset: Int) -> Int? {
        let length = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: length)
        defer { buffer.deallocate() }
        let got = source.read(into: buffer, count: length, at: offset)
        guard let index = (0..<got).first(where: { buffer[$0] == 10 }), offset + index + 1 < source.size else {
            return nil
        }
        return offset + index + 1
    }
}

/// The two halves' scanners, written by their own thread each and read after both finished.
private final class HalfResults: @unchecked Sendable {
    var first: OrderScanner
    var second: OrderScanner
    var firstClean = false
    var secondClean = false

    init(first: OrderScanner, second: OrderScanner) {
        self.first = first
        self.second = second
    }

    func store(_ scanner: OrderScanner, clean isClean: Bool, part: Int) {
        if part == 0 {
            first = scanner
            firstClean = isClean
        } else {
            second = scanner
            secondClean = isClean
        }
    }
}
