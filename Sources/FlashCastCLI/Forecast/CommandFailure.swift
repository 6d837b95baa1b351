import ArgumentParser
import Forecasting
import FlashREPL

/// How the forecast commands end on an error: arguments that do not fit the data are usage errors
/// (`Error: ...` and the command's usage, exit status 2); bad data and failed training exit with status 1;
/// a Ctrl-C or termination signal stops the computation, with status 128 + the signal's number.
enum CommandFailure {
    /// Runs `body` for `command`, turning its errors into the commands' exit statuses; `train` names
    /// the training window in messages about it.
    static func exitOnError<Command: ParsableCommand, T>(_ command: Command.Type, train: Int, _ body: () throws -> T) throws -> T {
        do {
            return try CommandInterruption.exitingOnStop(body)
        } catch let exit as ExitCode {
            throw exit
        } catch let error as ValidationError {
            throw usage(error.message, Command.self)
        } catch let error as ForecastError {
            guard isUsage(error) else {
                StandardError.write("flashcast: \(error)\n")
                throw ExitCode(1)
            }
            if case .trainingWindowTooShort = error { throw usage("--train \(train) does not fit: \(error)", Command.self) }
            if case .invalidOption(let name, let message) = error { throw usage("--\(name) \(message)", Command.self) }
            throw usage(error.description, Command.self)
        } catch {
            StandardError.write("flashcast: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// Prints `Error: message` and the subcommand's usage as the parser does; the exit status is 2.
    static func usage<Command: ParsableCommand>(_ message: String, _ command: Command.Type) -> ExitCode {
        let name = command._commandName
        StandardError.write("""
            Error: \(message)
            Usage: \(FlashCast.usageString(for: command))
              See 'flashcast \(name) --help' for more information.

            """)
        return ExitCode(2)
    }

    /// Errors the arguments cause (an option out of range, a window that does not fit, a missing --history).
    static func isUsage(_ error: ForecastError) -> Bool {
        switch error {
        case .invalidOption, .cutoffOutOfRange, .trainingWindowTooShort, .historyRequired: true
        case .emptySeries, .notFinite, .trainingFailed, .cancelled: false
        case .group(_, let error): isUsage(error)
        }
    }
}
