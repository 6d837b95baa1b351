/// A layer type the model file stores: the `type` of its records and how it writes and reads the
/// other fields of `LayerRecord`.
///
/// A new layer type conforms to this (and to `ConstructibleLayer`, for scripts to build it) and gets
/// its line in `LayerRecord.types`; an activation needs neither (each registered `ActivationFunction`
/// is saved and built under its name).
protocol SavedLayer<Scalar> {
    /// The precision of the layer.
    associatedtype Scalar: NNScalar
    /// The `type` of its records: `Linear`.
    static var tag: String { get }
    /// The layer's record, or nil when it holds a layer the format does not know.
    var record: LayerRecord? { get }
    /// The layer `record` describes; `position` names it in errors (`network.2`).
    static func layer(from record: LayerRecord, position: String) throws(NeuralNetError) -> Module<Scalar>
}

extension LayerRecord {
    /// The layer types the format knows (and, those that are `ConstructibleLayer`, scripts build:
    /// `Layers.constructors`), one line each, then every registered activation.
    static func types<T: NNScalar>(_: T.Type) -> [any SavedLayer<T>.Type] {
        [
            Sequential<T>.self,
            Linear<T>.self,
            Dropout<T>.self,
        ] + Activations.registered.map { activationLayer(T.self, $0) }
    }

    private static func activationLayer<T: NNScalar, F: ActivationFunction>(_: T.Type, _: F.Type) -> any SavedLayer<T>.Type {
        ActivationLayer<T, F>.self
    }

    /// The record of `module`, or nil for a module type the format does not know.
    init?<T: NNScalar>(_ module: Module<T>) {
        guard let saved = module as? any SavedLayer<T>, let record = saved.record else { return nil }
        self = record
    }

    /// The module this record describes; `position` names it in errors, e.g. `layer 2`.
    func module<T: NNScalar>(_: T.Type, position: String) throws(NeuralNetError) -> Module<T> {
        guard let kind = Self.types(T.self).first(where: { $0.tag == type }) else {
            throw .invalidArgument("\(position): unknown layer type '\(type)'")
        }
        return try kind.layer(from: self, position: position)
    }
}
