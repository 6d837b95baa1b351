import Foundation
import SaleData
@testable import OrderSources
import TemporaryFolders

/// Small simulated sales loaded into a database and read back through the CSV path, for parity tests.
enum SimulatedSales {
    /// A one-day sale of about 8,000 orders from 2021-10-30T12:00Z, across the night Europe/Berlin
    /// leaves daylight saving time (2021-10-31T01:00Z).
    static func sale(zone: ShopZone, format: SaleSimulation.TimeFormat) -> SaleSimulation {
        var sale = SaleSimulation()
        sale.start = 27_259_920
        sale.minutes = 1440
        sale.expectedOrders = 8000
        sale.zone = zone
        sale.timeFormat = format
        return sale
    }

    /// The sale's table as FlashCast reads its CSV export.
    static func csvTable(_ sale: SaleSimulation) throws -> MinuteTable {
        let folder = TemporaryFolder("ordersources")
        defer { folder.remove() }
        let path = folder.file("orders.csv")
        try sale.write(to: path)
        var options = OrdersReadOptions()
        options.zone = sale.zone
        return try OrdersReader.read(path: path, options: options).table
    }

    /// An order's time as the simulator writes it to CSV.
    static func timeText(_ order: SimulatedOrder, _ sale: SaleSimulation) -> String {
        let label = sale.zone.label(minute: order.second / 60)
        let second = order.second % 60
        let clock = label.prefix(10) + (sale.timeFormat == .local ? " " : "T") + label.suffix(5)
            + (second < 10 ? ":0\(second)" : ":\(second)")
        guard sale.timeFormat == .offset else { return String(clock) }
        let offset = ShopZone(offsetSeconds: sale.zone.offset(atUTC: order.second)).description
        return clock + (offset == "UTC" ? "Z" : offset)
    }

    /// A new SQLite file `orders.db` in `folder` holding the sale in table `orders(order_id, created_at, customer,
    /// total)`, times as the simulator writes them (epoch seconds as integers), amounts as reals.
    static func sqliteFile(_ sale: SaleSimulation, in folder: TemporaryFolder) throws -> String {
        let path = folder.file("orders.db")
        let database = try SQLiteDatabase(path: path, mode: .create)
        try database.execute("CREATE TABLE orders (order_id INTEGER PRIMARY KEY, created_at, customer TEXT,"
            + " total REAL, status TEXT); BEGIN")
        let insert = try database.prepare("INSERT INTO orders VALUES (?1, ?2, ?3, ?4, 'paid')")
        for order in sale.orders() {
            let time: SQLValue = sale.timeFormat == .epoch ? .integer(Int64(order.second)) : .text(timeText(order, sale))
            try insert.bind([.integer(Int64(order.id)), time, .text(order.customerLabel),
                             .real(Double(order.cents) / 100)])
            _ = try insert.step()
        }
        try database.execute("COMMIT")
        return path
    }
}
