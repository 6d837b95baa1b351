import Testing
@testable import SaleData

@Suite struct RowTableTests {
    let csv = """
        id,customer,amount,note
        007,ann,0.1,"says ""hi"", twice"
        2,bob,0.2,
        3,ann,12.5,x
        4,cy,,y

        """

    var table: RowTable { get throws { try RowTable.parse(csv: Array(csv.utf8)) } }

    @Test func readsNumbersTextAndQuotes() throws {
        let table = try table
        #expect(table.names == ["id", "customer", "amount", "note"])
        #expect(table.count == 4)
        #expect(try table.column("id") == .texts(["007", "2", "3", "4"]))  // a leading zero keeps ids text
        guard case .numbers(let amounts) = try table.column("amount") else { Issue.record("amount is text"); return }
        #expect(amounts.prefix(3) == [0.1, 0.2, 12.5] && amounts[3].isNaN)
        #expect(try table.column("note") == .texts(["says \"hi\", twice", "", "x", "y"]))
    }

    @Test func filtersSortsAndTakesTheHead() throws {
        let table = try table
        #expect(try table.filter("amount", .greater, .number(0.15)).count == 2)
        #expect(try table.filter("customer", .equal, .text("ann")).column("amount") == table.taking([0, 2]).column("amount"))
        #expect(try table.sorted(by: "customer", descending: true).column("customer") == .texts(["cy", "bob", "ann", "ann"]))
        #expect(try table.sorted(by: "amount", descending: true).column("id") == .texts(["3", "2", "007", "4"]))
        #expect(table.head(2).count == 2 && table.head(-1).count == 0 && table.head(99).count == 4)
        #expect(throws: RowTableError("column 'amount' holds numbers, not text")) {
            try table.filter("amount", .equal, .text("x"))
        }
        #expect(throws: RowTableError("no column 'nope' (columns: id, customer, amount, note)")) { try table.sorted(by: "nope") }
    }

    @Test func groupsAndAggregatesExactly() throws {
        let groups = try table.grouped(by: ["customer"], [("n", .count, nil), ("total", .sum, "amount"), ("top", .max, "amount")])
        #expect(groups.names == ["customer", "n", "total", "top"])
        #expect(try groups.column("customer") == .texts(["ann", "bob", "cy"]))
        #expect(try groups.column("n") == .numbers([2, 1, 1]))
        guard case .numbers(let totals) = try groups.column("total") else { Issue.record("total is text"); return }
        #expect(totals[0] == 12.6 && totals[1] == 0.2 && totals[2].isNaN)
        #expect(throws: RowTableError("'sum' needs a column of numbers, 'note' holds text")) {
            try table.grouped(by: ["customer"], [("x", .sum, "note")])
        }
    }

    @Test func writesCSVThatReadsBackTheSame() throws {
        let table = try table
        let text = table.csv()
        #expect(text.hasPrefix("id,customer,amount,note\n007,ann,0.1,\"says \"\"hi\"\", twice\"\n"))
        let back = try RowTable.parse(csv: Array(text.utf8))
        #expect(back.csv() == text)
        #expect(try back.column("id") == table.column("id"))
    }

    @Test(arguments: [
        ("a,b\n1\n", "rows.csv:2: row has 1 fields, expected 2"), ("", "rows.csv:1: no header row"),
        ("a,a\n1,2\n", "rows.csv:1: column names repeat"), ("a,b\n\"x,1\n", "rows.csv:2: badly quoted field 1"),
    ])
    func badFilesNameTheLine(text: String, message: String) {
        #expect(throws: RowTableError(message)) { try RowTable.parse(csv: Array(text.utf8)) }
    }

    @Test func printsAnAlignedTable() throws {
        #expect(try table.table(rows: 2) == """
            id   customer  amount  note
            007  ann          0.1  says "hi", twice
            2    bob          0.2
            4 rows, 4 columns (first 2 shown)
            """)
    }

    /// A quoted field with a line break (a CRLF export) once broke the printed table across lines.
    @Test func controlCharactersInFieldsPrintAsEscapes() throws {
        let table = try RowTable.parse(csv: Array("id,note\r\n1,\"two\r\nlines\"\r\n2,\"tab\there\u{1B}\"\r\n".utf8))
        #expect(table.description == #"""
            id  note
             1  two\r\nlines
             2  tab\there\27
            2 rows, 2 columns
            """#)
    }
}

@Suite struct RowTableGroupingTests {
    @Test func groupsByNumbersAndSeveralColumns() throws {
        let table = try RowTable(names: ["k", "t", "v"], columns: [
            .numbers([0, -0.0, .nan, .nan, 1]), .texts(["a", "a", "b", "b", "a"]), .numbers([1, 2, 3, .nan, 0.1]),
        ])
        let byNumber = try table.grouped(by: ["k"], [("n", .count, nil), ("low", .min, "v")])
        #expect(byNumber.count == 3)
        #expect(try byNumber.column("n") == .numbers([2, 2, 1]))
        #expect(try byNumber.column("low") == .numbers([1, 3, 0.1]))
        let byBoth = try table.grouped(by: ["t", "k"], [("mean", .mean, "v")])
        #expect(byBoth.count == 3)
        guard case .numbers(let means) = try byBoth.column("mean") else { Issue.record("mean is text"); return }
        #expect(means[0] == 1.5 && means[1].isNaN && means[2] == 0.1)
    }
}
