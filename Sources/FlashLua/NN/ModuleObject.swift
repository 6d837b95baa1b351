import LuaBridge
import NeuralNet
import Synchronization

/// A layer as Lua holds it (`nn.Linear(60, 64)`, `nn.ReLU()`...): a userdata of type `Module`.
final class ModuleObject: LuaObject {
    /// The metatable name, as messages show it: `(Module expected, got number)`.
    static let luaTypeName = "Module"
    /// The layer.
    let module: Module<Double>

    /// Wraps a layer.
    init(_ module: Module<Double>) {
        self.module = module
    }

    /// Its parameters, gradients and last activations.
    var memoryFootprint: Int { module.footprint }
}

/// A network as Lua holds it (`nn.Sequential()`, `nn.load(path)`), with the scalers, settings and
/// loss history of its last `fit`: a userdata of type `Sequential`.
final class SequentialObject: LuaObject {
    /// The metatable name, as messages show it: `calling 'fit' on bad self (Sequential expected, got Module)`.
    static let luaTypeName = "Sequential"
    /// The network and what was fitted with it.
    let model: Model<Double>

    /// Wraps a model.
    init(_ model: Model<Double>) {
        self.model = model
    }

    /// Its layers (counted again when Lua also holds them as Modules), scalers and losses.
    var memoryFootprint: Int { model.footprint }
}

/// The generator a Lua state's new layers draw their seeds from, so that the same script builds
/// the same weights every run; `nn.seed(n)` restarts it.
final class LayerSeeds: Sendable {
    /// Where a state keeps its generator in `LuaState.hostValues`.
    static let hostKey = "nn.seeds"
    private let generator: Mutex<Xoshiro256>

    init(seed: UInt64) {
        generator = Mutex(Xoshiro256(seed: seed))
    }

    /// The next seed.
    func next() -> UInt64 { generator.withLock { $0.next() } }
}

extension LuaCall {
    /// The layer or network at `index` as a module, for `add`.
    func module(at index: Int32) throws(LuaError) -> Module<Double> {
        if let layer = optionalObject(index, as: ModuleObject.self) { return layer.module }
        if let network = optionalObject(index, as: SequentialObject.self) { return network.model.network }
        throw .typeMismatch(position: index, expected: ModuleObject.luaTypeName, got: type(at: index) == .none ? "no value" : typeName(at: index))
    }

    /// This state's layer seed generator, created at seed 1 on first use.
    var layerSeeds: LayerSeeds {
        if let seeds = state?.hostValues[LayerSeeds.hostKey] as? LayerSeeds { return seeds }
        let seeds = LayerSeeds(seed: 1)
        state?.hostValues[LayerSeeds.hostKey] = seeds
        return seeds
    }

    /// Pushes a layer as a Module userdata.
    func push(layer: Module<Double>) {
        push(ModuleObject(layer))
    }
}
