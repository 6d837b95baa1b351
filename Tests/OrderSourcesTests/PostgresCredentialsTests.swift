import Foundation
import TemporaryFolders
import Testing
@testable import OrderSources

@Suite struct PostgresCredentialsTests {
    let address = PostgresAddress(user: "shop", host: "db.example", port: 5433, database: "sales")
    let folder = TemporaryFolder("pgpass")

    /// A password file with the given lines and permissions; returns its path.
    func passwordFile(_ lines: [String], mode: Int = 0o600) throws -> String {
        let path = folder.file("pgpass")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func urlPasswordComesFirst() {
        var withPassword = address
        withPassword.password = "from-url"
        let credentials = PostgresCredentials(environment: ["PGPASSWORD": "from-env"])
        #expect(credentials.password(for: withPassword) == "from-url")
        #expect(credentials.password(for: address) == "from-env")
    }

    @Test func passwordFileMatchesFieldsAndWildcards() throws {
        let path = try passwordFile([
            "# comment",
            "db.example:5433:other:shop:wrong-database",
            "db.example:5433:sales:admin:wrong-user",
            "db.example:*:sales:shop:pa\\:ss\\\\word",
            "*:*:*:*:fallback",
        ])
        let credentials = PostgresCredentials(environment: ["PGPASSFILE": path])
        #expect(credentials.password(for: address) == "pa:ss\\word")
        #expect(credentials.password(for: PostgresAddress(user: "x", host: "h", port: nil, database: nil)) == "fallback")
    }

    @Test func defaultsFollowLibpq() throws {
        let path = try passwordFile(["localhost:5432:shop:shop:local-secret"])
        let credentials = PostgresCredentials(environment: ["PGPASSFILE": path, "PGUSER": "shop"])
        #expect(credentials.password(for: PostgresAddress(user: nil, host: nil, port: nil, database: nil)) == "local-secret")
        #expect(credentials.user(for: PostgresAddress(user: nil, host: nil, port: nil, database: nil)) == "shop")
    }

    @Test func homePasswordFileIsUsed() throws {
        let home = folder.file("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let path = try passwordFile(["*:*:*:shop:home-secret"])
        try FileManager.default.moveItem(atPath: path, toPath: home + "/.pgpass")
        #expect(PostgresCredentials(environment: ["HOME": home]).password(for: address) == "home-secret")
    }

    @Test func readableByOthersIsIgnored() throws {
        let path = try passwordFile(["*:*:*:*:exposed"], mode: 0o644)
        #expect(PostgresCredentials(environment: ["PGPASSFILE": path]).password(for: address) == nil)
    }
}
