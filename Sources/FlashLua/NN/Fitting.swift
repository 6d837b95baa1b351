import LuaBridge
import NeuralNet

/// `model:fit(X, Y [, options])`: trains, calling the `progress` option after every epoch, and
/// pushes the loss history.
enum Fitting {
    static func fit(_ call: LuaCall, _ object: SequentialObject) throws -> Int32 {
        let inputs = try call.matrix(at: 2)
        let targets = try call.matrix(at: 3)
        let options = try FitOptions.read(call, at: 4)
        let inFloat32 = try FitOptions.inFloat32(call, at: 4)
        try call.reserveFit(object.model, inputs, targets, batch: options.batchSize)
        let progress = try progressFunction(call)
        var interruption: LuaError?
        let report = { (report: EpochReport) -> TrainingControl in
            do throws(LuaError) {
                try call.checkInterrupt()
                guard let progress else { return .proceed }
                try call.callFunction(at: progress, results: 1) { call in
                    call.push(report.epoch)
                    call.push(report.trainingLoss)
                    call.push(report.validationLoss)
                    return 3
                }
                defer { call.pop() }  // pop the callback's result
                return call.type(at: -1) == .boolean && !call.boolean(-1) ? .stop : .proceed
            } catch {
                interruption = error
                return .stop
            }
        }
        let model = object.model
        let history = try NNErrors.run { () throws(NeuralNetError) in
            try call.cancellable { () throws(NeuralNetError) in
                inFloat32
                    ? try model.fit(in: Float.self, inputs: inputs, targets: targets, options: options, progress: report)
                    : try model.fit(inputs: inputs, targets: targets, options: options, progress: report)
            }
        }
        if let interruption { throw interruption }
        push(history, call)
        return 1
    }

    /// The absolute index of the `progress` option, pushed on the stack, or nil without one.
    private static func progressFunction(_ call: LuaCall) throws(LuaError) -> Int32? {
        guard call.type(at: 4) == .table else { return nil }
        let kind = call.rawField(4, "progress")
        switch kind {
        case .function: return call.count
        case .nil:
            call.pop()
            return nil
        default:
            let got = call.typeName(at: -1)
            call.pop()
            throw .argument(position: 4, message: "option 'progress' function expected, got \(got)")
        }
    }

    /// `{train = {...}, val = {...}, best_epoch = n, stopped = "completed"}`.
    static func push(_ history: TrainingHistory, _ call: LuaCall) {
        call.pushTable(fieldCapacity: 4) { table in
            table.set("train") { $0.push(history.trainingLoss) }
            table.set("val") { $0.push(history.validationLoss) }
            table.set("best_epoch", history.bestEpoch)
            table.set("stopped", stopName(history.stopReason))
        }
    }

    private static func stopName(_ reason: StopReason) -> String {
        switch reason {
        case .completed: return "completed"
        case .earlyStopping: return "early_stopping"
        case .stoppedByCallback: return "callback"
        }
    }
}
