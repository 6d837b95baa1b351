import Foundation

/// A new empty folder under the system's temporary directory, removed with everything in it by
/// ``remove()`` or, at the latest, when the last reference to it goes away.
///
/// In a test function, pair it with `defer { folder.remove() }`, so the folder goes whether the
/// test passes, fails or throws. As a suite's stored property (`@TemporaryFolder("name") var folder`,
/// a `URL`) it lives as long as the suite instance, which Swift Testing makes for each test.
@propertyWrapper
public final class TemporaryFolder: Sendable {
    /// The folder's location.
    public let url: URL

    /// The folder's path.
    public var path: String { url.path }

    /// The folder's location, for use as a property wrapper.
    public var wrappedValue: URL { url }

    /// Creates the folder `name-UUID` in the temporary directory.
    public init(_ name: String = "flashcast-test") {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { remove() }

    /// Removes the folder and everything in it.
    public func remove() { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to the file `name` (replacing it) and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try write(name, bytes: Array(text.utf8)) }

    /// Writes `bytes` to the file `name` (replacing it) and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = file(name)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return path
    }

    /// Appends `text` to the file `name`, which must exist.
    public func append(_ name: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file(name)))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// The names of the files in the folder, sorted.
    public func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
}
