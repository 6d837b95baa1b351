/// Modules applied one after the other; errors name the layer that failed.
public final class Sequential<T: NNScalar>: Module<T> {
    /// The layers, in order.
    public private(set) var modules: [Module<T>]

    /// A container of `modules`.
    public init(_ modules: [Module<T>] = []) {
        self.modules = modules
        super.init()
    }

    /// Appends `module` (switched to this container's mode) and returns the container.
    ///
    /// Refuses a module that holds this container (a cycle would recurse forever) and a change to
    /// a network that is training.
    @discardableResult
    public func add(_ module: Module<T>) throws(NeuralNetError) -> Sequential<T> {
        guard !isFrozen, !module.isFrozen else { throw .frozen }
        guard !module.contains(self) else {
            throw .invalidArgument(module === self ? "a network cannot contain itself" : "the added network already contains this one")
        }
        module.setTraining(isTraining)
        modules.append(module)
        return self
    }

    /// Feeds `input` through every layer.
    public override func updateOutput(_ input: Matrix<T>) throws(NeuralNetError) {
        output = Matrix()  // drop the previous result so the last layer can reuse its buffer
        var current = input
        for index in modules.indices {
            let module = modules[index]
            try inLayer(index) { () throws(NeuralNetError) in try module.updateOutput(current) }
            current = module.output
        }
        output = current
    }

    /// Back-propagates `gradOutput` through every layer to the input.
    public override func updateGradInput(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) {
        gradInput = Matrix()  // drop the previous result so the first layer can reuse its buffer
        var current = gradOutput
        for index in modules.indices.reversed() {
            let module = modules[index]
            try inLayer(index) { () throws(NeuralNetError) in
                try module.updateGradInput(layerInput(index, input), current)
            }
            current = module.gradInput
        }
        gradInput = current
    }

    /// Accumulates every layer's parameter gradients (after `updateGradInput`).
    public override func accGradParameters(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) {
        for index in modules.indices.reversed() {
            let gradient = index == modules.count - 1 ? gradOutput : modules[index + 1].gradInput
            try inLayer(index) { () throws(NeuralNetError) in
                try modules[index].accGradParameters(layerInput(index, input), gradient)
            }
        }
    }

    /// Like `backward`, but skips the gradient with respect to the input, which training does not
    /// need: the first layer only accumulates its parameters' gradients.
    public func backwardParameters(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) {
        var current = gradOutput
        for index in modules.indices.reversed() {
            let module = modules[index]
            let moduleInput = layerInput(index, input)
            try inLayer(index) { () throws(NeuralNetError) in
                if index > 0 { try module.updateGradInput(moduleInput, current) }
                try module.accGradParameters(moduleInput, current)
            }
            current = module.gradInput
        }
    }

    /// Re-initialises every layer, in order, from one generator seeded with `seed`.
    public func reset(seed: UInt64) {
        var generator = Xoshiro256(seed: seed)
        reset(generator: &generator)
    }

    /// Re-initialises every layer, in order, from `generator`.
    public override func reset(generator: inout Xoshiro256) {
        for module in modules { module.reset(generator: &generator) }
    }

    /// Restarts every layer's noise, in order, from `generator`.
    public override func reseed(generator: inout Xoshiro256) {
        for module in modules { module.reseed(generator: &generator) }
    }

    /// Zeroes every layer's gradient accumulators.
    public override func zeroGradParameters() {
        for module in modules { module.zeroGradParameters() }
    }

    /// Every layer's parameters, in order.
    public override func forEachParameter(_ body: (inout [T], inout [T]) -> Void) {
        for module in modules { module.forEachParameter(body) }
    }

    /// Whether the container or one of its layers is being trained.
    public override var isFrozen: Bool { isFrozenByTraining || modules.contains { $0.isFrozen } }

    override func setFrozen(_ frozen: Bool) {
        super.setFrozen(frozen)
        for module in modules { module.setFrozen(frozen) }
    }

    override func contains(_ module: Module<T>) -> Bool {
        self === module || modules.contains { $0.contains(module) }
    }

    /// Sets the mode of the container and every layer.
    public override func setTraining(_ training: Bool) {
        super.setTraining(training)
        for module in modules { module.setTraining(training) }
    }

    /// `Sequential(Linear(60 -> 64), ReLU, Dropout(0.2), Linear(64 -> 1))`.
    public override var description: String {
        "Sequential(" + modules.map(\.description).joined(separator: ", ") + ")"
    }

    private func layerInput(_ index: Int, _ input: Matrix<T>) -> Matrix<T> {
        index == 0 ? input : modules[index - 1].output
    }

    private func inLayer(_ index: Int, _ body: () throws(NeuralNetError) -> Void) throws(NeuralNetError) {
        do {
            try body()
        } catch {
            throw .layer(index: index + 1, name: modules[index].description, message: error.description)
        }
    }
}

extension Sequential: SavedLayer {
    static var tag: String { "Sequential" }

    var record: LayerRecord? {
        var children: [LayerRecord] = []
        for module in modules {
            guard let record = LayerRecord(module) else { return nil }
            children.append(record)
        }
        return LayerRecord(type: Self.tag, layers: children)
    }

    static func layer(from record: LayerRecord, position: String) throws(NeuralNetError) -> Module<T> {
        let network = Sequential()
        for (index, child) in (record.layers ?? []).enumerated() {
            try network.add(child.module(T.self, position: "\(position).\(index + 1)"))
        }
        return network
    }
}
