#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibPQ

/// One libpq connection: parameterised queries with text results, and errors without secrets.
final class PostgresConnection {
    private let connection: OpaquePointer
    /// Where it is connected, without the password.
    let address: PostgresAddress
    private let password: String?

    /// Connects; a failure is reported with the address (never the password) and libpq's reason.
    init(address: PostgresAddress, credentials: PostgresCredentials) throws(OrderSourceError) {
        self.address = address
        password = credentials.password(for: address)
        var parameters: [(String, String)] = [("application_name", "flashcast"), ("connect_timeout", "10")]
        if let host = address.host { parameters.append(("host", host)) }
        if let port = address.port { parameters.append(("port", String(port))) }
        if let user = credentials.user(for: address) { parameters.append(("user", user)) }
        if let database = address.database { parameters.append(("dbname", database)) }
        if let password { parameters.append(("password", password)) }
        parameters += address.options.map { ($0.key, $0.value) }
        let keys = parameters.map { strdup($0.0) }, values = parameters.map { strdup($0.1) }
        defer { (keys + values).forEach { free($0) } }
        let made = (keys + [nil]).map { UnsafePointer($0) }.withUnsafeBufferPointer { keyList in
            (values + [nil]).map { UnsafePointer($0) }.withUnsafeBufferPointer { valueList in
                PQconnectdbParams(keyList.baseAddress, valueList.baseAddress, 0)
            }
        }
        guard let made else { throw OrderSourceError("cannot connect to '\(address)': out of memory") }
        guard PQstatus(made) == CONNECTION_OK else {
            let reason = Self.redact(String(cString: PQerrorMessage(made)), password: password)
            PQfinish(made)
            throw OrderSourceError("cannot connect to '\(address)': \(reason)", connectionLost: true)
        }
        connection = made
    }

    deinit { PQfinish(connection) }

    /// Whether the connection is still usable.
    var isOpen: Bool { PQstatus(connection) == CONNECTION_OK }

    /// Runs a statement with text parameters (their types inferred by the server) and returns the rows as text.
    func query(_ sql: String, _ parameters: [String]) throws(OrderSourceError) -> [[String?]] {
        let copies = parameters.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let result = copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { list in
            PQexecParams(connection, sql, Int32(parameters.count), nil, list.baseAddress, nil, nil, 0)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let lost = PQstatus(connection) != CONNECTION_OK
            let reason = result.flatMap { PQresultErrorMessage($0) }.map { String(cString: $0) } ?? ""
            throw OrderSourceError("query on '\(address)' failed: \(reason.isEmpty ? lastError() : Self.redact(reason, password: password))",
                                   connectionLost: lost)
        }
        let rows = Int(PQntuples(result)), columns = Int(PQnfields(result))
        return (0..<rows).map { row in
            (0..<columns).map { column in
                PQgetisnull(result, Int32(row), Int32(column)) == 1
                    ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
            }
        }
    }

    /// The process id of the server backend serving this connection.
    var backendProcessID: Int { Int(PQbackendPID(connection)) }

    private func lastError() -> String { Self.redact(String(cString: PQerrorMessage(connection)), password: password) }

    /// libpq's message on one line, with any occurrence of the password replaced.
    private static func redact(_ message: String, password: String?) -> String {
        var text = message.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }
            .joined(separator: "; ")
        if let password, !password.isEmpty { text = text.replacingOccurrences(of: password, with: "<hidden>") }
        return text
    }
}
