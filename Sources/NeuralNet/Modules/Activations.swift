/// The registered activation functions: the model file and the `nn` library know these.
public enum Activations {
    /// One line per activation, in the order `help("nn")` lists their constructors.
    public static let registered: [any ActivationFunction.Type] = [
        ReLUFunction.self,
        TanhFunction.self,
        SigmoidFunction.self,
    ]
}
