import Forecasting
import SaleData

/// Estimates of the memory a library function allocates while it works, from the sizes it was given,
/// so that `call.reserveMemory` refuses work that would not fit under the script's memory cap before
/// it starts (what the function returns is then counted by its objects' footprints).
///
/// Each estimate is an upper bound of the peak measured on release builds (Benchmarks/BenchMemory's
/// README gives the commands), with a margin; they are computed in floating point, so no product
/// of user-given sizes overflows.
enum WorkMemory {
    /// `orders.simulate` aggregating its orders: per minute a bucket with its customer set and the
    /// result's columns; per order a customer hash; the busiest minute's order times. Writing a CSV
    /// (`aggregated: false`) keeps only the busiest minute and the write buffer.
    static func simulation(_ sale: SaleSimulation, aggregated: Bool) -> Double {
        let busiest = sale.expectedRates().max() ?? 0
        let times = (busiest * 1.2 + 100) * 8
        guard aggregated else { return times + Double(1 << 20) }
        let orders = sale.expectedOrders * 1.05 + 100
        return Double(sale.minutes) * 240 + orders * 24 + times
    }
}
