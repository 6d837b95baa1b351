import LuaBridge
import Testing

@testable import FlashREPL

@Suite struct ResultPrinterTests {
    let repl: REPL

    init() throws {
        repl = try REPL(state: try LuaState(), historyPath: nil, banner: "")
    }

    /// What the REPL prints for `source`, or the error message.
    func printed(_ source: String, width: Int = 80) -> String {
        switch repl.evaluate(source, width: width).text {
        case .success(let text): text
        case .failure(let failure): failure.message
        }
    }

    @Test(arguments: [
        ("return 1, 1.5, 10 / 2, nil, true", "1\t1.5\t5.0\tnil\ttrue"),
        (#"return "a\"b\n\0""#, #""a\"b\n\000""#),
        ("x = 1", ""),
        ("return {}", "{}"),
        ("return {1, 2, 3}", "{ 1, 2, 3 }"),
        (
            #"return {b = 1, a = 2, [10] = 3, [1.5] = 4, ["x y"] = 5, ["end"] = 6, [true] = 7, 'one'}"#,
            #"{ "one", a = 2, b = 1, [1.5] = 4, [10] = 3, ["end"] = 6, ["x y"] = 5, [true] = 7 }"#
        ),
        ("return {1, {2, {3}}, k = {}}", "{ 1, { 2, { 3 } }, k = {} }"),
        ("local t = {1}; t.self = t; t[2] = {t}; return t", "{ 1, { <cycle> }, self = <cycle> }"),
        ("local t = {}; return {t, t}", "{ {}, {} }"),
        ("return {{{{{{1}}}}}}", "{ { { { { {...} } } } } }"),
        ("return setmetatable({}, {__tostring = function() return 'T!' end})", "T!"),
        ("return {setmetatable({}, {__tostring = function() return 'T!' end})}", "{ T! }"),
    ])
    func formatsValues(source: String, expected: String) {
        #expect(printed(source, width: 100) == expected)
    }

    @Test func longTablesBreakIntoLinesAndPackSequences() {
        let source = "return {name = 'alpha', list = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, ok = true}"
        #expect(
            printed(source, width: 30) == """
                {
                  list = {
                    1, 2, 3, 4, 5, 6, 7, 8, 9,
                    10, 11, 12,
                  },
                  name = "alpha",
                  ok = true,
                }
                """)
    }

    @Test func bigTablesAreTruncated() {
        let shown = (1...ResultPrinter.maximumEntries).map(String.init).joined(separator: ", ")
        let source = "local t = {}; for i = 1, 150 do t[i] = i end; t.x = 1; return t"
        #expect(printed(source, width: 10_000) == "{ \(shown), ... (51 more) }")
    }

    @Test func totalOutputIsCapped() {
        let source = "local t = {}; for i = 1, 30 do t[i] = {} for j = 1, 50 do t[i][j] = j end end; return t"
        // Each inner table costs 51 of the 1000 values: 19 whole, the 20th cut after 31 numbers.
        let whole = "{ " + (1...50).map(String.init).joined(separator: ", ") + " }"
        let cut = "{ " + (1...31).map(String.init).joined(separator: ", ") + ", ... (19 more) }"
        let expected = "{ " + Array(repeating: whole, count: 19).joined(separator: ", ") + ", \(cut), ... (10 more) }"
        #expect(printed(source, width: 1_000_000) == expected)
    }

    @Test func aFailingTostringFallsBackToTheAddress() {
        let text = printed("return setmetatable({}, {__tostring = function() error('no') end})")
        #expect(text.hasPrefix("table: 0x"))
    }

    @Test func userdataPrintThroughTostring() throws {
        try repl.state.execute("x = io.stdout")
        #expect(printed("return x").hasPrefix("file (0x"))
    }

    @Test func errorsCarryTheirTraceback() {
        let text = printed("error('boom')")
        #expect(text.hasPrefix("stdin:1: boom\nstack traceback:"))
    }

    @Test(arguments: [
        (Duration.milliseconds(1234), "(1.23 s)"),
        (.milliseconds(500), "(0.50 s)"),
        (.milliseconds(12_049), "(12.05 s)"),
        (.seconds(61), "(61.00 s)"),
    ])
    func slowCommandsShowTheirTime(duration: Duration, expected: String) {
        #expect(REPL.describe(duration) == expected)
    }
}
