import LuaBridge
import Testing

/// A userdata for the tests whose fields and `box[i]` give tables and userdata.
final class Box: LuaObject {
    static let luaTypeName = "Box"
    let values: [Double]

    init(_ values: [Double]) { self.values = values }

    /// The class, keeping its values or not.
    static func luaClass(cachesValues: Bool) -> LuaClass<Box> {
        LuaClass<Box>(
            summary: "Numbers in a box.",
            methods: [],
            describe: { "Box(\($0.values.count))" },
            index: { call, box in  // box[i]: {value = values[i]}, nil outside
                guard call.type(at: 2) == .number, let i = try? call.integer(2), box.values.indices.contains(i - 1) else { return 0 }
                call.pushTable(fieldCapacity: 1) { $0.set("value", box.values[i - 1]) }
                return 1
            },
            fields: [
                "values": { call, box in call.push(box.values); return 1 },
                "inner": { call, box in call.push(Box(box.values.reversed())); return 1 },
                "count": { call, box in call.push(box.values.count); return 1 },
                "name": { call, box in call.push("box of \(box.values.count)"); return 1 },
            ],
            cachesValues: cachesValues)
    }

    static func state(cachesValues: Bool) throws -> LuaState {
        let state = try LuaState()
        state.open(LuaLibrary(
            name: "box", summary: "Boxes.",
            functions: [
                LuaLibraryFunction("new", "box.new(t) -> Box", "Puts numbers in a box.") { call in
                    call.push(Box(try call.numbers(1)))
                    return 1
                },
            ],
            classes: [luaClass(cachesValues: cachesValues)]))
        return state
    }
}

/// `LuaClass.cachesValues`: a table or userdata a field or `object[key]` gives is made once per object.
@Suite struct KeptValuesTests {
    static let reads = """
        local b = box.new({1, 2, 3})
        return rawequal(b.values, b.values), rawequal(b.inner, b.inner), rawequal(b[2], b[2]), b[2].value,
               b.count, b.name, b[9], b.inner.values[1], rawequal(b.inner.inner, b.inner.inner)
        """

    @Test func keptValuesAreTheSameObjectOnEveryRead() throws {
        #expect(try Box.state(cachesValues: true).execute(Self.reads) == ["true", "true", "true", "2.0", "3", "box of 3", "nil", "3.0", "true"])
    }

    @Test func withoutKeepingEveryReadMakesANewOne() throws {
        #expect(try Box.state(cachesValues: false).execute(Self.reads) == ["false", "false", "false", "2.0", "3", "box of 3", "nil", "3.0", "false"])
    }

    @Test func eachObjectKeepsItsOwnValues() throws {
        let lua = try Box.state(cachesValues: true).execute("""
            local a, b = box.new({1}), box.new({1})
            local values = a.values
            values[1] = 5.0  -- a kept table is an ordinary table: a change shows on the next read
            return rawequal(a.values, b.values), a.values[1], b.values[1]
            """)
        #expect(lua == ["false", "5.0", "1.0"])
    }

    @Test func oddKeysNeitherRaiseNorKeep() throws {
        let lua = try Box.state(cachesValues: true).execute("""
            local b = box.new({1, 2})
            return b[0/0], b[nil], b[true], b.unknown, b[1].value
            """)
        #expect(lua == ["nil", "nil", "nil", "nil", "1.0"])
    }

    @Test func keptValuesAreCollectedWithTheirObject() throws {
        let state = try Box.state(cachesValues: true)
        let lua = try state.execute("""
            local weak = setmetatable({}, {__mode = "v"})
            do local b = box.new({1, 2}); weak[1] = b.values; weak[2] = b.inner end
            collectgarbage(); collectgarbage()
            return weak[1], weak[2]
            """)
        #expect(lua == ["nil", "nil"])
    }
}
