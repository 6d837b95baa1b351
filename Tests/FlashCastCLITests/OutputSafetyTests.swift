import Foundation
import Glibc
import TemporaryFolders
import Testing
import TestSupport

/// Every output of a command goes through the one writer: never over an input or another output,
/// committed together, through links, in place on devices and FIFOs, `-` as standard output.
@Suite struct OutputSafetyTests {
    @TemporaryFolder("flashcast-outputs") var folder

    let orders = """
        order_id,order_time,customer,amount
        1,2021-05-20 14:03:10,a,10.00
        2,2021-05-20 14:05:00,b,5.50

        """

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

    func run(_ arguments: [String]) throws -> CommandResult {
        try orders.write(toFile: path("sale.csv"), atomically: true, encoding: .utf8)
        return try runFlashcast(arguments, in: folder)
    }

    @Test func anOutputThatIsAnInputIsAUsageError() throws {
        let result = try run(["aggregate", "sale.csv", "-o", "sale.csv"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("Error: -o 'sale.csv' is the same file as the input 'sale.csv': it would be overwritten\n"))
        #expect(try read("sale.csv") == orders)
        symlink("sale.csv", path("alias.csv"))
        #expect(try run(["aggregate", "sale.csv", "-o", "x.csv", "--svg", "alias.csv"]).status == 2)
        #expect(try run(["forecast", "sale.csv", "--cutoff", "0", "-o", "x.csv", "--history", "./x.csv"]).status == 2)
        let summary = try run(["run", "--summary", "sale.csv", "--sandbox", "--input", "sale.csv", "none.lua"])
        #expect(summary.status == 2)
        #expect(summary.error.hasPrefix("Error: --summary 'sale.csv' is the same file as the script 'sale.csv'")
            || summary.error.hasPrefix("Error: --summary 'sale.csv' is the same file as --input 'sale.csv'"))
        #expect(try read("sale.csv") == orders)
    }

    @Test func twoOutputsThatAreTheSameFileAreAUsageError() throws {
        let result = try run(["aggregate", "sale.csv", "-o", "x.csv", "--svg", "x.csv"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("Error: --svg 'x.csv' is the same file as -o 'x.csv'\n"))
        #expect(try names() == ["sale.csv"])
    }

    /// `-o ''` once read the input and failed writing (exit 1, "cannot write ''").
    @Test func anEmptyOutputNameIsAUsageError() throws {
        for (arguments, label) in [(["aggregate", "sale.csv", "-o", ""], "-o"), (["aggregate", "sale.csv", "-o", "x.csv", "--svg", ""], "--svg"),
                                   (["simulate", "--minutes", "10", "-o", ""], "-o"), (["forecast", "sale.csv", "--cutoff", "0", "-o", ""], "-o"),
                                   (["run", "--summary", "", "none.lua"], "--summary")] {
            let result = try run(arguments)
            #expect(result.status == 2)
            #expect(result.error.hasPrefix("Error: \(label) must name a file ('-' for standard output)\n"), "\(arguments): \(result.error)")
        }
        #expect(try names() == ["sale.csv"])
    }

    @Test func aFailingSecondOutputLeavesTheFirstUnwritten() throws {
        try "old".write(toFile: path("minutes.csv"), atomically: true, encoding: .utf8)
        let result = try run(["aggregate", "sale.csv", "-o", "minutes.csv", "--svg", "missing/chart.svg"])
        #expect(result.status == 1)
        #expect(result.error == "flashcast: cannot write 'missing/chart.svg': no such file or directory\n")
        #expect(try read("minutes.csv") == "old")
        #expect(try names() == ["minutes.csv", "sale.csv"])
    }

    @Test func dashIsStandardOutput() throws {
        let result = try run(["aggregate", "sale.csv", "-o", "-"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("minute,revenue,orders,customers,cumulative\n2021-05-20T14:03,10.00,1,1,10.00\n"))
        #expect(result.error.hasSuffix("wrote -: 3 minutes, revenue 15.50\n"))
        #expect(try names() == ["sale.csv"])
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        symlink("target.csv", path("link.csv"))
        #expect(try run(["aggregate", "sale.csv", "-o", "link.csv"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.csv")) == "target.csv")
        #expect(try read("target.csv").hasPrefix("minute,revenue"))
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        #expect(mkfifo(path("pipe"), 0o600) == 0)
        let pipe = path("pipe")
        let reader = open(pipe, O_RDONLY | O_NONBLOCK)  // a reader waiting, so the writer need not block
        defer { close(reader) }
        #expect(try run(["aggregate", "sale.csv", "-o", "pipe"]).status == 0)
        _ = fcntl(reader, F_SETFL, 0)
        #expect(String(decoding: FileHandle(fileDescriptor: reader).readDataToEndOfFile(), as: UTF8.self).hasPrefix("minute,revenue"))
        var info = stat()
        lstat(pipe, &info)
        #expect(info.st_mode & S_IFMT == S_IFIFO)
    }

    /// Only on a device node of our own (the null device's numbers, in the test's folder), as root.
    @Test(.enabled(if: geteuid() == 0)) func aDeviceNodeIsWrittenInPlace() throws {
        #expect(mknod(path("null"), S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
        #expect(try run(["aggregate", "sale.csv", "-o", "null", "--svg", "null.svg"]).status == 0)
        var info = stat()
        lstat(path("null"), &info)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
        #expect(try names() == ["null", "null.svg", "sale.csv"])
    }
}
