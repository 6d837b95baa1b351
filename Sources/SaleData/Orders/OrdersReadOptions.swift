/// How to read an orders file.
public struct OrdersReadOptions: Sendable {
    /// Which header names hold each field.
    public var columns = OrderColumns()
    /// Field delimiter (`,`, `;` or tab...); nil to detect it from the header row.
    public var delimiter: UInt8?
    /// How amounts write decimals; nil to find it in the file (an error names the option when
    /// the file cannot tell, as with only `1.234`).
    public var decimal: DecimalMark?
    /// Order of day and month in numeric dates (`29.11.2024 10:00`, `11/29/2024 10:00`); nil to find
    /// it in the file (a day above 12 tells; dates with dots are day-first).
    public var dates: DateOrder?
    /// Zone of times written without an offset; it also labels the minutes.
    public var zone = ShopZone.utc
    /// Skip bad rows and report them, instead of stopping at the first.
    public var lenient = false
    /// Rates for a `currency` column; without them every currency but none is an error.
    public var rates: CurrencyRates?
    /// Statuses (compared without case) whose orders are excluded and counted.
    public var excludedStatuses: Set<String> = ["cancelled", "canceled", "refunded"]
    /// Minutes to aggregate over, both included; nil for the first to the last order.
    public var window: ClosedRange<Int>?
    /// Count distinct customers per minute (costs a hash per order and minute).
    public var countCustomers = true
    /// Threads for reading large files (clean data is read in parallel parts).
    public var threads = 2

    /// Options with every default.
    public init() {}
}
