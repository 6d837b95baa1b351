import Foundation
import Testing

/// A suite trait that gives all the suite's tests one temporary folder: made, and filled by
/// `prepare`, before the first test runs, and removed after the last one, pass or fail.
///
/// Tests find the folder in ``current``.
public struct SharedTemporaryFolder: SuiteTrait, TestScoping {
    /// The folder of the suite being run, or nil outside such a suite.
    @TaskLocal public static var current: URL?

    let name: String
    let prepare: @Sendable (URL) -> Void

    /// Makes the folder, runs the suite with it as ``current``, then removes it.
    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let folder = TemporaryFolder(name)
        defer { folder.remove() }
        prepare(folder.url)
        try await Self.$current.withValue(folder.url) { try await function() }
    }
}

extension Trait where Self == SharedTemporaryFolder {
    /// One temporary folder named `name-UUID` for all the suite's tests, filled by `prepare`.
    public static func sharedTemporaryFolder(_ name: String, prepare: @escaping @Sendable (URL) -> Void) -> Self {
        SharedTemporaryFolder(name: name, prepare: prepare)
    }
}
