import Foundation
import TemporaryFolders
import Testing
@testable import SaleData

/// Random bytes and mutated CSVs must never crash the reader: every outcome is a table or an error.
@Suite struct ReaderRobustnessTests {
    static let seedText = """
        order_id;order_time;customer;amount;currency;status
        1;2021-05-20T14:03:00+08:00;"a;b";12.50;EUR;paid
        2;"2021-05-20 14:03:59.5";x;3;;cancelled
        3;1621519391;"q""q";0.01;USD;paid\r

        """

    @Test func randomBytesNeverCrash() throws {
        var random = RandomSource(seed: 99)
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let alphabet = Array("0123456789-:T .,;\t\"\r\nZ+abc".utf8) + [0xEF, 0xBB, 0xBF, 0, 0xFF]
        for round in 0..<400 {
            let length = Int(random.next() % 300)
            let bytes = (0..<length).map { _ in
                round % 2 == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            try check(folder.write("r.csv", bytes: Array("order_time,amount\n".utf8) + bytes))
            try check(folder.write("r.csv", bytes: bytes))
        }
    }

    @Test func mutatedExportsNeverCrash() throws {
        var random = RandomSource(seed: 5)
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let original = Array(Self.seedText.utf8)
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
                case 2: bytes[at] = Array("\";,\n\r\"0.:-+".utf8)[Int(random.next() % 11)]
                default: bytes.removeSubrange(at..<min(bytes.count, at + Int(random.next() % 20)))
                }
            }
            try check(folder.write("m.csv", bytes: bytes))
        }
    }

    /// Reads a file in both modes; errors are fine, crashes and inconsistent tables are not.
    private func check(_ path: String) throws {
        for lenient in [false, true] {
            var options = OrdersReadOptions()
            options.lenient = lenient
            options.rates = CurrencyRates(reporting: "USD", rates: ["EUR": 1.1])
            do {
                let result = try OrdersReader.read(path: path, options: options)
                #expect(result.table.orders.reduce(0, +) == result.report.orders)
                #expect(result.table.revenueCents.allSatisfy { $0 >= 0 })
            } catch is OrdersError {
            } catch is OrdersFileError {
            }
        }
        let live = LiveOrders(path: path)
        _ = try? live.refresh()
    }
}
