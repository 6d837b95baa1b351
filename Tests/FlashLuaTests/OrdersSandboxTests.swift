import Foundation
import FlashLua
import LuaBridge
import TemporaryFolders
import Testing
import TestSupport

/// In a sandboxed run the orders and series functions read only the inputs and write only the output folder.
@Suite struct OrdersSandboxTests {
    @Test func pathsGoThroughTheSandbox() throws {
        let root = TemporaryFolder("flashcast-orders-sandbox")
        defer { root.remove() }
        let output = root.file("out")
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let input = try root.write("in.csv", "order_time,amount\n2021-05-20T14:03:00,2\n")
        let other = try root.write("other.csv", "order_time,amount\n")
        let state = try FlashLua.makeState()
        try state.applySandbox(try FileAccessPolicy(outputFolder: output, readable: [input]))
        #expect(try state.execute("return orders.read('\(input)').total") == ["2.0"])
        #expect(try state.execute("return orders.simulate{minutes=10, orders=5, path='\(output)/s.csv'}").count == 1)
        #expect(try state.execute("return series.new{1, start=0}:save_csv('\(output)/x.csv')") == ["true"])
        let refusals = [
            ("orders.read('\(other)')", "reading '\(other)' is not allowed in the sandbox (inputs are named with --input)"),
            ("orders.live('\(other)')", "reading '\(other)' is not allowed in the sandbox (inputs are named with --input)"),
            ("series.load_csv('\(other)')", "reading '\(other)' is not allowed in the sandbox (inputs are named with --input)"),
            ("series.new{1, start=0}:save_csv('\(root.path)/x.csv')",
             "writing '\(root.path)/x.csv' is not allowed in the sandbox (only inside '\(output)')"),
            ("orders.simulate{minutes=10, path='\(root.path)/s.csv'}",
             "writing '\(root.path)/s.csv' is not allowed in the sandbox (only inside '\(output)')"),
        ]
        for (code, message) in refusals {
            #expect(luaError(state, code) == "test:1: " + message)
        }
    }
}
