import Foundation
import TemporaryFolders
import Testing
@testable import NeuralNet

@Suite struct PersistenceTests {
    /// A trained model with both scalers, in precision `T`.
    static func trainedModel<T: NNScalar>(_: T.Type) throws -> (Model<T>, Matrix<T>) {
        let inputs: Matrix<T> = TestData.matrix(50, 3, seed: 31, in: 0...10, as: T.self)
        let targets = try Matrix<T>(rows: 50, columns: 1, scalars: (0..<50).map { inputs[$0, 0] * 2 - inputs[$0, 2] })
        let model = Model(Sequential<T>([try Linear(3, 5), ReLU(), try Dropout(0.1), try Linear(5, 1), Tanh()]))
        var options = TrainingOptions()
        options.epochs = 5
        options.inputScaling = .standard
        options.targetScaling = .minMax
        _ = try model.fit(inputs: inputs, targets: targets, options: options)
        return (model, inputs)
    }

    static func roundTrip<T: NNScalar>(_: T.Type) throws {
        let folder = TemporaryFolder("neuralnet")
        defer { folder.remove() }
        let (model, inputs) = try trainedModel(T.self)
        try model.save(to: folder.file("model.json"))
        #expect(try folder.contents() == ["model.json"])
        let loaded = try Model<T>.load(from: folder.file("model.json"))
        #expect(TestData.bitIdentical(TestData.parameters(of: loaded.network), TestData.parameters(of: model.network)))
        #expect(loaded.inputScaler == model.inputScaler && loaded.targetScaler == model.targetScaler)
        #expect(loaded.trainingOptions == model.trainingOptions && loaded.history == model.history)
        #expect(loaded.description == "Sequential(Linear(3 -> 5), ReLU, Dropout(0.1), Linear(5 -> 1), Tanh)")
        #expect(!loaded.network.isTraining)
        model.network.evaluate()
        #expect(try loaded.predict(inputs) == model.predict(inputs))
    }

    @Test func float64RoundTripIsBitIdentical() throws { try Self.roundTrip(Double.self) }

    @Test func float32RoundTripIsBitIdentical() throws { try Self.roundTrip(Float.self) }

    @Test func savingReplacesAnExistingFile() throws {
        let folder = TemporaryFolder("neuralnet")
        defer { folder.remove() }
        let path = try folder.write("model.json", "old")
        try Model(Sequential<Double>([try Linear(2, 1)])).save(to: path)
        #expect(try Model<Double>.load(from: path).description == "Sequential(Linear(2 -> 1))")
        #expect(try folder.contents() == ["model.json"])
    }

    /// A valid file's text with `replacement` applied, to corrupt one thing at a time.
    static func validText(_ folder: TemporaryFolder) throws -> String {
        let path = folder.file("valid.json")
        try Model(Sequential<Double>([try Linear(2, 3), ReLU(), try Linear(3, 1)])).save(to: path)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func badFilesGiveClearErrors() throws {
        let folder = TemporaryFolder("neuralnet")
        defer { folder.remove() }
        let valid = try Self.validText(folder)
        let cases: [(String, String)] = [
            (String(valid.prefix(valid.count / 2)), "corrupted network file: not valid JSON"),
            ("{\"format\": \"something-else\", \"version\": 1}", "not a FlashCast network file"),
            ("[1, 2, 3]", "not a FlashCast network file"),
            (valid.replacingOccurrences(of: "\"version\":1", with: "\"version\":2"),
             "unsupported format version 2 (this build reads version 1)"),
            (valid.replacingOccurrences(of: "\"type\":\"ReLU\"", with: "\"type\":\"Softmax\""),
             "corrupted network file: network.2: unknown layer type 'Softmax'"),
            (valid.replacingOccurrences(of: "\"bias\":[0,0,0]", with: "\"bias\":[0,0]"),
             "corrupted network file: network.1: 'Linear(2 -> 3)' has 6 weights and 2 biases"),
            (valid.replacingOccurrences(of: "\"precision\":\"float64\",", with: ""),
             "corrupted network file: missing 'precision'"),
            (valid.replacingOccurrences(of: "\"inputs\":2", with: "\"inputs\":\"two\""),
             "corrupted network file: 'network.layers.0.inputs' has the wrong type"),
        ]
        for (index, (text, message)) in cases.enumerated() {
            #expect(text != valid, "case \(index + 1) changed nothing")
            let path = try folder.write("bad\(index).json", text)
            #expect(throws: ModelFileError.self) { try Model<Double>.load(from: path) }
            do {
                _ = try Model<Double>.load(from: path)
            } catch {
                #expect(error.description == "\(path): \(message)")
            }
        }
    }

    @Test func missingFileNamesThePath() throws {
        let folder = TemporaryFolder("neuralnet")
        defer { folder.remove() }
        do {
            _ = try Model<Double>.load(from: folder.file("absent.json"))
            Issue.record("loading a missing file succeeded")
        } catch {
            #expect(error.description == "\(folder.file("absent.json")): cannot read: No such file or directory")
        }
        let model = Model(Sequential<Double>([try Linear(1, 1)]))
        do {
            try model.save(to: folder.file("absent/model.json"))
            Issue.record("saving into a missing folder succeeded")
        } catch {
            #expect(error.description == "\(folder.file("absent/model.json")): cannot write: no such file or directory")
        }
    }
}

/// Files written before the layers were registered by tag still load, predict the same and save to
/// the same bytes (Fixtures/make_all_layers_model.lua wrote the fixture).
@Suite struct SavedModelFixtureTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/all_layers_model.json")

    @Test func aModelWithEveryLayerTypeLoadsPredictsAndSavesTheSameBytes() throws {
        let model = try Model<Double>.load(from: Self.fixture.path)
        #expect(model.description == "Sequential(Linear(3 -> 4), ReLU, Dropout(0.25), Linear(4 -> 3), Tanh, Linear(3 -> 2), Sigmoid, Linear(2 -> 1))")
        let inputs = try Matrix<Double>([[1, 2, 3], [2, 3, 4], [3, 4, 5], [4, 5, 6], [5, 6, 7], [6, 7, 8]])
        let predictions = try model.predict(inputs).scalars.map { String(format: "%.17g", $0) }
        #expect(predictions == ["0.3516351710790564", "0.35552853609801549", "0.35868316365399355", "0.36058876256846661",
                                "0.36117701262860014", "0.36064552159509899"])
        let folder = TemporaryFolder("neuralnet")
        defer { folder.remove() }
        try model.save(to: folder.file("again.json"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("again.json"))) == Data(contentsOf: Self.fixture))
        #expect(try Model<Float>.load(from: Self.fixture.path).description == model.description)
    }

    @Test func everyRegisteredActivationIsSavedAndLoadedUnderItsName() throws {
        let names = Activations.registered.map { $0.name }
        #expect(names == ["ReLU", "Tanh", "Sigmoid"])
        let tags = LayerRecord.types(Double.self).map { $0.tag }
        #expect(tags == ["Sequential", "Linear", "Dropout"] + names)
        for layer in [ReLU<Double>(), Tanh(), Sigmoid()] as [Module<Double>] {
            let record = try #require(LayerRecord(layer))
            #expect(record == LayerRecord(type: layer.description))
            #expect(try record.module(Double.self, position: "network").description == layer.description)
        }
    }
}
