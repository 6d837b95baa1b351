import Testing
@testable import OrderSources

@Suite struct DatabaseURLTests {
    @Test func parsesPostgresURLs() throws {
        let url = try DatabaseURL("postgres://shop%40analytics:s3cr%3At@db.example:6543/sales?sslmode=require")
        guard case .postgres(let address) = url else { Issue.record("not postgres"); return }
        #expect(address.user == "shop@analytics")
        #expect(address.password == "s3cr:t")
        #expect(address.host == "db.example")
        #expect(address.port == 6543)
        #expect(address.database == "sales")
        #expect(address.options.map(\.key) == ["sslmode"])
        #expect(url.description == "postgres://shop@analytics@db.example:6543/sales")
    }

    @Test func defaultsAreLeftToLibpq() throws {
        guard case .postgres(let address) = try DatabaseURL("postgresql://") else { Issue.record("not postgres"); return }
        #expect(address.user == nil && address.password == nil && address.host == nil && address.port == nil)
        #expect(address.database == nil)
    }

    @Test(arguments: [("sqlite:sales.db", "sales.db"), ("sqlite:///tmp/sales.db", "/tmp/sales.db"),
                      ("/data/past.sqlite3", "/data/past.sqlite3"), ("SQLITE:x", "x")])
    func parsesSQLitePaths(text: String, path: String) throws {
        #expect(try DatabaseURL(text) == .sqlite(path: path))
    }

    @Test(arguments: [
        ("mysql://root:hunter2@db/x", "bad database url '<url hidden: it may hold a password>' (postgres://..., clickhouse://... or sqlite:path expected)"),
        ("orders.csv", "bad database url 'orders.csv' (postgres://..., clickhouse://... or sqlite:path expected)"),
        ("postgres://u:hunter2@h:99999/db", "bad port '99999' in database url"),
        ("postgres://u:hunter2@h/db?passfile=/tmp/x", "unknown option 'passfile' in database url"),
        ("postgres://u:hunt%zzer2@h/db", "bad percent escape in the password of the database url"),
        ("sqlite:", "bad database url 'sqlite:' (no file path)"),
    ])
    func refusesBadURLsWithoutTheirPassword(text: String, message: String) {
        #expect(throws: OrderSourceError(message)) { try DatabaseURL(text) }
    }
}
