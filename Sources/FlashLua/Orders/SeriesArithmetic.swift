import Foundation
import LuaBridge
import SaleData

/// The Series metamethods for `+ - * / % ^ //` and unary minus: a number applies to every value,
/// two series combine the values they have at the same times (`Series.combined`).
enum SeriesArithmetic {
    static let metamethods: [String: LuaFunction] = [
        "__add": binary(+), "__sub": binary(-), "__mul": binary(*), "__div": binary(/),
        "__mod": binary(modulo), "__pow": binary(pow), "__idiv": binary { ($0 / $1).rounded(.down) },
        "__unm": { call in
            call.push(try call.object(1, as: SeriesObject.self).series.map { -$0 })
            return 1
        },
    ]

    /// One side of an operation: a series or a number.
    enum Operand {
        case series(Series)
        case number(Double)
    }

    /// The operand at `index`: a Series, a number or a numeric string (as Lua's arithmetic takes).
    static func operand(_ call: LuaCall, _ index: Int32) throws(LuaError) -> Operand {
        guard let operand = optionalOperand(call, index) else {
            throw .message("attempt to perform arithmetic on a \(call.typeName(at: index)) value")
        }
        return operand
    }

    /// The operand at `index`, or nil when it is neither a Series nor a number.
    static func optionalOperand(_ call: LuaCall, _ index: Int32) -> Operand? {
        if let object = call.optionalObject(index, as: SeriesObject.self) { return .series(object.series) }
        guard [.number, .string].contains(call.type(at: index)) else { return nil }
        return (try? call.number(index)).map(Operand.number)
    }

    /// `combine` applied value by value to two operands, at least one of them a series.
    static func apply(_ left: Operand, _ right: Operand, _ combine: (Double, Double) -> Double) throws(LuaError)
        -> Series
    {
        switch (left, right) {
        case (.series(let first), .series(let second)):
            do { return try Series.combined(first, second, combine) } catch { throw .message(error.description) }
        case (.series(let series), .number(let number)): return series.map { combine($0, number) }
        case (.number(let number), .series(let series)): return series.map { combine(number, $0) }
        case (.number, .number): throw .message("attempt to perform arithmetic on two numbers as series")
        }
    }

    private static func binary(_ combine: @escaping @Sendable (Double, Double) -> Double) -> LuaFunction {
        { call in
            call.push(try apply(try operand(call, 1), try operand(call, 2), combine))
            return 1
        }
    }

    /// Lua's float modulo: the result has the sign of the divisor.
    private static func modulo(_ value: Double, _ divisor: Double) -> Double {
        let remainder = fmod(value, divisor)
        return remainder != 0 && (remainder < 0) != (divisor < 0) ? remainder + divisor : remainder
    }
}
