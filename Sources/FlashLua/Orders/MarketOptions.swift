import LuaBridge
import SaleData

/// `orders.simulate{markets = true | {{name=, tz=, currency=, rate=, share=, campaigns=}, ...}}`.
enum MarketOptions {
    /// The markets asked for, or nil without `markets`: `true` is `MarketSimulation.example`.
    static func read(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> [MarketSimulation.Market]? {
        try options.with("markets") { (list) throws(LuaError) -> [MarketSimulation.Market]? in
            switch call.type(at: list) {
            case .nil, .none: return nil
            case .boolean: return call.boolean(list) ? MarketSimulation.example : nil
            case .table: break
            default: throw options.error("markets", "must be true or a list of markets, got \(call.typeName(at: list))")
            }
            var markets: [MarketSimulation.Market] = []
            for position in stride(from: 1, through: call.length(list), by: 1) {
                func problem(_ text: String) -> LuaError { options.error("markets", "item \(position): \(text)") }
                let isTable = call.rawIndex(list, position) == .table
                defer { call.pop() }  // pop the market
                guard isTable else { throw problem("table expected, got \(call.typeName(at: -1))") }
                let item = call.count
                let name = try text(call, item, "name", problem)
                let zoneName = try text(call, item, "tz", problem)
                guard let zone = ShopZone(zoneName) else { throw problem("'tz' must be a time zone, got '\(zoneName)'") }
                let currency = try text(call, item, "currency", problem)
                let rate = try number(call, item, "rate", problem)
                let share = try number(call, item, "share", problem)
                let campaigns = try SimulationOptions.campaigns(in: item, call, problem)
                markets.append(MarketSimulation.Market(name: name, zone: zone, currency: currency, rate: rate, share: share,
                                                       campaigns: campaigns))
            }
            guard !markets.isEmpty else { throw options.error("markets", "must hold at least one market") }
            return markets
        }
    }

    private static func text(_ call: LuaCall, _ item: Int32, _ key: String, _ problem: (String) -> LuaError)
        throws(LuaError) -> String {
        call.rawField(item, key)
        defer { call.pop() }  // pop the field
        guard call.type(at: -1) == .string, let value = try? call.string(-1), !value.isEmpty else {
            throw problem("'\(key)' must be a non-empty string, got \(call.typeName(at: -1))")
        }
        return value
    }

    private static func number(_ call: LuaCall, _ item: Int32, _ key: String, _ problem: (String) -> LuaError)
        throws(LuaError) -> Double {
        call.rawField(item, key)
        defer { call.pop() }  // pop the field
        guard call.type(at: -1) == .number, let value = try? call.number(-1), value > 0, value.isFinite else {
            throw problem("'\(key)' must be a positive number, got \(call.typeName(at: -1))")
        }
        return value
    }
}
