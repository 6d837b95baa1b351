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
        if let reason = flashcast_pq_load() { throw OrderSourceError("cannot connect to '\(address)': \(String(cString: reason))") }
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
                flashcast_PQconnectdbParams(keyList.baseAddress, valueList.baseAddress, 0)
            }
        }
        guard let made else { throw OrderSourceError("cannot connect to '\(address)': out of memory") }
        guard flashcast_PQstatus(made) == CONNECTION_OK else {
            let reason = Self.redact(String(cString: flashcast_PQerrorMessage(made)), password: password)
            flashcast_PQfinish(made)
            throw OrderSourceError("cannot connect to '\(address)': \(reason)", connectionLost: true)
        }
        connection = made
    }

    deinit { flashcast_PQfinish(connection) }

    /// Whether the connection is still usable.
    var isOpen: Bool { flashcast_PQstatus(connection) == CONNECTION_OK }

    /// Runs a statement with text parameters (their types inferred by the server) and returns the rows as text.
    func query(_ sql: String, _ parameters: [String]) throws(OrderSourceError) -> [[String?]] {
        let copies = parameters.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let result = copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { list in
            flashcast_PQexecParams(connection, sql, Int32(parameters.count), nil, list.baseAddress, nil, nil, 0)
        }
        defer { flashcast_PQclear(result) }
        let status = flashcast_PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let lost = flashcast_PQstatus(connection) != CONNECTION_OK
            let reason = result.flatMap { flashcast_PQresultErrorMessage($0) }.map { String(cString: $0) } ?? ""
            throw OrderSourceError("query on '\(address)' failed: \(reason.isEmpty ? lastError() : Self.redact(reason, password: password))",
                                   connectionLost: lost)
        }
        let rows = Int(flashcast_PQntuples(result)), columns = Int(flashcast_PQnfields(result))
        return (0..<rows).map { row in
            (0..<columns).map { column in
                flashcast_PQgetisnull(result, Int32(row), Int32(column)) == 1
                    ? nil : String(cString: flashcast_PQgetvalue(result, Int32(row), Int32(column)))
            }
        }
    }

    /// The process id of the server backend serving this connection.
    var backendProcessID: Int { Int(flashcast_PQbackendPID(connection)) }

    private func lastError() -> String { Self.redact(String(cString: flashcast_PQerrorMessage(connection)), password: password) }

    /// libpq's message on one line, with any occurrence of the password replaced.
    private static func redact(_ message: String, password: String?) -> String {
        var text = message.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }
            .joined(separator: "; ")
        if let password, !password.isEmpty { text = text.replacing(password, with: "<hidden>") }
        return text
    }
}
