@testable import FlashLua
import Foundation
import LuaBridge
import TemporaryFolders
import Testing
import TestSupport

/// `chart.page`: a web page of Chart objects, written atomically; misuse reads like Lua.
@Suite struct ChartPageTests {
    @TemporaryFolder("flashcast-chart-page") var folder

    @Test func aPageHoldsItsChartsInlineAndSavesAtomically() throws {
        let path = folder.appendingPathComponent("report.html").path
        let values = try FlashLua.makeState().execute("""
            local c = chart.lines({series.new({start = '2024-05-20T13:00', 1, 2, 3})}, {title = 'Revenue'})
            local p = chart.page{verdict = 'No alert', status = 'now 13:02', charts = {{chart = c, caption = 'So far'}},
              tables = {'status.csv'}, refresh = 60}
            assert(p:save('\(path)'))
            return tostring(p), p:html() == io.open('\(path)'):read('a'), p:html():find('<svg', 1, true) ~= nil
            """, chunkName: "=test")
        #expect(values == ["Page('Sale report', 1 chart)", "true", "true"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])  // no partial file left
    }

    @Test(arguments: [
        ("chart.page{charts = {{chart = 1}}}", "bad argument #1 to 'page' (field 'charts[1].chart': Chart expected, got number)"),
        ("chart.page{charts = {7}}", "bad argument #1 to 'page' (field 'charts[1]': table expected, got number)"),
        ("chart.page{tables = {'a.csv', false}}", "bad argument #1 to 'page' (field 'tables[2]': string expected, got boolean)"),
        ("chart.page{refresh = 0}", "bad argument #1 to 'page' (option 'refresh' must be at least 1)"),
        ("chart.page{colour = 'red'}", "bad argument #1 to 'page' (unknown option 'colour')"),
    ])
    func misuseReadsLikeLua(code: String, message: String) throws {
        #expect(luaError(try FlashLua.makeState(), code) == "test:1: " + message)
    }
}
