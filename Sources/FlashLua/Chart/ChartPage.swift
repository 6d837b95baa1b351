import LuaBridge
import SaleReports

/// `chart.page{...}`: a report page holding rendered charts, as `scripts/report.lua` writes `report.html`.
enum ChartPage {
    static let function = LuaLibraryFunction(
        "page", "chart.page(page) -> Page",
        """
        A self-contained web page (report.html) from {title=, verdict=, alert=, status=, charts={{chart=c, caption=}, ...}, \
        tables={...}, refresh=}: title, verdict (one line shown first; alert=true shows it in the \
        alert colour), status (a text block shown as written, e.g. tostring(sale.status)), the charts inline with \
        their captions, links to tables (relative paths) and refresh=seconds (the browser reloads it: a live sale's \
        screen). p:save(path) writes it atomically, p:html() is its text.
        """
    ) { call in
        let options = try LuaOptions(call, at: 1)
        try options.allow(["title", "verdict", "alert", "status", "charts", "tables", "refresh"])
        let refresh = try options.integer("refresh")
        if let refresh, refresh < 1 { throw options.error("refresh", "must be at least 1") }
        let page = ReportPage(
            title: try options.string("title", default: "Sale report"), verdict: try options.string("verdict", default: ""),
            alert: try options.boolean("alert", default: false), status: try options.string("status", default: ""),
            figures: try figures(options, call), tables: try tables(options, call), refreshSeconds: refresh)
        call.push(PageObject(page))
        return 1
    }

    /// `charts`: a list of `{chart = Chart, caption = text}`.
    private static func figures(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> [ReportPage.Figure] {
        try list(options, "charts", call) { (entry, position) throws(LuaError) -> ReportPage.Figure in
            guard call.type(at: entry) == .table else {
                throw field("charts[\(position)]", "table expected, got \(call.typeName(at: entry))")
            }
            call.rawField(entry, "chart")
            defer { call.pop() }  // pop the chart
            guard let chart = call.optionalObject(call.count, as: ChartObject.self) else {
                throw field("charts[\(position)].chart", "Chart expected, got \(call.typeName(at: call.count))")
            }
            call.rawField(entry, "caption")
            defer { call.pop() }  // pop the caption
            let caption = call.type(at: call.count) == .string ? (try? call.string(call.count)) ?? "" : ""
            return ReportPage.Figure(chart: chart.document, caption: caption)
        }
    }

    /// `tables`: a list of relative paths.
    private static func tables(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> [String] {
        try list(options, "tables", call) { (entry, position) throws(LuaError) -> String in
            guard call.type(at: entry) == .string, let path = try? call.string(entry) else {
                throw field("tables[\(position)]", "string expected, got \(call.typeName(at: entry))")
            }
            return path
        }
    }

    /// A bad field of the page table, named as chart data's are: `field 'charts[2].chart': ...`.
    private static func field(_ path: String, _ message: String) -> LuaError {
        .argument(position: 1, message: "field '\(path)': \(message)")
    }

    /// The option `key` as a list (absent: empty), each entry read by `read` at its stack index.
    private static func list<T>(_ options: LuaOptions, _ key: String, _ call: LuaCall,
                                _ read: (Int32, Int) throws(LuaError) -> T) throws(LuaError) -> [T] {
        try options.with(key) { (index) throws(LuaError) -> [T] in
            if call.isNoneOrNil(index) { return [] }
            guard call.type(at: index) == .table else {
                throw field(key, "table expected, got \(call.typeName(at: index))")
            }
            var values: [T] = []
            for position in 0..<call.length(index) {
                call.rawIndex(index, position + 1)
                defer { call.pop() }  // pop the entry
                values.append(try read(call.count, position + 1))
            }
            return values
        }
    }
}

/// A report page as Lua holds it: `tostring(p)` is `Page('Sale report', 4 charts)`.
final class PageObject: LuaObject {
    static let luaTypeName = "Page"
    let page: ReportPage

    init(_ page: ReportPage) { self.page = page }

    /// The charts' SVG text and the page's own.
    var memoryFootprint: Int { page.figures.reduce(4096) { $0 + $1.chart.footprint } }

    static let luaClass = LuaClass<PageObject>(
        summary: "A web page of charts (chart.page); save it or take its text.",
        methods: [
            LuaMethod("save", "p:save(path) -> true | nil, message", "Writes the HTML file atomically.") {
                (call: LuaCall, object: PageObject) throws -> Int32 in
                try call.writeOutput(at: 2, object.page.html.utf8)
            },
            LuaMethod("html", "p:html() -> string", "The HTML text.") { (call: LuaCall, object: PageObject) throws -> Int32 in
                call.push(object.page.html)
                return 1
            },
        ],
        describe: { (object: PageObject) -> String in
            let count = object.page.figures.count
            return "Page('\(object.page.title)', \(count) chart\(count == 1 ? "" : "s"))"
        })
}
