import LuaBridge
import LuaShim

/// Tab-completion candidates for the word before the cursor: globals and keywords, fields of
/// tables (`string.fo`, `a.b.c`), methods of values (`s:`), and the fields and methods of what an
/// expression gives (`sale.revenue:`, `s:cumsum():`, `orders.read(p).revenue:`, `bt.pieces[1].`),
/// found through tables, metatables' `__index` and `__methods` tables, the classes' and shapes'
/// `__fields`, `__returns` and `__items` (LuaClass, LuaShape), and the classes library functions
/// declare they return.
///
/// Only raw access is used (no metamethod runs, no function is called, nothing can raise), so
/// completing never changes the session and no Lua error can cross the Swift frames of the line
/// editor. A field or method result of a userdata class is known by its class alone.
struct Completer {
    let call: LuaCall

    /// How many `__index` links are followed; also stops loops of metatables.
    static let maximumIndexChain = 8

    static let keywords = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]

    /// What completion knows of a value: the value itself on the stack, or only its class (the
    /// class's metatable on the stack), for a userdata field or method result not computed.
    enum Target {
        case value(Int32)
        case instance(Int32)
    }

    /// Completes over the globals of `state`.
    init(state: LuaState) {
        call = LuaCall(state.pointer)
    }

    /// Every completion of `word`, sorted: whole words as they would replace it. `before` is the
    /// line before the word, where the expression the word continues may start (`s:cumsum()` in
    /// `s:cumsum():` when the line editor breaks words at parentheses).
    func candidates(for word: String, after before: String = "") -> [String] {
        let base = lua_gettop(call.L)
        defer { lua_settop(call.L, base) }
        guard lua_checkstack(call.L, Self.stackSlots) != 0 else { return [] }
        let expression = ExpressionParser.trailingExpression(of: before + word)
        guard let separator = expression.lastIndex(where: { $0 == "." || $0 == ":" }) else {
            guard expression.count == word.count || word.isEmpty else { return [] }
            lshim_pushglobaltable(call.L)
            return Self.matching(memberNames(of: .value(lua_gettop(call.L)), methodsOnly: false), prefix: word,
                                 before: "", keywords: true)
        }
        guard let steps = ExpressionParser.steps(expression[..<separator]), let target = resolve(steps, above: base)
        else { return [] }
        let partial = String(expression[expression.index(after: separator)...])
        guard word.hasSuffix(partial) else { return [] }
        return Self.matching(memberNames(of: target, methodsOnly: expression[separator] == ":"), prefix: partial,
                             before: word.dropLast(partial.count), keywords: false)
    }

    /// Stack slots one step or one listing may push (a few per `__index` link followed); each step
    /// starts again from one slot above the base.
    static let stackSlots: Int32 = 8 + 4 * Int32(maximumIndexChain)

    /// The target moved to the slot just above `base`, everything above it dropped, so that a long
    /// chain (`s:cumsum():cumsum():...`) does not grow the stack.
    private func keepOnly(_ target: Target, above base: Int32) -> Target {
        let slot = base + 1
        switch target {
        case .value(let index):
            lua_copy(call.L, index, slot)
            lua_settop(call.L, slot)
            return .value(slot)
        case .instance(let metatable):
            lua_copy(call.L, metatable, slot)
            lua_settop(call.L, slot)
            return .instance(slot)
        }
    }

    /// The target one step further: a field, an item, or the result of a call or method call.
    private func follow(_ step: ExpressionParser.Step, from target: Target) -> Target? {
        switch step {
        case .field(let name): field(name, of: target)
        case .methodCall(let name): returnedClass(of: name, on: target)
        case .call(let argument): declaredReturn(of: target, firstArgument: argument)
        case .index(let key): item(key, of: target)
        }
    }

    /// What a call of the target gives: the class or shape its library declared (LuaBridge's
    /// `declareReturns`), looked up by the function value itself, and chosen by the fields of the
    /// first argument where that is a value found without running code (`forecast.run(grouped)`).
    private func declaredReturn(of target: Target, firstArgument: String?) -> Target? {
        guard case .value(let index) = target, call.type(at: index) == .function else { return nil }
        let argument = firstArgument.flatMap { text -> Int32? in
            guard let steps = ExpressionParser.steps(Substring(text)), lua_checkstack(call.L, Self.stackSlots) != 0,
                  case .value(let found) = resolve(steps, above: lua_gettop(call.L)) else { return nil }
            return found
        }
        guard call.pushDeclaredReturn(of: index, firstArgument: argument), let type = try? call.string(-1) else { return nil }
        return pushClass(named: type)
    }

    /// Where the steps lead from the globals, kept just above `base` (everything above it is
    /// dropped on the way); nil where one cannot be followed.
    private func resolve(_ steps: [ExpressionParser.Step], above base: Int32) -> Target? {
        lshim_pushglobaltable(call.L)
        var target = Target.value(lua_gettop(call.L))
        for step in steps {
            guard let next = follow(step, from: target) else { return nil }
            target = keepOnly(next, above: base)
        }
        return target
    }

    /// Item `key` of the target: a table's own value for a literal key (raw), else the class or
    /// shape its class declares in `__items` (`bt.pieces[1]`, `w[2]`).
    private func item(_ key: ExpressionParser.Key?, of target: Target) -> Target? {
        if case .value(let index) = target, call.type(at: index) == .table, let key {
            switch key {
            case .integer(let position): lua_rawgeti(call.L, index, lua_Integer(position))
            case .string(let name): call.rawField(index, name)
            }
            if call.type(at: -1) != .nil { return .value(lua_gettop(call.L)) }
        }
        guard let metatable = classMetatable(of: target), call.rawField(metatable, "__items") == .string,
            let type = try? call.string(-1)
        else { return nil }
        return pushClass(named: type)
    }

    /// Field `name` of the target, as `target.name` finds it without running code; a userdata field
    /// is known by its declared class or shape.
    private func field(_ name: String, of target: Target) -> Target? {
        let top = lua_gettop(call.L)
        for table in tablesToSearch(target) where call.rawField(table, name) != .nil {
            let found = lua_gettop(call.L)
            return .value(found)
        }
        lua_settop(call.L, top)
        guard let metatable = classMetatable(of: target), call.rawField(metatable, "__fields") == .table,
            call.rawField(lua_gettop(call.L), name) == .string, let type = try? call.string(-1)
        else { return nil }
        return pushClass(named: type)
    }

    /// The class that method `name` of the target's class returns, from its `__returns`.
    private func returnedClass(of name: String, on target: Target) -> Target? {
        guard let metatable = classMetatable(of: target), call.rawField(metatable, "__returns") == .table,
            call.rawField(lua_gettop(call.L), name) == .string, let type = try? call.string(-1)
        else { return nil }
        return pushClass(named: type)
    }

    /// Pushes the registered metatable of class `name` as an instance target.
    private func pushClass(named name: String) -> Target? {
        guard call.pushRegistryValue(name) == .table else { return nil }
        return .instance(lua_gettop(call.L))
    }

    /// The metatable describing the target's class, pushed; nil when it has none.
    private func classMetatable(of target: Target) -> Int32? {
        switch target {
        case .instance(let metatable): return metatable
        case .value(let index):
            guard call.pushMetatable(of: index) else { return nil }
            return lua_gettop(call.L)
        }
    }

    /// Names reachable from the target: its own fields if it is a table, then those of its
    /// metatable's `__index` and `__methods` tables, recursively, and its class's `__fields`.
    private func memberNames(of target: Target, methodsOnly: Bool) -> [String] {
        var names = tablesToSearch(target).flatMap { table in
            call.stringKeyedFields(table).filter { !methodsOnly || $0.type == .function }.map(\.key)
        }
        if !methodsOnly, let metatable = classMetatable(of: target), call.rawField(metatable, "__fields") == .table {
            names += call.stringKeys(-1)
        }
        return names
    }

    /// Pushes the tables a field lookup on the target goes through, and returns their indices in
    /// lookup order.
    private func tablesToSearch(_ target: Target) -> [Int32] {
        var tables = [Int32]()
        var current: Int32
        switch target {
        case .value(let index):
            current = index
            if call.type(at: current) == .table { tables.append(current) }
            guard call.pushMetatable(of: current) else { return tables }
        case .instance(let metatable):
            lua_pushvalue(call.L, metatable)
        }
        for _ in 0..<Self.maximumIndexChain {
            let metatable = lua_gettop(call.L)
            if call.rawField(metatable, "__methods") == .table { tables.append(lua_gettop(call.L)) }
            guard call.rawField(metatable, "__index") == .table else { break }
            current = lua_gettop(call.L)
            tables.append(current)
            guard call.pushMetatable(of: current) else { break }
        }
        return tables
    }

    /// The names that extend `prefix` and can follow `.` in Lua, sorted, each after `before`.
    static func matching(_ names: [String], prefix: String, before: Substring, keywords: Bool) -> [String] {
        let usable = names.filter(isName) + (keywords ? Self.keywords : [])
        return Set(usable.filter { $0.hasPrefix(prefix) }).sorted().map { before + $0 }
    }

    /// True for a Lua name usable after `.`: letters, digits and `_`, not starting with a digit,
    /// not a keyword.
    static func isName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !ExpressionParser.isDigit(first), !keywords.contains(name) else { return false }
        return name.utf8.allSatisfy(ExpressionParser.isNameByte)
    }
}
