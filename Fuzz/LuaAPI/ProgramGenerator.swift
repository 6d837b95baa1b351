/// Writes random `LuaProgram`s from the catalog: calls of every library function and method with
/// random arguments (extreme numbers, odd strings, nested and cyclic tables, option tables with
/// the function's own keys, callbacks that call back into the API, objects of every class).
struct ProgramGenerator {
    let catalog: APICatalog
    var random: RandomNumbers
    /// The class each slot is expected to hold, as far as the help tells.
    private var slotClasses: [Int: String] = [:]
    private var slots = 0

    init(catalog: APICatalog, seed: UInt64) {
        self.catalog = catalog
        random = RandomNumbers(seed: seed)
    }

    /// Valid objects to start from, so that calls reach code past argument checking.
    static let recipes: [(lua: String, returns: String?)] = [
        ("series.new({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, start = '2021-05-20T00:00', step = 1})", "Series"),
        ("series.new({5, 0, 3, 2.5, 1e6, 0, 4, 7, start = 0, step = 15})", "Series"),
        ("orders.simulate({minutes = 240, orders = 2000, seed = 3}).revenue", "Series"),
        ("orders.simulate({minutes = 90, orders = 300})", nil),
        ("orders.aggregate({{time = '2021-05-20T10:00', amount = 12.5, id = 1}, {time = '2021-05-20T10:03', amount = 3, id = 2}})", nil),
        ("nn.Sequential():add(nn.Linear(3, 4)):add(nn.ReLU()):add(nn.Dropout(0.2)):add(nn.Linear(4, 1))", "Sequential"),
        ("nn.Linear(3, 2)", "Module"),
        ("nn.matrix({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {1, 0, 1}})", "Matrix"),
        ("nn.matrix({1, 2, 3, 4})", "Matrix"),
        ("forecast.run(orders.simulate({minutes = 180, orders = 3000}).revenue, {train = 100, horizon = 40, model = 'drift'})", "Forecast"),
        ("chart.lines({series.new({1, 3, 2, 5, start = 0})})", "Chart"),
        ("chart.new({title = 'layers'}):line(series.new({1, 3, 2, start = '2021-05-20T00:01', step = 5}))", "Chart"),
        ("series.new({4, 1, 0/0, 2, 8, start = '2021-05-20T00:02', step = 5})", "Series"),
        ("forecast.backtest(orders.simulate({minutes = 180, orders = 3000}).revenue, {train = 100, horizon = 20, step = 40, model = 'drift'})", "Backtest"),
        ("orders.simulate({minutes = 90, orders = 300, markets = true})", nil),
        ("(function() orders.simulate({minutes = 60, orders = 200, path = 'out/rows.csv'}) return assert(orders.rows('out/rows.csv')) end)()", "Rows"),
        ("(function() orders.simulate({minutes = 60, orders = 200, path = 'out/g.csv'}) return assert(orders.rows('out/g.csv')):group_by('customer') end)()", "Groups"),
    ]

    /// A program of about `length` statements.
    mutating func program(length: Int) -> LuaProgram {
        slotClasses = [:]
        slots = 0
        var statements: [String] = []
        for _ in 0..<random.below(4) + 2 {
            let recipe = random.pick(Self.recipes)
            statements.append(store(recipe.returns, "pcall(function() return \(recipe.lua) end)"))
        }
        while statements.count < length { statements.append(statement(depth: 0)) }
        return LuaProgram(statements: statements)
    }

    private mutating func store(_ returns: String?, _ call: String) -> String {
        slots += 1
        if let returns { slotClasses[slots] = returns }
        return "keep(\(slots), \(call))"
    }

    private mutating func statement(depth: Int) -> String {
        switch random.below(10) {
        case 0..<4:
            let function = random.pick(catalog.functions)
            let arguments = typedArguments(random.pick(function.forms), options: function.options, depth: depth)
            return store(function.returns, "pcall(\(function.path)\(arguments.isEmpty ? "" : ", " + arguments))")
        case 4..<7:
            return methodCall(depth: depth)
        case 7:
            return arithmetic(depth: depth)
        default:
            return store(nil, "pcall(\(random.pick(Self.probes))\(arguments([], depth: depth, leading: true, maximum: 2)))")
        }
    }

    /// Lua operations every value meets: printing, length, indexing, comparing, concatenating.
    static let probes = [
        "tostring", "function(a) return #a end", "function(a, k) return a[k] end", "function(a, b) return a == b end",
        "function(a, b) return a .. b end", "function(a) for k, v in pairs(a) do end return a end",
        "function(a, k, v) a[k] = v return a end", "help",
    ]

    static let operators = ["+", "-", "*", "/", "%", "^", "//", "<", "<=", ">", ">=", "==", "~=", ".."]

