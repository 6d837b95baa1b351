import Testing
@testable import OrderSources

/// The HTTP answer reader, the `TabSeparated` reader, the server's messages and the SQL text.
@Suite struct ClickHouseProtocolTests {
    /// The body the reader hands on when the answer arrives in pieces of `size` bytes.
    static func body(_ answer: String, pieces size: Int) throws -> (status: Int, body: String) {
        var reader = HTTPResponseReader()
        var body: [UInt8] = []
        let bytes = Array(answer.utf8)
        var done = false
        for start in stride(from: 0, to: bytes.count, by: size) where !done {
            done = try reader.feed(bytes[start..<min(start + size, bytes.count)], end: false) { _, piece in body += piece }
        }
        if !done { done = try reader.feed([], end: true) { _, piece in body += piece } }
        return (reader.status, String(decoding: body, as: UTF8.self))
    }

    @Test(arguments: [1, 3, 7, 1000])
    func bodiesAreDecodedWhateverThePieces(size: Int) throws {
        let chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: b\r\n\r\n4\r\n1\t2\n\r\n6;ext=1\r\n3\t4\nx\n\r\n0\r\n\r\n"
        #expect(try Self.body(chunked, pieces: size) == (200, "1\t2\n3\t4\nx\n"))
        let sized = "HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nCode:"
        #expect(try Self.body(sized, pieces: size) == (404, "Code:"))
        let closing = "HTTP/1.0 500 Oops\r\n\r\nall of it"
        #expect(try Self.body(closing, pieces: size) == (500, "all of it"))
    }

    @Test func brokenAnswersAreRefused() {
        for answer in ["SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                       "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"] {
            #expect(throws: HTTPClient.Failure.self) { _ = try Self.body(answer, pieces: 4) }
        }
    }

    @Test func tabSeparatedEscapesAreUndone() {
        var lines = TabSeparatedLines()
        #expect(lines.rows(in: Array("1\ta\\tb\\\\c\\'d\t\\N\n2\tx".utf8)) == [["1", "a\tb\\c'd", nil]])
        #expect(lines.rest == "2\tx")
        #expect(lines.rows(in: Array("\\ny\n".utf8)) == [["2", "x\ny"]])
        #expect(lines.rest.isEmpty)
    }

    @Test func serverMessagesAreUnwrapped() {
        #expect(ClickHouseConnection.serverMessage(
            "Code: 60, e.displayText() = DB::Exception: Table flashcast.x doesn't exist., e.what() = DB::Exception\n")
            == "table flashcast.x doesn't exist (ClickHouse code 60)")
        #expect(ClickHouseConnection.serverMessage(
            "Code: 516. DB::Exception: u: Authentication failed: password is incorrect. (AUTHENTICATION_FAILED) (version 23.8.1.1)")
            == "u: Authentication failed: password is incorrect. (AUTHENTICATION_FAILED) (ClickHouse code 516)")
        #expect(ClickHouseConnection.serverMessage("DB::Exception without a code") == nil)
    }

    @Test func literalsCannotLeaveTheirQuotes() {
        #expect(SQLValue.text("it's \\ \u{0}\n数").clickHouseLiteral == "'it\\'s \\\\ \\x00\\x0A数'")
        #expect(SQLValue.boolean(true).clickHouseLiteral == "1")
        #expect(SQLValue.real(0.5).clickHouseLiteral == "0.5")
    }

    @Test func theStatementGroupsInTheServer() throws {
        let query = try MinuteQuery(table: "sales.orders", time: "created_at", amount: "total", customer: "customer_id",
                                    where: "status = 'paid'", group: "country")
        let sql = MinuteSQL(query, dialect: ClickHouseMinuteSQL(time: .dateTime, amount: .decimal(scale: 2)), from: 10, through: 19).text
        let name = "if(replaceRegexpAll(ifNull(toString(\"country\"), ''), '^ +| +$', '') = '', '(none)',"
            + " replaceRegexpAll(ifNull(toString(\"country\"), ''), '^ +| +$', ''))"
        #expect(sql == "SELECT intDiv(toUInt32(\"created_at\"), 60), sum(toInt64(round(toDecimal128(\"total\", 2) * 100))),"
            + " count(), uniqExact(\"customer_id\"), \(name) FROM \"sales\".\"orders\" WHERE \"created_at\" IS NOT NULL"
            + " AND \"created_at\" >= toDateTime(600) AND \"created_at\" < toDateTime(1200) AND (\"status\" = 'paid')"
            + " GROUP BY \(name), intDiv(toUInt32(\"created_at\"), 60) ORDER BY \(name), intDiv(toUInt32(\"created_at\"), 60)"
            + " FORMAT TabSeparated")
    }

    @Test func epochSecondsAndNumbersAreCutAndSummedAsNumbers() throws {
        let query = try MinuteQuery(table: "orders", time: "t", amount: "a", where: "n in (1, 2.5)")
        let sql = MinuteSQL(query, dialect: ClickHouseMinuteSQL(time: .epochSeconds, amount: .number), from: -1, through: nil)
        #expect(sql.text == "SELECT toInt64(floor(toFloat64(\"t\") / 60)), sum(toInt64(round(\"a\" * 100))), count(), 0"
            + " FROM \"orders\" WHERE \"t\" IS NOT NULL AND \"t\" >= -60 AND (\"n\" IN (1, 2.5))"
            + " GROUP BY toInt64(floor(toFloat64(\"t\") / 60)) ORDER BY toInt64(floor(toFloat64(\"t\") / 60)) FORMAT TabSeparated")
        #expect(sql.parameters.isEmpty)
    }

    @Test func urlsParse() throws {
        let url = try DatabaseURL("clickhouse://ana:p%40ss@ch.internal:8124/sales?timeout=60&connect_timeout=3")
        #expect(url == .clickhouse(ClickHouseAddress(user: "ana", password: "p@ss", host: "ch.internal", port: 8124,
                                                     database: "sales", connectTimeout: 3, timeout: 60)))
        #expect(url.description == "clickhouse://ana@ch.internal:8124/sales")
        for (text, message) in [
            ("clickhouse://ch/db?sslmode=require", "unknown option 'sslmode' in database url"),
            ("clickhouse://ch/db?timeout=soon", "bad option 'timeout=soon' in clickhouse url (seconds expected)"),
            ("clickhouse://ch/db?connect_timeout=0", "bad option 'connect_timeout=0' in clickhouse url (seconds expected)"),
            ("clickhouse:///db", "no host in clickhouse url"),
            ("clickhouse://ch/my-db", "bad database name 'my-db' in clickhouse url (plain identifier expected)"),
        ] {
            #expect(throws: OrderSourceError(message)) { try DatabaseURL(text) }
        }
    }

    @Test func aSandboxAllowsOnlyNamedServers() throws {
        let named = ClickHouseAddress(user: "ana", password: "secret", host: "ch", port: 8123, database: "sales")
        let list = DatabaseAllowList([], clickHouse: [named])
        var asked = named
        asked.password = "guess"
        #expect(try list.permit(asked) == named)
        asked.host = "elsewhere"
        #expect(throws: OrderSourceError("connecting to 'clickhouse://ana@elsewhere:8123/sales' is not allowed in the sandbox"
            + " (name the database with --db)")) { try list.permit(asked) }
    }
}
