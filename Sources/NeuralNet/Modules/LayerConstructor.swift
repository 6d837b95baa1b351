/// How a script builds a layer by name, `nn.Linear(60, 64)`: the constructor's arguments as data,
/// from which the `nn` library makes the Lua function, its help line and its argument errors.
///
/// A layer type gets one by conforming to `ConstructibleLayer`; its line in `LayerRecord.types`
/// (the model file's registry) then also registers its constructor (`Layers.constructors`).
public struct LayerConstructor: Sendable {
    /// One argument of the constructor.
    public struct Argument: Sendable {
        /// What the argument accepts.
        public enum Kind: Sendable {
            /// A whole number above zero.
            case size
            /// A number in `[0, 1)`, `default` when absent.
            case probability(default: Double)
            /// One of `names`, the first when absent.
            case choice(_ names: [String])
        }

        /// The name in the signature: `inputs`.
        public let name: String
        /// What it accepts.
        public let kind: Kind

        /// An argument called `name` accepting `kind`.
        public init(_ name: String, _ kind: Kind) {
            self.name = name
            self.kind = kind
        }

        /// Whether the argument may be left out (a default stands in).
        public var isOptional: Bool {
            if case .size = kind { return false }
            return true
        }
    }

    /// An argument's value, as read for its kind.
    public enum Value: Sendable {
        /// A `size`.
        case integer(Int)
        /// A `probability`.
        case number(Double)
        /// A `choice`.
        case name(String)

        /// The whole number of a `size`, else 0.
        public var integer: Int { if case .integer(let value) = self { value } else { 0 } }
        /// The number of a `probability`, else 0.
        public var number: Double { if case .number(let value) = self { value } else { 0 } }
        /// The name of a `choice`, else empty.
        public var name: String { if case .name(let value) = self { value } else { "" } }
    }

    /// The layer's name, as the Lua function and the model file call it: `Linear`.
    public let name: String
    /// What the layer computes, for help texts.
    public let summary: String
    /// The arguments, in order.
    public let arguments: [Argument]
    /// Bytes the layer will hold for these values (its parameters, their gradients and the optimizer's
    /// two moments), reserved before it is made; 0 for a layer without parameters.
    public let bytes: @Sendable ([Value]) -> Double
    /// The layer for these values, drawing its seed (if it needs one) from `seed`.
    public let make: @Sendable ([Value], _ seed: () -> UInt64) throws(NeuralNetError) -> Module<Double>

    /// A constructor of the layer `name`.
    public init(_ name: String, summary: String, arguments: [Argument] = [],
                bytes: @escaping @Sendable ([Value]) -> Double = { _ in 0 },
                make: @escaping @Sendable ([Value], _ seed: () -> UInt64) throws(NeuralNetError) -> Module<Double>) {
        self.name = name
        self.summary = summary
        self.arguments = arguments
        self.bytes = bytes
        self.make = make
    }

    /// `nn.Linear(inputs, outputs [, init]) -> layer`.
    public var signature: String {
        var text = "", optional = 0
        for (offset, argument) in arguments.enumerated() {
            let separator = offset == 0 ? "" : ", "
            if argument.isOptional {
                text += " [" + separator + argument.name
                optional += 1
            } else {
                text += separator + argument.name
            }
        }
        return "nn.\(name)(\(text.hasPrefix(" ") ? String(text.dropFirst()) : text)\(String(repeating: "]", count: optional))) -> layer"
    }
}

/// A layer type scripts can build: its constructor (see `LayerConstructor`).
protocol ConstructibleLayer {
    /// How scripts build it.
    static var constructor: LayerConstructor { get }
}

/// The layers scripts can build, in the order of `LayerRecord.types`, the one registry of layer types.
public enum Layers {
    /// Every registered layer type that has a constructor.
    public static let constructors: [LayerConstructor] = LayerRecord.types(Double.self).compactMap {
        ($0 as? any ConstructibleLayer.Type)?.constructor
    }
}