    /// An operator on a Series (metamethods: arithmetic with broadcasting and alignment, masks,
    /// comparisons) and another Series or any value, either way round, or a unary minus.
    private mutating func arithmetic(depth: Int) -> String {
        guard let series = slot(of: "Series") else { return methodCall(depth: depth) }
        if random.chance(0.1) { return store(nil, "pcall(function() return -\(series) end)") }
        let other = random.chance(0.5) ? slot(of: "Series") ?? value(depth: depth + 1, options: []) : value(depth: depth + 1, options: [])
        let (left, right) = random.chance(0.5) ? (series, other) : (other, series)
        return store("Series", "pcall(function() return (\(left)) \(random.pick(Self.operators)) (\(right)) end)")
    }

    private mutating func methodCall(depth: Int) -> String {
        let typed = slotClasses.filter { catalog.methods[$0.value] != nil }
        let slot: Int, className: String
        if let chosen = typed.randomElement(using: &random), random.chance(0.85) {
            (slot, className) = (chosen.key, chosen.value)
        } else {
            slot = max(1, random.below(slots + 1))
            className = random.pick(catalog.methods.keys.sorted())
        }
        guard let methods = catalog.methods[className], !methods.isEmpty else {
            return store(nil, "pcall(tostring, V[\(slot)])")
        }
        let method = random.pick(methods)
        let receiver = random.chance(0.95) ? "V[\(slot)]" : "(" + value(depth: depth + 1, options: []) + ")"
        let call = "\(receiver):\(method.name)(\(typedArguments(random.pick(method.forms), options: method.options, depth: depth)))"
        return store(method.returns, "pcall(function() return \(call) end)")
    }

    /// Arguments for the parameters help names, mostly of the kind each name suggests (one in
    /// five anything at all), sometimes one too few or one too many.
    private mutating func typedArguments(_ parameters: [String], options: [String], depth: Int) -> String {
        if random.chance(0.15) { return arguments(options, depth: depth, leading: false) }
        var count = parameters.count
        if random.chance(0.2) { count = max(0, count + random.pick([-1, 1])) }
        let values = (0..<count).map { index in
            index < parameters.count && random.chance(0.8)
                ? argument(named: parameters[index], options: options, depth: depth + 1)
                : value(depth: depth + 1, options: options)
        }
        return values.joined(separator: ", ")
    }

    /// A value of the kind a parameter's name suggests.
    private mutating func argument(named name: String, options: [String], depth: Int) -> String {
        let lower = name.lowercased()
        if lower == "{" { return random.chance(0.5) ? numberArrayWith(options: options, depth: depth) : optionTable(depth: depth, options: options) }
        if let type = catalog.aliases[lower], let slot = slot(of: type) { return slot }
        switch lower {
        case "options", "opts", "spec", "settings", "config": return optionTable(depth: depth, options: options)
        case "path", "file", "folder", "dir": return random.pick(["'out/f.csv'", "'out/f.svg'", "'out/m.json'", "'out/x'", "'case.lua'", "'../x.csv'", "''"])
        case "revenue", "series", "history", "values", "actual", "base":
            return slot(of: "Series") ?? numberArray()
        case "x", "y", "inputs", "targets", "matrix": return slot(of: "Matrix") ?? "{{1, 2, 3}, {4, 5, 6}}"
        case "time", "from", "to", "cutoff", "at", "start", "until", "when":
            return random.chance(0.5) ? random.pick(["'2021-05-20T00:03'", "'2021-05-20'", "'1969-12-31T23:59'", "'9999-12-31T23:59'"])
                : random.pick(Self.numbers)
        case "how", "name", "kind", "method", "format", "init", "title", "key", "text", "label":
            return string()
        case "f", "fn", "function", "callback", "progress", "handler": return callback(depth: depth)
        default:
            return random.chance(0.6) ? random.pick(Self.numbers) : String(random.below(200) - 20)
        }
    }

    /// A string: an odd one, a word help quotes (a model or method name), or an option key.
    private mutating func string() -> String {
        switch random.below(3) {
        case 0: return random.pick(Self.strings)
        case 1 where !catalog.quotedWords.isEmpty: return "'\(random.pick(catalog.quotedWords))'"
        default: return "'\(random.pick(catalog.vocabulary))'"
        }
    }

    /// A slot expected to hold an object of `type`, if any.
    private mutating func slot(of type: String) -> String? {
        let slots = slotClasses.filter { $0.value == type }.keys.sorted()
        return slots.isEmpty ? nil : "V[\(random.pick(slots))]"
    }

    private mutating func numberArrayWith(options: [String], depth: Int) -> String {
        let array = numberList()
        let fields = (0..<random.below(3)).map { _ in
            "\(options.isEmpty ? random.pick(catalog.vocabulary) : random.pick(options)) = \(value(depth: depth + 1, options: []))"
        }
        return "{" + ([array].filter { !$0.isEmpty } + fields).joined(separator: ", ") + "}"
    }

