@testable import FlashLua
import Foundation
import LuaBridge
import NeuralNet
import TemporaryFolders
import Testing
import TestSupport

/// `X`, `Y`: 40 rows of `y = 2 a - b + 0.5` for a and b on a grid in [0, 1].
let regressionSetup = """
    local rows, targets = {}, {}
    for i = 1, 40 do
        local a, b = (i % 8) / 7, (i % 5) / 4
        rows[i] = {a, b}
        targets[i] = 2 * a - b + 0.5
    end
    X, Y = nn.matrix(rows), nn.matrix(targets)
    """

/// Runs `code` in a fresh state and returns its results as strings.
func runNN(_ code: String) throws -> [String] {
    try FlashLua.makeState().execute(code)
}

@Suite struct NNLibraryTests {
    @Test func everyRegisteredActivationHasAConstructorAndHelp() throws {
        let names = Activations.registered.map { $0.name }
        #expect(names == ["ReLU", "Tanh", "Sigmoid"])
        for activation in Activations.registered {
            let name = activation.name
            #expect(try runNN("return tostring(nn.\(name)()), tostring(nn.Sequential():add(nn.\(name)()))")
                    == [name, "Sequential(\(name))"])
            let function = try #require(NNLibrary.library.functions.first { $0.doc.name == name })
            #expect(function.doc.signature == "nn.\(name)() -> layer" && function.doc.summary == activation.summary)
        }
        #expect(ModuleClass.registration.summary == "One layer (nn.Linear, nn.Dropout, nn.ReLU, nn.Tanh, nn.Sigmoid), added to a Sequential.")
    }

    /// Every layer type of the model file's registry that scripts can build has its `nn` function, made
    /// from its `LayerConstructor`: signature, help and argument errors.
    @Test func everyRegisteredLayerHasAConstructorMadeFromItsArguments() throws {
        #expect(Layers.constructors.map(\.name) == ["Linear", "Dropout", "ReLU", "Tanh", "Sigmoid"])
        for layer in Layers.constructors {
            let function = try #require(NNLibrary.library.functions.first { $0.doc.name == layer.name })
            #expect(function.doc.signature == layer.signature && function.doc.summary == layer.summary)
        }
        let signatures = Layers.constructors.prefix(2).map(\.signature)
        #expect(signatures == ["nn.Linear(inputs, outputs [, init]) -> layer", "nn.Dropout([p]) -> layer"])
        let state = try FlashLua.makeState()
        #expect(luaError(state, "nn.Linear(2, 3, 'glorot')") == "test:1: bad argument #3 to 'Linear' (must be 'he' or 'xavier', got 'glorot')")
        #expect(luaError(state, "nn.Linear(2, 'x')") == "test:1: bad argument #2 to 'Linear' (number expected, got string)")
        #expect(try runNN("return tostring(nn.Linear(2, 3, 'xavier')), tostring(nn.Dropout()), tostring(nn.Dropout(0.25))")
            == ["Linear(2 -> 3)", "Dropout(0.5)", "Dropout(0.25)"])
    }

    @Test func buildsThePapersNetworkInTorchStyle() throws {
        let code = """
            local model = nn.Sequential():add(nn.Linear(60, 64)):add(nn.ReLU()):add(nn.Dropout(0.2)):add(nn.Linear(64, 1))
            return tostring(model), #model, model:parameters(), tostring(nn.Tanh()), tostring(nn.Sigmoid())
            """
        #expect(try runNN(code) == [
            "Sequential(Linear(60 -> 64), ReLU, Dropout(0.2), Linear(64 -> 1))", "4", "3969", "Tanh", "Sigmoid",
        ])
    }

    /// The issue's own lines: the paper's network on windows of a Series, with every fit option
    /// it names, then Monte-Carlo dropout at prediction time.
    @Test func thePapersNetworkFromASeriesWithThePapersOptions() throws {
        let code = """
            local values = {}
            for i = 1, 160 do values[i] = 1 + math.sin(i / 10) end
            local X, Y = nn.windows((function() values.start = 0 return series.new(values) end)(), 60)
            local model = nn.Sequential():add(nn.Linear(60, 64)):add(nn.ReLU()):add(nn.Dropout(0.2)):add(nn.Linear(64, 1))
            local history = model:fit(X, Y, {epochs = 200, batch = 32, lr = 1e-3, optimizer = "adam",
                validation = 0.1, patience = 20, seed = 1})
            local best = history.val[history.best_epoch]
            local x = nn.matrix{X[1]}
            local plain = model:forward(x)[1][1]
            model:training()
            local a, b = model:forward(x)[1][1], model:forward(x)[1][1]
            model:evaluate()
            return tostring(X), #history.train == #history.val, best < history.val[1] / 10,
                a ~= b and a ~= plain, model:forward(x)[1][1] == plain
            """
        #expect(try runNN(code) == ["Matrix(100x60)", "true", "true", "true", "true"])
    }

    @Test func matricesFromTables() throws {
        let code = """
            local m = nn.matrix{{1, 2, 3}, {4, 5, 6}}
            local c = nn.matrix{7, 8}
            return tostring(m), m:rows(), m:cols(), #m, m[2][3], m[3], table.concat(m:totable()[1], ','),
                tostring(c), table.concat(m:column(2), ',')
            """
        #expect(try runNN(code) == ["Matrix(2x3)", "2", "3", "2", "6.0", "nil", "1.0,2.0,3.0", "Matrix(2x1)", "2.0,5.0"])
    }

    @Test func matrixErrorsAreArgumentErrors() throws {
        let state = try FlashLua.makeState()
        #expect(luaError(state, "nn.matrix{}") == "test:1: bad argument #1 to 'matrix' (matrix needs at least one row)")
        #expect(luaError(state, "nn.matrix{{1, 2}, {3}}") == "test:1: bad argument #1 to 'matrix' (row 2 has 1 values, expected 2)")
        #expect(luaError(state, "nn.matrix{{1, 'x'}}") == "test:1: bad argument #1 to 'matrix' (row 1: number expected at index 2, got string)")
        #expect(luaError(state, "nn.matrix{{1}, 2}") == "test:1: bad argument #1 to 'matrix' (row 2 is a number, expected a table)")
        #expect(luaError(state, "nn.matrix(5)") == "test:1: bad argument #1 to 'matrix' (Matrix expected, got number)")
        #expect(luaError(state, "nn.matrix{{1}}:column(2)") == "test:1: bad argument #1 to 'column' (column 2 out of range 1..1)")
    }

    @Test func windowsFromAnArrayAndFromASeries() throws {
        let code = """
            local X, Y = nn.windows({1, 2, 3, 4, 5}, 3)
            local S, T = nn.windows(series.new{1, 2, 3, 4, 5, 6, start=0}, 2, 2)
            return tostring(X), table.concat(X[2], ','), table.concat(Y:column(1), ','), tostring(S), table.concat(T[3], ',')
            """
        #expect(try runNN(code) == ["Matrix(2x3)", "2.0,3.0,4.0", "4.0,5.0", "Matrix(3x2)", "5.0,6.0"])
        #expect(luaError(try FlashLua.makeState(), "nn.windows({1, 2}, 2)")
            == "test:1: a series of 2 values has no window of 2 followed by 1")
        #expect(luaError(try FlashLua.makeState(), "nn.windows(7, 2)")
            == "test:1: bad argument #1 to 'windows' (Series expected, got number)")
    }

    @Test func fitLearnsALinearFunctionAndReportsItsHistory() throws {
        let code = regressionSetup + """
            local model = nn.Sequential():add(nn.Linear(2, 1))
            local calls = {}
            local history = model:fit(X, Y, {epochs = 300, batch = 8, optimizer = 'sgd', lr = 0.1, momentum = 0.9,
                validation = 0.25, progress = function(epoch, train, val) calls[#calls + 1] = epoch end})
            local prediction = model:forward(nn.matrix{{0.5, 0.25}})[1][1]
            return #history.train, #history.val, #calls, history.stopped, history.best_epoch > 100,
                history.val[history.best_epoch] < 1e-20, math.abs(prediction - 1.25) < 1e-9, #model:history().train
            """
        #expect(try runNN(code) == ["300", "300", "300", "completed", "true", "true", "true", "300"])
    }

    /// `precision = 'float32'` trains a single-precision copy and brings its weights back: the same
    /// schedule learns the same function, and the weights are exactly those float32 reached.
    @Test func fitInFloat32KeepsTheModelAndLearnsTheSame() throws {
        let code = regressionSetup + """
            local function train(precision)
                nn.seed(3)
                local model = nn.Sequential():add(nn.Linear(2, 8)):add(nn.ReLU()):add(nn.Linear(8, 1))
                local history = model:fit(X, Y, {epochs = 200, batch = 8, lr = 0.01, precision = precision})
                return model, history
            end
            local single, singleHistory = train('float32')
            local double, doubleHistory = train()
            local a, b = single:forward(X):column(1), double:forward(X):column(1)
            local largest = 0
            for i = 1, #a do largest = math.max(largest, math.abs(a[i] - b[i])) end
            local exact = math.abs(singleHistory.train[200] - doubleHistory.train[200]) > 0
            return #singleHistory.train, singleHistory.stopped, largest < 1e-3, exact, tostring(single),
                single:history().train[200] == singleHistory.train[200]
            """
        #expect(try runNN(code) == ["200", "completed", "true", "true", "Sequential(Linear(2 -> 8), ReLU, Linear(8 -> 1))", "true"])
        let state = try FlashLua.makeState()
        try state.execute(regressionSetup + "model = nn.Sequential():add(nn.Linear(2, 1))")
        #expect(luaError(state, "model:fit(X, Y, {precision = 'float16'})")
            == "test:1: bad argument #3 to 'fit' (option 'precision' must be one of 'float64', 'float32', got 'float16')")
        #expect(luaError(state, "model:fit(X, Y, {precision = 'float32', progress = function() model:add(nn.ReLU()) end})")
            == "test:1: the model is being trained: it cannot change or run until its fit returns")
    }

    @Test func progressCanStopAndEarlyStoppingIsReported() throws {
        let stop = regressionSetup + """
            local history = nn.Sequential():add(nn.Linear(2, 1)):fit(X, Y, {epochs = 50,
                progress = function(epoch) return epoch < 4 end})
            return #history.train, history.stopped
            """
        #expect(try runNN(stop) == ["4", "callback"])
        // the validation rows follow a different function, so their loss soon rises
        let early = regressionSetup + """
            local rows = X:totable()
            local targets = Y:column(1)
            for i = 31, 40 do targets[i] = -10 end
            local history = nn.Sequential():add(nn.Linear(2, 1)):fit(nn.matrix(rows), nn.matrix(targets),
                {epochs = 500, optimizer = 'sgd', lr = 0.05, validation = 0.25, patience = 5, shuffle = false})
            return history.stopped, #history.train == history.best_epoch + 5
            """
        #expect(try runNN(early) == ["early_stopping", "true"])
    }

    @Test func fitErrorsReadLikeLuas() throws {
        let state = try FlashLua.makeState()
        try state.execute(regressionSetup + "model = nn.Sequential():add(nn.Linear(2, 1))")
        #expect(luaError(state, "model:fit(nil, Y)") == "test:1: bad argument #1 to 'fit' (Matrix expected, got nil)")
        #expect(luaError(state, "model:fit(X, Y, {epochs = 'many'})")
            == "test:1: bad argument #3 to 'fit' (option 'epochs' number expected, got string)")
        #expect(luaError(state, "model:fit(X, Y, {epoch = 5})") == "test:1: bad argument #3 to 'fit' (unknown option 'epoch')")
        #expect(luaError(state, "model:fit(X, Y, {optimizer = 'lbfgs'})")
            == "test:1: bad argument #3 to 'fit' (option 'optimizer' must be one of 'adam', 'sgd', got 'lbfgs')")
        #expect(luaError(state, "model:fit(X, Y, {progress = 3})")
            == "test:1: bad argument #3 to 'fit' (option 'progress' function expected, got number)")
        #expect(luaError(state, "model:fit(X, nn.matrix{1, 2})") == "test:1: inputs have 40 rows but targets have 2")
        #expect(luaError(state, "model:fit(X, Y, {progress = function() error('stop here') end})") == "test:1: stop here")
        #expect(luaError(state, "model:forward(nn.matrix{{1, 2, 3}})")
            == "test:1: layer 1 'Linear(2 -> 1)': input has 3 columns, expected 2")
        #expect(luaError(state, "model:add(5)") == "test:1: bad argument #1 to 'add' (Module expected, got number)")
        #expect(luaError(state, "nn.Linear(0, 3)") == "test:1: bad argument #1 to 'Linear' (must be positive, got 0)")
        #expect(luaError(state, "nn.Dropout(1)") == "test:1: bad argument #1 to 'Dropout' (must be in [0, 1), got 1.0)")
        #expect(luaError(state, "model:fit(nn.matrix{{1, 0/0}}, nn.matrix{1})")
            == "test:1: inputs row 1, column 2 is nan, not a finite number")
        let diverged = luaError(state, "nn.Sequential():add(nn.Linear(2, 1)):fit(X, Y, {optimizer = 'sgd', lr = 1e6})") ?? ""
        #expect(diverged.hasPrefix("test:1: training diverged at epoch "))
    }

    @Test func dropoutSamplesInTrainingModeOnly() throws {
        let code = regressionSetup + """
            local model = nn.Sequential():add(nn.Linear(2, 32)):add(nn.Dropout(0.5)):add(nn.Linear(32, 1))
            local x = nn.matrix{{0.3, 0.7}}
            local a, b = model:forward(x)[1][1], model:forward(x)[1][1]
            model:evaluate()
            local c, d = model:forward(x)[1][1], model:forward(x)[1][1]
            return a ~= b, c == d, model:training() == model
            """
        #expect(try runNN(code) == ["true", "true", "true"])
    }

    @Test func seedsMakeScriptsRepeatable() throws {
        let code = """
            local x = nn.matrix{{0.3, 0.7}}
            nn.seed(5)
            local a = nn.Sequential():add(nn.Linear(2, 4)):add(nn.Tanh()):add(nn.Linear(4, 1)):forward(x)[1][1]
            local b = nn.Sequential():add(nn.Linear(2, 4)):add(nn.Tanh()):add(nn.Linear(4, 1)):forward(x)[1][1]
            nn.seed(5)
            local c = nn.Sequential():add(nn.Linear(2, 4)):add(nn.Tanh()):add(nn.Linear(4, 1)):forward(x)[1][1]
            return a ~= b, a == c
            """
        #expect(try runNN(code) == ["true", "true"])
    }

    @Test func saveAndLoadRoundTrip() throws {
        let folder = TemporaryFolder("nn-lua")
        defer { folder.remove() }
        let path = folder.file("model.json")
        let code = regressionSetup + """
            local model = nn.Sequential():add(nn.Linear(2, 8)):add(nn.ReLU()):add(nn.Dropout(0.1)):add(nn.Linear(8, 1))
            model:fit(X, Y, {epochs = 20, scale_inputs = 'standard', scale_targets = 'minmax'})
            assert(model:save('\(path)'))
            local loaded = assert(nn.load('\(path)'))
            local x = nn.matrix{{0.2, 0.9}, {0.7, 0.1}}
            local p, q = model:forward(x), loaded:forward(x)
            return tostring(loaded), p[1][1] == q[1][1] and p[2][1] == q[2][1], #loaded:history().train
            """
        #expect(try runNN(code) == ["Sequential(Linear(2 -> 8), ReLU, Dropout(0.1), Linear(8 -> 1))", "true", "20"])
        try "{\"format\": \"other\"}".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try runNN("return nn.load('\(path)')") == ["nil", "\(path): not a FlashCast network file"])
        #expect(try runNN("return nn.load('\(path).missing')")
            == ["nil", "\(path).missing: cannot read: No such file or directory"])
    }

    @Test func helpDocumentsTheLibrary() throws {
        let lines = try runNN("local out = {} print = function(s) out[#out + 1] = s end help('nn') return out[1]")
        #expect(lines.first?.hasPrefix("nn: Neural networks in Torch7's style") == true)
        #expect(lines.first?.contains("model:fit(X, Y [, options]) -> history") == true)
        #expect(lines.first?.contains("nn.windows(series, width [, horizon]) -> X, Y") == true)
    }
}
