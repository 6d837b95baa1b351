#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the password for a PostgreSQL address the way libpq does: the URL first, then the
/// `PGPASSWORD` variable, then the password file (`PGPASSFILE`, by default `~/.pgpass`).
///
/// The environment and home folder are passed in, so that tests need not change the process's.
public struct PostgresCredentials: Sendable {
    /// Environment variables to read (`PGPASSWORD`, `PGPASSFILE`, `PGUSER`, `HOME`).
    public var environment: [String: String]

    /// Credentials read from an environment (by default the process's).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The user name libpq would use for an address: the URL's, `PGUSER`, or the login name.
    public func user(for address: PostgresAddress) -> String? {
        address.user ?? environment["PGUSER"] ?? environment["USER"]
    }

    /// The password for an address, or nil to let the server decide (it may not need one).
    public func password(for address: PostgresAddress) -> String? {
        if let password = address.password { return password }
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        guard let path = passwordFilePath, let text = Self.readPrivateFile(path) else { return nil }
        let host = address.host ?? "localhost"
        let port = String(address.port ?? 5432)
        let user = user(for: address) ?? ""
        let database = address.database ?? user
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = PasswordFileLine.fields(of: line)
            guard fields.count == 5 else { continue }
            let wanted = [host, port, database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// `PGPASSFILE`, or `.pgpass` in the home folder.
    var passwordFilePath: String? {
        if let path = environment["PGPASSFILE"], !path.isEmpty { return path }
        return environment["HOME"].map { $0 + "/.pgpass" }
    }

    /// The file's text, or nil when it is missing or readable by group or others (libpq ignores it then).
    static func readPrivateFile(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 == 0,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The fields of a `.pgpass` line: `host:port:database:user:password`, with `\:` and `\\` escapes.
enum PasswordFileLine {
    static func fields(of line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