    /// `, a, b` (leading) or `a, b`: up to `maximum` random arguments.
    private mutating func arguments(_ options: [String], depth: Int, leading: Bool, maximum: Int = 4) -> String {
        let count = random.below(maximum + 1)
        let values = (0..<count).map { _ in value(depth: depth + 1, options: options) }
        guard !values.isEmpty else { return "" }
        return (leading ? ", " : "") + values.joined(separator: ", ")
    }

    static let numbers = [
        "0", "1", "-1", "2", "3", "5", "10", "60", "1440", "0.5", "-0.5", "1e308", "-1e308", "1e15", "1e16", "2^53",
        "2^63", "-2^63", "math.maxinteger", "math.mininteger", "0/0", "1/0", "-1/0", "1e-300", "3.7", "100000",
        "2^31", "7", "-7", "1e9", "0.999999", "-0.0",
    ]

    static let strings = [
        "''", "'x'", "string.rep('a', 5000)", "'2021-05-20T14:03'", "'2021-05-20'", "'1970-01-01T00:00'",
        "'9999-12-31T23:59'", "'UTC'", "'Europe/Berlin'", "'+08:00'", "'out/f.csv'", "'out/f.svg'", "'out/m.json'",
        "'out/sub/x.csv'", "'../x.csv'", "'/etc/passwd'", "'sum'", "'mean'", "'last'", "'max'", "'paper'",
        "'flashcast'", "'drift'", "'minmax'", "'standard'", "'\\0'", "'10'", "'1e308'", "'\\255\\254'", "'nan'",
        "'%s%n'", "'adam'", "'sgd'", "'huber'", "'random'", "'he'", "'xavier'", "'09:30'", "'99:99'", "'-5'",
    ]

    /// A random Lua expression; `options` are keys worth putting in tables.
    private mutating func value(depth: Int, options: [String]) -> String {
        let deep = depth > 3
        switch random.below(deep ? 5 : 12) {
        case 0: return random.pick(["nil", "true", "false"])
        case 1, 2: return random.chance(0.7) ? random.pick(Self.numbers) : String(random.below(3000) - 500)
        case 3: return string()
        case 4: return slots > 0 ? "V[\(random.below(slots) + 1)]" : "nil"
        case 5, 6: return optionTable(depth: depth, options: options)
        case 7: return numberArray()
        case 8: return random.pick([
            "(function() local t = {1, 2, 3} t[4] = t t.t = t return t end)()",
            "setmetatable({}, {__index = function(t, k) return t end, __len = function() return 2^62 end})",
            "{{}, {{}}, {{{}}}}", "{{1, 2}, {3, 4}, {5}}", "{{1, 'x'}, {0/0, 1/0}}",
        ])
        case 9: return callback(depth: depth)
        case 10: return "{" + (0..<random.below(3) + 1).map { _ in slots > 0 ? "V[\(random.below(slots) + 1)]" : "1" }
            .joined(separator: ", ") + "}"
        default: return "\(random.pick(catalog.functions).path)"
        }
    }

    private mutating func optionTable(depth: Int, options: [String]) -> String {
        var fields: [String] = []
        if random.chance(0.3) { fields += (0..<random.below(5)).map { _ in random.pick(Self.numbers) } }
        for _ in 0..<random.below(4) + 1 {
            let key = !options.isEmpty && random.chance(0.8) ? random.pick(options) : random.pick(catalog.vocabulary)
            fields.append("\(key) = \(value(depth: depth + 1, options: []))")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private mutating func numberArray() -> String {
        if random.chance(0.2) {
            let count = random.pick([100, 1500, 5000])
            return "(function() local t = {} for i = 1, \(count) do t[i] = (i * 7919) % 101 end return t end)()"
        }
        return "{" + numberList() + "}"
    }

    private mutating func numberList() -> String {
        (0..<random.below(12)).map { _ in
            random.chance(0.6) ? String(random.below(100)) : random.pick(Self.numbers)
        }.joined(separator: ", ")
    }

    /// A function that calls back into the API (as a progress callback would) and returns a random value.
    private mutating func callback(depth: Int) -> String {
        let inner = depth < 3 && random.chance(0.7) ? statement(depth: depth + 2) : ""
        let result = random.pick(["", "return false", "return true", "return 1", "error('from callback')"])
        return "function(...) \(inner) \(result) end"
    }
}

extension Dictionary {
    /// A random element drawn with the fuzzer's own generator, so that runs repeat for a seed.
    func randomElement(using random: inout RandomNumbers) -> Element? {
        guard !isEmpty else { return nil }
        let sorted = self.sorted { String(describing: $0.key) < String(describing: $1.key) }
        return sorted[random.below(sorted.count)]
    }
}
