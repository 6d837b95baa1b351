// libFuzzer entry point for the orders CSV reader; compiled together with Sources/SaleData by
// build.sh (one module, so internal types are reachable).

/// Feeds one input to the header parser and the row scanner, strict and lenient, in one buffer and
/// split in two at a point the input chooses (as block reads and live refreshes split it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOrdersCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(size, 1))
    defer { bytes.deallocate() }
    for lenient in [false, true] {
        bytes.update(from: data, count: size)
        guard let header = try? Header.parse(bytes, count: size, atEnd: true, file: "fuzz.csv"),
              let layout = try? ColumnLayout(header: header.names, columns: OrderColumns()) else { continue }
        var options = OrdersReadOptions()
        options.lenient = lenient
        options.zone = ShopZone("Europe/Berlin") ?? .utc
        options.rates = CurrencyRates(reporting: "USD", rates: ["EUR": 1.1])
        var scanner = OrderScanner(file: "fuzz.csv", layout: layout, delimiter: header.delimiter, options: options,
                                   firstLine: header.firstLine)
        let rows = bytes + header.dataStart
        let length = size - header.dataStart
        let cut = length > 0 ? Int(data[size - 1]) % (length + 1) : 0
        do {
            try scanner.scan(rows, count: cut, atEnd: false)
            let rest = length - scanner.consumed
            try scanner.scan(rows + scanner.consumed, count: rest, atEnd: true)
            _ = try? scanner.accumulator.table(options: options, file: "fuzz.csv")
        } catch {}
    }
    _ = ShopZone.utc.seconds(of: String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}
