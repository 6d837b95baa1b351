/// What the progress callback tells the trainer after an epoch.
public enum TrainingControl: Sendable {
    /// Go on training.
    case proceed
    /// Stop now (the best weights are still restored if asked).
    case stop
}
