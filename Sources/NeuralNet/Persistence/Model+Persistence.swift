#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SafeOutput

extension Model {
    /// Writes the model to `path` as JSON, atomically (a temporary file in the same folder,
    /// flushed, then renamed), so a crash never leaves a half-written model.
    public func save(to path: String) throws(ModelFileError) {
        let file: OutputFile
        do throws(OutputError) { file = try OutputFile(path) } catch { throw .io(path: path, reason: "cannot write: \(error.reason)") }
        try save(into: file)
        do throws(OutputError) { try file.commit() } catch { throw .io(path: path, reason: "cannot write: \(error.reason)") }
    }

    /// Writes the model as JSON into `output`, to be committed by the caller.
    public func save(into output: OutputFile) throws(ModelFileError) {
        let path = output.path
        guard let network = LayerRecord(network) else {
            throw .io(path: path, reason: "cannot save a network with custom layers")
        }
        let file = ModelFile(
            precision: T.precisionName, network: network, inputScaler: inputScaler.map(ScalerRecord.init),
            targetScaler: targetScaler.map(ScalerRecord.init), training: trainingOptions, history: history)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(file)
        } catch {
            throw .io(path: path, reason: "cannot encode: \(error)")
        }
        do throws(OutputError) { try output.write(data) } catch { throw .io(path: path, reason: "cannot write: \(error.reason)") }
    }

    /// Reads a model written by `save`, in this model's precision.
    public static func load(from path: String) throws(ModelFileError) -> Model {
        let data = Data(try FileBytes.read(path))
        let decoder = JSONDecoder()
        let header: ModelFileHeader
        do {
            header = try decoder.decode(ModelFileHeader.self, from: data)
        } catch DecodingError.dataCorrupted {
            throw .corrupted(path: path, reason: "not valid JSON")
        } catch {
            throw .notAModel(path: path)
        }
        guard header.format == ModelFile.formatName else { throw .notAModel(path: path) }
        guard header.version == ModelFile.currentVersion else {
            throw .unsupportedVersion(path: path, version: header.version ?? 0)
        }
        let file: ModelFile
        do {
            file = try decoder.decode(ModelFile.self, from: data)
        } catch let error as DecodingError {
            throw .corrupted(path: path, reason: error.shortDescription)
        } catch {
            throw .corrupted(path: path, reason: "\(error)")
        }
        do {
            return try model(from: file)
        } catch {
            throw .corrupted(path: path, reason: error.description)
        }
    }

    private static func model(from file: ModelFile) throws(NeuralNetError) -> Model {
        guard let network = try file.network.module(T.self, position: "network") as? Sequential<T> else {
            throw .invalidArgument("the network must be a 'Sequential'")
        }
        let model = Model(
            network, inputScaler: try file.inputScaler?.scaler(T.self), targetScaler: try file.targetScaler?.scaler(T.self))
        model.trainingOptions = file.training
        model.history = file.history
        network.evaluate()
        return model
    }
}

extension DecodingError {
    /// `missing 'layers'` or `'network.weight' has the wrong type`.
    var shortDescription: String {
        func path(_ context: Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch self {
        case .keyNotFound(let key, let context):
            let prefix = path(context)
            return "missing '\(prefix.isEmpty ? "" : prefix + ".")\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(path(context))' has the wrong type"
        case .dataCorrupted(let context):
            return path(context).isEmpty ? "not valid JSON" : "'\(path(context))' is invalid"
        @unknown default:
            return "unreadable content"
        }
    }
}
