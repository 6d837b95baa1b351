import Foundation
import Glibc
import TestSupport

/// A program running on a pseudo-terminal, driven like a user at a keyboard: keys are written to
/// the terminal and the test waits, with a deadline, for text to appear on the screen.
final class TerminalSession {
    /// What the test waited for did not come before the deadline (or before the program ended).
    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let screen: String

        var description: String { "gave up waiting for \(waitingFor); the screen shows:\n\(screen)" }
    }

    private let pid: pid_t
    private let terminal: Int32
    private var output = [UInt8]()
    private var exitStatus: Int32?
    /// Where the next search starts: text shown before it was already matched.
    private var mark = (line: 0, column: 0)

    /// Starts `executable` on a new 80x24 terminal, with exactly `environment` (`NAME=value`).
    init(_ executable: String, _ arguments: [String], environment: [String]) throws {
        // Built before forking: the child only calls execve and _exit, safe in a threaded process.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        var terminal: Int32 = -1
        let pid = forkpty(&terminal, nil, nil, &size)
        if pid == 0 {
            // A test runner's thread may block or ignore SIGINT; a program started from a shell never does.
            sigprocmask(SIG_SETMASK, &noSignals, nil)
            signal(SIGINT, SIG_DFL)
            if let path = argv[0] { execve(path, argv, envp) }
            _exit(127)
        }
        guard pid > 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        self.pid = pid
        self.terminal = terminal
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(terminal)
    }

    /// What the terminal shows now.
    var screen: String { TerminalScreen(output).text }

    /// Types `keys` at a prompt, once the line editor reads the keyboard, as a user waits for the
    /// prompt: keys typed before that are echoed twice, and Ctrl-C or Ctrl-D would be discarded.
    func type(_ keys: String, timeout: Duration = .seconds(15)) throws {
        let deadline = ContinuousClock.now + timeout
        while !lineEditorIsReading {
            guard ContinuousClock.now < deadline else { throw Timeout(waitingFor: "the line editor", screen: screen) }
            _ = readOutput(until: min(deadline, ContinuousClock.now + .milliseconds(10)))
        }
        send(keys)
    }

    /// Sends `keys` at once (control characters included: "\u{3}" is Ctrl-C).
    func send(_ keys: String) {
        var bytes = Array(keys.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(terminal, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// True while the terminal is out of canonical mode, as libedit sets it only while it reads a line.
    private var lineEditorIsReading: Bool {
        var settings = termios()
        return tcgetattr(terminal, &settings) == 0 && settings.c_lflag & tcflag_t(ICANON) == 0
    }

    /// Waits until `text` shows after the previous match (lines joined by `\n`), then moves past it.
    func waitFor(_ text: String, timeout: Duration = .seconds(15)) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            let lines = TerminalScreen(output).lines
            if let end = Self.find(text, in: lines, from: mark) {
                mark = end
                return
            }
            guard readOutput(until: deadline) else { throw Timeout(waitingFor: "'\(text)'", screen: screen) }
        }
    }

    /// Waits for the program to exit and returns its exit status, or nil if a signal ended it.
    func waitForExit(timeout: Duration = .seconds(15)) throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard ContinuousClock.now < deadline else { throw Timeout(waitingFor: "the exit", screen: screen) }
            _ = readOutput(until: min(deadline, ContinuousClock.now + .milliseconds(50)))
        }
        exitStatus = status
        return status & 0x7f == 0 ? (status >> 8) & 0xff : nil  // WIFEXITED and WEXITSTATUS
    }

    /// Reads what the program wrote, waiting at most until `deadline`; false if nothing came.
    private func readOutput(until deadline: ContinuousClock.Instant) -> Bool {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return false }
        var request = pollfd(fd: terminal, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(remaining / .milliseconds(1)) + 1
        guard poll(&request, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(terminal, &buffer, buffer.count)
        guard count > 0 else { return false }
        output += buffer[..<count]
        return true
    }

    /// Where `text` ends in `lines` searched from `start`, or nil.
    private static func find(_ text: String, in lines: [[Character]], from start: (line: Int, column: Int))
        -> (line: Int, column: Int)?
    {
        guard start.line < lines.count else { return nil }
        let first = lines[start.line].dropFirst(start.column)
        let rest = lines[(start.line + 1)...].map { String($0) }
        let searched = ([String(first)] + rest).joined(separator: "\n")
        guard let range = searched.range(of: text) else { return nil }
        let before = searched[..<range.upperBound].split(separator: "\n", omittingEmptySubsequences: false)
        let line = start.line + before.count - 1
        let column = before.count == 1 ? start.column + before[0].count : before[before.count - 1].count
        return (line, column)
    }
}

extension TerminalSession {
    /// `flashcast repl` with `home` as its HOME (its history goes there), once its first prompt shows.
    static func repl(home: URL) throws -> TerminalSession {
        let session = try TerminalSession(
            flashcastExecutable().path, ["repl"], environment: ["HOME=\(home.path)", "TERM=dumb", "LANG=C.UTF-8"])
        try session.waitFor("help()")
        try session.waitFor("\n> ")
        return session
    }
}
