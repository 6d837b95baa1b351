import ArgumentParser
import FlashREPL
import SafeOutput

/// The files a command writes, through the one writer (SafeOutput): checked before any work, and
/// committed together at the end, so a failure leaves every output as it was.
enum CommandOutputs {
    /// A usage error (exit status 2) when an output is named by an empty string, or is also an input
    /// or another output of the run: the same file by device and inode, or the same resolved path
    /// when it does not exist yet.
    static func check(_ outputs: [(label: String, path: String?)], inputs: [(label: String, path: String?)]) throws {
        let named = { (list: [(label: String, path: String?)]) in list.compactMap { item in item.path.map { (label: item.label, path: $0) } } }
        if let empty = named(outputs).first(where: { $0.path.isEmpty }) {
            throw ValidationError("\(empty.label) must name a file ('-' for standard output)")
        }
        if let clash = FileIdentity.firstClash(outputs: named(outputs), inputs: named(inputs)) { throw ValidationError(clash) }
    }

    /// Prints a command's report: on standard output, or on standard error when an output is `-`
    /// (standard output then carries only that file).
    static func report(_ text: String, outputs: [String?]) {
        if outputs.contains("-") { StandardError.write(text) } else { print(text, terminator: "") }
    }
}
