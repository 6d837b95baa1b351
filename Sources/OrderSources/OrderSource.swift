/// A database that aggregates orders per minute itself.
public protocol OrderSource: AnyObject {
    /// Sums per minute, ascending, of the orders in minutes `from...` (`through` included, nil for no end).
    func minuteRows(_ query: MinuteQuery, from: Int?, through: Int?) throws(OrderSourceError) -> [MinuteRow]
}
