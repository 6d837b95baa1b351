import Cancellation
import Synchronization
import TemporaryFolders
import Testing
@testable import SaleData

/// Reading a big export asks `CancellationCheck` before each block, so a Ctrl-C or a timeout stops
/// it midway instead of when the whole file is read.
@Suite struct ReadCancellationTests {
    /// An export of `rows` orders, one a second (about 40 bytes a row).
    static func export(rows: Int, in folder: TemporaryFolder) throws -> String {
        var text = "order_id,order_time,amount\n"
        text.reserveCapacity(rows * 40)
        for id in 0..<rows {
            let (hour, minute, second) = (id / 3600 % 24, id / 60 % 60, id % 60)
            text += "\(id),2024-11-\(10 + id / 86400)T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):"
                + "\(second < 10 ? "0" : "")\(second),1.50\n"
        }
        return try folder.write("big.csv", text)
    }

    /// Says no the first `allowed` times it is asked, then yes.
    final class Asker: Sendable {
        let allowed: Int
        private let asked = Atomic(0)

        init(allowing allowed: Int) { self.allowed = allowed }

        var count: Int { asked.load(ordering: .relaxed) }

        func isRequested() -> Bool { asked.add(1, ordering: .relaxed).newValue > allowed }
    }

    /// 400,000 rows (13 MB, several 4 MiB blocks): on one thread, and in halves on two.
    @Test(arguments: [1, 2]) func aReadStopsMidwayOnceAsked(threads: Int) throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = try Self.export(rows: 400_000, in: folder)
        var options = OrdersReadOptions()
        options.threads = threads
        #expect(try OrdersReader.read(path: path, options: options).report.rows == 400_000)
        let asker = Asker(allowing: 1)
        #expect(throws: CancellationError.self) {
            try CancellationCheck.observing({ asker.isRequested() }) { try OrdersReader.read(path: path, options: options) }
        }
        #expect(asker.count >= 2)  // asked again after the first block
    }

    @Test func aLiveRefreshStoppedMidwayGoesOnFromWhereItStopped() throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = try Self.export(rows: 400_000, in: folder)
        let live = LiveOrders(path: path)
        let asker = Asker(allowing: 2)
        #expect(throws: CancellationError.self) {
            try CancellationCheck.observing({ asker.isRequested() }) { try live.refresh() }
        }
        #expect(live.offset > 0)
        let result = try live.refresh()
        #expect(result.report.rows == 400_000)
        #expect(result.report.duplicates == 0)
        #expect(result.table.totalCents == 400_000 * 150)
    }
}
