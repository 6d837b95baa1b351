import Testing
@testable import OrderSources

@Suite struct DatabaseAllowListTests {
    static let named = "postgres://analyst:Named-1@db.shop:6543/sales?sslmode=require"

    func address(_ url: String) throws -> PostgresAddress {
        guard case .postgres(let address) = try DatabaseURL(url) else { throw OrderSourceError("not postgres") }
        return address
    }

    func allowList() throws -> DatabaseAllowList {
        DatabaseAllowList([try address(Self.named), try address("postgres://reader@127.0.0.1/reports")])
    }

    @Test(arguments: [
        "postgres://analyst@db.shop:6543/sales", "postgres://analyst:guess@db.shop:6543/sales",
        "postgresql://analyst@db.shop:6543/sales?sslmode=require",
    ])
    func theNamedServerIsPermittedWithItsOwnPasswordAndOptions(url: String) throws {
        let permitted = try allowList().permit(try address(url))
        #expect(permitted == (try address(Self.named)))
        #expect(permitted.password == "Named-1")
    }

    @Test(arguments: [
        "postgres://analyst@db.shop:6544/sales", "postgres://analyst@evil.example:6543/sales",
        "postgres://postgres@db.shop:6543/sales", "postgres://analyst@db.shop:6543/other",
        "postgres://analyst@db.shop/sales", "postgres://analyst@db.shop,evil.example:6543/sales",
        "postgres://analyst@db.shop:6543/sales?sslmode=disable",
        "postgres://analyst@db.shop:6543/sales?sslkey=/home/analyst/.ssh/id_rsa",
        "postgres://analyst@db.shop:6543/sales?sslmode=require&sslcert=/etc/shadow",
        "postgres://analyst@%2Ftmp:6543/sales", "postgres://reader@127.0.0.1:5432/reports", "postgres:///reports",
    ])
    func everyOtherServerIsRefused(url: String) throws {
        let script = try address(url)
        #expect(throws: OrderSourceError(
            "connecting to '\(script)' is not allowed in the sandbox (name the database with --db)")) {
            try allowList().permit(script)
        }
    }

    @Test func anEmptyListRefusesEverything() throws {
        #expect(throws: OrderSourceError.self) { try DatabaseAllowList([]).permit(try address(Self.named)) }
    }
}
