import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// `report.html` as a browser shows it: Debian's Chromium, headless, loads the page the scheduled
/// report wrote without a console message, finds every chart in its DOM and paints them. Skipped
/// only where Chromium is not installed and not in CI (`.ci/run` and `make test` install it).
@Suite struct ReportPageBrowserTests {
    @TemporaryFolder("flashcast-report-page") var folder
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let required = chromium != nil || ProcessInfo.processInfo.environment["CI"] != nil

    /// Runs headless Chromium on `page` with `flags`, its console on standard error.
    func browse(_ page: URL, _ flags: [String]) throws -> CommandResult {
        let browser = try #require(Self.chromium, "chromium is not installed: apt-get install chromium (make test does)")
        return try runCommand(URL(fileURLWithPath: "/usr/bin/timeout"), [
            "120", browser, "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
            "--enable-logging=stderr", "--v=0", "--user-data-dir=" + folder.appendingPathComponent("profile").path,
        ] + flags + [page.absoluteString])
    }

    /// Console lines (`INFO:CONSOLE:1] "Uncaught ..."`) in what Chromium logged.
    func consoleLines(_ log: String) -> [Substring] {
        log.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    }

    /// The size of a PNG from its header, and its bytes.
    func png(_ url: URL) throws -> (width: Int, height: Int, bytes: Int) {
        let data = try Data(contentsOf: url)
        try #require(data.count > 24 && data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let number = { (at: Int) in data[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20), data.count)
    }

    @Test(.enabled(if: required, "chromium is not installed: apt-get install chromium (make test does)"))
    func theReportPageLoadsWithoutConsoleErrorsAndShowsEveryChart() throws {
        let out = folder.appendingPathComponent("out")
        let report = try runFlashcast(["run", "scripts/report.lua", "--now", "2021-11-12T12:00", "--target", "2000000",
                                       "--refresh", "300", "--out", out.path], in: repository)
        #expect(report.status == 3, "\(report.error)")
        let page = out.appendingPathComponent("report.html")

        let dom = try browse(page, ["--dump-dom"])
        #expect(dom.status == 0, "\(dom.error)")
        #expect(consoleLines(dom.error).isEmpty, "\(consoleLines(dom.error))")
        #expect(dom.output.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(dom.output.components(separatedBy: "<figcaption>").count - 1 == 4)
        #expect(dom.output.contains("Alert: BELOW TARGET: forecast "))

        // A phone's width: the charts scale to it and the screenshot holds far more than a blank page's.
        let shot = folder.appendingPathComponent("report.png"), blankShot = folder.appendingPathComponent("blank.png")
        let size = "--window-size=412,1700"
        let painted = try browse(page, ["--screenshot=" + shot.path, size])
        #expect(painted.status == 0, "\(painted.error)")
        #expect(consoleLines(painted.error).isEmpty, "\(consoleLines(painted.error))")
        let blankPage = folder.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>blank</title></head><body></body></html>\n"
            .write(to: blankPage, atomically: true, encoding: .utf8)
        _ = try browse(blankPage, ["--screenshot=" + blankShot.path, size])
        let (picture, blank) = (try png(shot), try png(blankShot))
        #expect(picture.width == 412 && picture.height == 1700)
        #expect(picture.bytes > 10 * blank.bytes, "screenshot \(picture.bytes) bytes, a blank page's \(blank.bytes)")
    }

    @Test(.enabled(if: required, "chromium is not installed: apt-get install chromium (make test does)"))
    func theConsoleCheckSeesAScriptError() throws {
        let page = folder.appendingPathComponent("broken.html")
        try "<!DOCTYPE html><html><body><script>no_such_function()</script></body></html>\n"
            .write(to: page, atomically: true, encoding: .utf8)
        let result = try browse(page, ["--dump-dom"])
        #expect(consoleLines(result.error).contains { $0.contains("no_such_function is not defined") })
    }
}
