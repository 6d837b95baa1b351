import TemporaryFolders
import TestSupport
import Testing

/// What `flashcast` loads when it starts: no database client and no ICU until a database is used,
/// and a clear error, not a crash, when the PostgreSQL client library is missing.
@Suite struct StartupLibraryTests {
    @TemporaryFolder("flashcast-startup") var folder

    @Test func startsWithoutDatabaseClientOrICU() throws {
        let result = try runFlashcast(["-e", "print(1)"], environment: ["LD_DEBUG": "libs"])
        #expect(result.status == 0 && result.output == "1\n")
        #expect(result.error.contains("liblua5.4"), "the loader's report is missing: \(result.error.prefix(300))")
        for library in ["libpq", "libldap", "libgssapi", "libicu", "FoundationICU", "libFoundation.so"] {
            #expect(!result.error.contains(library), "\(library) is loaded at start-up")
        }
    }

    @Test(arguments: [["aggregate", "-o", "m.csv", "--table", "orders", "--db"], ["-e", "print(orders.query{table='orders', url="]])
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
}
