import LuaBridge
import SaleData

/// A `Series` as Lua holds it: a userdata of type `Series`, made by `series.new`, `orders.read`...
public final class SeriesObject: LuaObject {
    /// The metatable name, as messages show it: `(Series expected, got table)`.
    public static let luaTypeName = "Series"
    /// The series.
    public let series: Series

    /// Wraps a series.
    public init(_ series: Series) {
        self.series = series
    }

    /// Its values.
    public var memoryFootprint: Int { series.footprint }
}

extension LuaCall {
    /// The series at `index`: a Series userdata, or for convenience a Lua array of numbers, which
    /// then starts at minute `start` (counted in UTC from the epoch) with one value every `step` minutes.
    ///
    /// Other values are refused in Lua's words: `bad argument #1 to 'run' (Series expected, got table)`.
    public func series(at index: Int32, start: Int = 0, step: Int = 1, zone: ShopZone = .utc) throws(LuaError)
        -> Series
    {
        if let object = optionalObject(index, as: SeriesObject.self) { return object.series }
        guard type(at: index) == .table, length(index) > 0 || stringKeys(index).isEmpty else {
            let got = type(at: index) == .none ? "no value" : typeName(at: index)
            throw .typeMismatch(position: index, expected: SeriesObject.luaTypeName, got: got)
        }
        return Series(start: start, step: step, values: try numbers(index), zone: zone)
    }

    /// Pushes a series as a Series userdata.
    public func push(_ series: Series) {
        push(SeriesObject(series))
    }
}
