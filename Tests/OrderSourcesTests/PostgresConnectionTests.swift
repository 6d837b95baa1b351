import Foundation
import TemporaryFolders
import Testing
@testable import OrderSources

@Suite(PostgresTestServer.enabled) struct PostgresConnectionTests {
    @Test func passwordFromEnvironmentOrPasswordFile() throws {
        var address = try PostgresTestServer.address()
        let password = try #require(address.password)
        address.password = nil
        let fromVariable = try PostgresSource(address: address, credentials: PostgresCredentials(environment: ["PGPASSWORD": password]))
        #expect(try fromVariable.run("SELECT 1", []) == [["1"]])
        let folder = TemporaryFolder("pgpass")
        defer { folder.remove() }
        let file = folder.file("pgpass")
        try "127.0.0.1:*:*:\(address.user ?? "*"):\(password)\n".write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let fromFile = try PostgresSource(address: address, credentials: PostgresCredentials(environment: ["PGPASSFILE": file]))
        #expect(try fromFile.run("SELECT 2", []) == [["2"]])
    }

    @Test func wrongPasswordIsReportedWithoutIt() throws {
        var address = try PostgresTestServer.address()
        address.password = "wrong-Secret-4711"
        do {
            _ = try PostgresSource(address: address, credentials: PostgresCredentials(environment: [:]))
            Issue.record("connected with a wrong password")
        } catch {
            #expect(error.message.hasPrefix("cannot connect to '\(address)': "))
            #expect(error.message.contains("password authentication failed"))
            #expect(!error.message.contains("wrong-Secret-4711"))
            #expect(!"\(error)".contains("wrong-Secret-4711"))
            #expect(error.isConnectionLost)
        }
    }

    @Test func unreachableServerIsReportedWithoutThePassword() throws {
        let url = "postgres://shop:Hidden-Pass-99@127.0.0.1:1/sales?connect_timeout=2"
        do {
            _ = try OrderDatabase.open(url, credentials: PostgresCredentials(environment: [:]))
            Issue.record("connected to port 1")
        } catch {
            #expect(error.message.hasPrefix("cannot connect to 'postgres://shop@127.0.0.1:1/sales': "))
            #expect(!error.message.contains("Hidden-Pass-99"))
        }
    }

    @Test func lostConnectionIsReportedThenReopened() throws {
        let source = try PostgresTestServer.source()
        let killer = try PostgresTestServer.source()
        let pid = try #require(source.backendProcessID)
        #expect(try killer.run("SELECT pg_terminate_backend($1)", [String(pid)]) == [["t"]])
        do {
            _ = try source.run("SELECT 1", [])
            Issue.record("query on a terminated connection succeeded")
        } catch {
            #expect(error.isConnectionLost)
            #expect(error.message.hasPrefix("query on '"))
        }
        #expect(try source.run("SELECT 3", []) == [["3"]])
        #expect(source.backendProcessID != pid)
    }
}
