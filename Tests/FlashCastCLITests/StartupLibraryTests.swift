import TemporaryFolders
import TestSupport
import Testing

/// libpq and libsqlite3 are loaded at the first connection or database file, not at start-up
/// (Benchmarks/BenchBridge/README.md lists what the release program loads): without them, reading is an
/// error, not a crash.
@Suite struct StartupLibraryTests {
    @TemporaryFolder("flashcast-startup") var folder

    @Test(arguments: [["aggregate", "-o", "m.csv", "--table", "orders", "--db"], ["-e", "print(orders.query{table='orders', time='t', amount='a', url="]])
    func missingPostgresClientIsAnErrorNotACrash(command: [String]) throws {
        let url = "postgres://shop:Sekrit-77@127.0.0.1:1/sales"
        let arguments = command.last == "--db" ? command + [url] : command.dropLast() + [command.last! + "'\(url)'})"]
        let result = try runFlashcast(arguments, in: folder, environment: ["FLASHCAST_LIBPQ": "/nonexistent/libpq.so.5"])
        let reason = "cannot connect to 'postgres://shop@127.0.0.1:1/sales': the PostgreSQL client library libpq cannot be"
            + " loaded (/nonexistent/libpq.so.5: cannot open shared object file: No such file or directory)"
        if command.first == "aggregate" {
            #expect(result.status == 1)
            #expect(result.error == "flashcast: \(reason)\n")
        } else {
            #expect(result.status == 0)
            #expect(result.output == "nil\t\(reason)\n")
        }
        #expect(!(result.output + result.error).contains("Sekrit-77"))
    }

    @Test func missingSQLiteLibraryIsAnErrorNotACrash() throws {
        let result = try runFlashcast(
            ["aggregate", "-o", "m.csv", "--table", "orders", "--db", "sqlite:past.db"], in: folder,
            environment: ["FLASHCAST_LIBSQLITE3": "/nonexistent/libsqlite3.so.0"])
        #expect(result.status == 1)
        #expect(result.error == "flashcast: cannot open 'sqlite:past.db': the SQLite library libsqlite3 cannot be loaded"
            + " (/nonexistent/libsqlite3.so.0: cannot open shared object file: No such file or directory)\n")
    }
}
