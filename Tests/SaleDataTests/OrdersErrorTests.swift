import Testing
@testable import SaleData

/// Every message a user's orders file can cause, with the text it must produce.
let badOrderFiles: [(String, String)] = [
    ("", "orders.csv:1:1: empty file, expected a header row"),
    ("\u{FEFF}\n", "orders.csv:1:1: empty file, expected a header row"),
    ("order_id,amount\n", "orders.csv:1:1: no column for order time: expected 'order_time'"),
    ("order_time,total\n", "orders.csv:1:1: no column for amount: expected 'amount'"),
    ("\"order_time,amount\n", "orders.csv:1:1: quoted field is not closed"),
    ("order_time,amount,amount\n", "orders.csv:1:3: column 'amount' (amount) appears twice in the header, as fields 2 and 3"),
    ("Order_Time,x,order_time ,amount\n",
     "orders.csv:1:3: column 'Order_Time' (order time) appears twice in the header, as fields 1 and 3"),
    ("order_time,amount\n2021-05-20T14:03:00,1,2\n", "orders.csv:2:3: row has 3 fields, header has 2"),
    ("order_id,order_time,amount\n1,2021-05-20T14:03:00\n", "orders.csv:2:3: row has 2 fields, header has 3"),
    ("order_id,order_time,amount\n,2021-05-20T14:03:00,1\n", "orders.csv:2:1: order id is missing"),
    ("order_id,order_time,amount\n1, ,1\n", "orders.csv:2:2: order time is missing"),
    ("order_time,amount\n20/05/21 14:03,1\n", "orders.csv:2:1: order time is not a timestamp: '20/05/21 14:03'"),
    ("order_time,amount\n32.05.2021 14:03,1\n", "orders.csv:2:1: order time is not a timestamp: '32.05.2021 14:03'"),
    ("order_time,amount\n2021-05-20T14:03:00,\n", "orders.csv:2:2: amount is missing"),
    ("order_time;amount\n2021-05-20T14:03:00;12,5,0\n", "orders.csv:2:2: amount is not a number: '12,5,0'"),
    ("order_time;amount\n2021-05-20T14:03:00;1.23,5\n", "orders.csv:2:2: amount is not a number: '1.23,5'"),
    ("order_time,amount\n2021-05-20T14:03:00,-5\n", "orders.csv:2:2: amount is negative: '-5'"),
    ("order_time,amount\n2021-05-20T14:03:00,1234567890123\n", "orders.csv:2:2: amount is too large: '1234567890123'"),
    ("order_time,amount\n2021-05-20T14:03:00,0" + String(repeating: "6", count: 30) + ".01\n",
     "orders.csv:2:2: amount is too large: '0" + String(repeating: "6", count: 30) + ".01'"),
    ("order_time,amount,currency\n2021-05-20T14:03:00,1,XYZ\n", "orders.csv:2:3: unknown currency 'XYZ'"),
    ("order_time,amount\n2021-05-20T14:03:00,\"1\n", "orders.csv:2:2: quoted field is not closed"),
    ("order_time,amount\n2021-05-20T14:03:00,\"1\"x\n", "orders.csv:2:2: text after a closing quote"),
    ("order_time,amount\n" + String(repeating: "x", count: 50) + ",1\n",
     "orders.csv:2:1: order time is not a timestamp: '" + String(repeating: "x", count: 40) + "...'"),
]

@Suite struct OrdersErrorTests {
    @Test(arguments: badOrderFiles)
    func strictModeNamesFileLineAndColumn(text: String, message: String) {
        #expect {
            _ = try readOrders(text)
        } throws: { error in
            (error as? OrdersError)?.description == message
        }
    }

    @Test func lineNumbersCountLineBreaksInsideQuotes() {
        let text = "note,order_time,amount\n\"a\nb\r\nc\",2021-05-20T14:03:00,1\nx,2021-05-20T14:03:00,1.2.3\n"
        #expect(throws: OrdersError(file: "orders.csv", line: 5, column: 3, reason: "amount is not a number: '1.2.3'")) {
            try readOrders(text)
        }
    }

    @Test func aMappedColumnMustExist() {
        #expect(throws: OrdersError(file: "orders.csv", line: 1, column: 1, reason: "no column for customer: expected 'buyer'")) {
            try readOrders("order_time,amount\n") { $0.columns.customer = "buyer" }
        }
    }

    @Test func oneColumnForTwoFieldsIsRefused() {
        #expect(throws: OrdersError(file: "orders.csv", line: 1, column: 2,
                                    reason: "column 'amount' is given for both order time and amount")) {
            try readOrders("id,amount\n") { $0.columns.time = "amount" }
        }
        #expect(throws: OrdersError(file: "orders.csv", line: 1, column: 1,
                                    reason: "column 'order_id' is given for both order id and customer")) {
            try readOrders("order_id,order_time,amount\n") { $0.columns.customer = "ORDER_ID" }
        }
    }

    /// Lenient reading of a file in a format it cannot read must not pass for a sale without orders.
    @Test func lenientReadingWithEveryRowBadIsAnError() throws {
        let text = "order_time,amount\n2021-05-20T14:03:00,12x\n2021-05-20T14:04:00,n/a\n"
        #expect(throws: OrdersError(file: "orders.csv", line: 2, column: 2,
                                    reason: "every row is bad (2 skipped), the first: amount is not a number: '12x'")) {
            try readOrders(text) { $0.lenient = true }
        }
        let oneGood = try readOrders(text + "2021-05-20T14:05:00,1\n") { $0.lenient = true }
        #expect(oneGood.report.skippedTotal == 2 && oneGood.report.orders == 1)
        #expect(try readOrders("order_time,amount,status\n2021-05-20T14:03:00,1,cancelled\n") { $0.lenient = true }
            .report.orders == 0)
    }

    @Test func missingFilesAndAbsurdSpansAreReported() {
        #expect(throws: OrdersFileError(description: "cannot open '/nonexistent/orders.csv': no such file or directory")) {
            try OrdersReader.read(path: "/nonexistent/orders.csv")
        }
        #expect(throws: OrdersFileError(description: "orders.csv: orders span 27024481 minutes from "
            + "'1970-01-01T00:00' to '2021-05-20T00:00', more than ten years; check the order times or give a window")) {
            try readOrders("order_time,amount\n0,1\n2021-05-20T00:00:00,1\n")
        }
    }
}
