import TemporaryFolders
import Testing
@testable import SaleData

/// Exports from European shops: decimal commas and day-first dates, given or found, never guessed.
@Suite struct ReadFormatsTests {
    @Test(arguments: [
        ("order_time;amount\n2021-05-20T14:03:00;12,50\n2021-05-20T14:03:10;1.234,5\n2021-05-20T14:03:20;3\n", 125_000),
        ("order_time,amount\n2021-05-20T14:03:00,\"12,5\"\n2021-05-20T14:03:10,\"1.234\"\n", 124_650),
        ("order_time;amount\n2021-05-20T14:03:00;1.234\n2021-05-20T14:03:10;0,5\n", 123_450),
        ("order_time,amount\n2021-05-20T14:03:00,1.234\n2021-05-20T14:03:10,0.5\n", 173),
    ])
    func theDecimalMarkIsFoundInTheFile(text: String, cents: Int64) throws {
        #expect(try readOrders(text).table.totalCents == cents)
    }

    @Test func aFoundDecimalCommaIsReported() throws {
        let result = try readOrders("order_time;amount\n2021-05-20T14:03:00;7\n2021-05-20T14:03:00;12,50\n")
        #expect(result.report.description == "read 2 rows: 2 orders, decimal comma (line 3)")
    }

    @Test(arguments: [
        ("29.11.2024 10:00", "2024-11-29T10:00"), ("29/11/2024 10:00:59", "2024-11-29T10:00"),
        ("1.2.2024 9:05", "2024-02-01T09:05"), ("29-11-2024T10:00+01:00", "2024-11-29T09:00"),
    ])
    func dayFirstTimesAreRead(time: String, minute: String) throws {
        let result = try readOrders("order_time;amount\n\(time);1\n")
        #expect(result.table.zone.label(minute: result.table.start) == minute)
    }

    /// A sale from 11 to 13 November: only the 13th tells day-first, near the end of the file.
    @Test func aDayAbove12AnywhereSettlesTheOrder() throws {
        let text = "order_time,amount\n11/11/2024 10:00,1\n12/11/2024 10:00,2\n13/11/2024 10:00,4\n"
        let result = try readOrders(text)
        #expect(result.table.count == 2 * 1440 + 1)
        #expect(result.table.zone.label(minute: result.table.start) == "2024-11-11T10:00")
        #expect(result.report.description == "read 3 rows: 3 orders, day-first dates (line 4)")
        let monthFirst = try readOrders("order_time,amount\n11/12/2024 10:00,1\n11/13/2024 10:00,2\n")
        #expect(monthFirst.table.zone.label(minute: monthFirst.table.start) == "2024-11-12T10:00")
    }

    @Test(arguments: [
        ("order_time,amount\n01/02/2024 10:00,1\n02/01/2024 10:00,1\n", nil, nil,
         "orders.csv:2:1: order time '01/02/2024 10:00' may be day-first or month-first: set the option dates to 'dmy' or 'mdy'"),
        ("order_time;amount\n2024-05-20 10:00;1.234\n", nil, nil,
         "orders.csv:2:2: amount '1.234' may be 1.234 or 1234: set the option decimal to '.' or ','"),
        ("order_time,amount\n2024-05-20 10:00,\"1,234\"\n", nil, nil,
         "orders.csv:2:2: amount '1,234' may be 1.234 or 1234: set the option decimal to '.' or ','"),
        ("order_time;amount\n2024-05-20 10:00;12.5\n2024-05-20 10:00;12,5\n", nil, nil,
         "orders.csv:3:2: amount '12,5' has a decimal comma, line 2 a decimal point: set the option decimal to '.' or ','"),
        ("order_time,amount\n13/02/2024 10:00,1\n02/13/2024 10:00,1\n", nil, nil,
         "orders.csv:3:1: order time '02/13/2024 10:00' is month-first, line 2 day-first: set the option dates to 'dmy' or 'mdy'"),
        ("order_time;amount\n2024-05-20 10:00;12.5\n", DecimalMark.comma, nil,
         "orders.csv:2:2: amount is not a number: '12.5'"),
        ("order_time,amount\n13/02/2024 10:00,1\n", nil, DateOrder.mdy,
         "orders.csv:2:1: order time is not a timestamp: '13/02/2024 10:00'"),
    ] as [(String, DecimalMark?, DateOrder?, String)])
    func whatTheFileCannotTellIsAnErrorNamingTheOption(text: String, decimal: DecimalMark?, dates: DateOrder?,
                                                       message: String) {
        for lenient in [false, true] where decimal == nil && dates == nil || !lenient {
            #expect {
                _ = try readOrders(text) { $0.decimal = decimal; $0.dates = dates; $0.lenient = lenient }
            } throws: { error in
                (error as? OrdersError)?.description == message
            }
        }
    }

    @Test func givenFormatsReadWhatDetectionRefuses() throws {
        let text = "order_time;amount\n01/02/2024 10:00;1.234\n03/01/2024 10:00;2\n"
        let dayFirst = try readOrders(text) { $0.decimal = .comma; $0.dates = .dmy }
        #expect(dayFirst.table.zone.label(minute: dayFirst.table.start) == "2024-01-03T10:00")
        #expect(dayFirst.table.totalCents == 123_600)
        #expect(dayFirst.report.description == "read 2 rows: 2 orders")
        let monthFirst = try readOrders(text) { $0.decimal = .point; $0.dates = .mdy }
        #expect(monthFirst.table.zone.label(minute: monthFirst.table.start) == "2024-01-02T10:00")
        #expect(monthFirst.table.totalCents == 323)
    }

    @Test func theLiveReaderFindsTheFormatsInTheRowsSoFar() throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = try folder.write("live.csv", "order_time;amount\n01/12/2024 10:00;1,5\n")
        let live = LiveOrders(path: path)
        #expect(throws: OrdersError.self) { try live.refresh() }
        try folder.append("live.csv", "13/12/2024 10:00;2\n")
        let result = try live.refresh()
        #expect(result.table.zone.label(minute: result.table.start) == "2024-12-01T10:00")
        #expect(result.table.totalCents == 350)
        try folder.append("live.csv", "02/12/2024 10:00;1.000\n")
        #expect(try live.refresh().table.totalCents == 100_350)
    }
}
