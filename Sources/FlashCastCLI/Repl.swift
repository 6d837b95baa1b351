import ArgumentParser
import FlashLua
import FlashREPL
import LuaBridge
import SaleReports

/// `flashcast repl [--orders live.csv | --db URL --table NAME ...]`.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the interactive Lua REPL with FlashCast's libraries.",
        discussion: """
            Expressions print their value (tables pretty-printed); an incomplete chunk continues on a \
            '>> ' prompt; Tab completes names, fields and methods (string.fo<Tab>, s:<Tab>); commands \
            taking 0.5 s or more show their time. Ctrl-C interrupts a computation (variables are kept) or \
            clears the line; what Lua cannot interrupt (a looping __gc finalizer, one long C call such as a \
            huge string.rep) is reported after a second, and the next Ctrl-C quits. Ctrl-D quits. History is kept in ~/.flashcast_history. With standard input not a terminal, \
            runs it as a script. help() lists the libraries.

            During a sale, --orders FILE preloads the sale being exported to FILE as the global 'sale' \
            (and the earlier sale's revenue as 'history'), prints its status, and adds refresh() (read the \
            new orders, re-train when needed, print one status block: now, revenue so far, forecast \
            end-of-sale total with its band, pace against the target, alert state) and watch(60) (refresh \
            every 60 s until Ctrl-C). Every command then shows its time. The forecast runs to the end of the \
            sale: --end TIME or --minutes N (default: the earlier sale's length). help(refresh) documents it. \
            With --by country (--zones, --max-groups as for aggregate; an export's column or, with --db, the \
            table's) each refresh also reads the new orders by groups and says first, on the status's second line, which groups are behind a forecast made an hour \
            before (sale.status.groups, sale.status.behind). Markets paying in their own currencies: \
            --currency USD --rates EUR=1.08,... converts each order (of the export, or in the database with \
            --db and --map currency=...) as aggregate does.

            Or follow the orders table of the shop's database: --db postgres://user@host/db (password from \
            PGPASSWORD or ~/.pgpass, never printed), --db clickhouse://user@host:8123/db (password from \
            CLICKHOUSE_PASSWORD or CLICKHOUSE_PASSWORD_FILE) or --db sqlite:path.db, with --table, --map \
            time=created_at,amount=total[,customer=...], --where and --from (the sale's first minute), as for \
            `flashcast aggregate --db`. Each refresh() then asks only for the minutes after the last complete \
            one; a lost connection is retried after 0.5, 1, 2 and 4 s, and when it stays lost the status keeps \
            the last figures, says so, and the next refresh() tries again.
            """)

    @OptionGroup var live: LiveSaleArguments

    func run() throws {
        let state = try FlashLua.makeState()
        let banner = FlashCast.banner
        guard live.follows else {
            let status = try REPL(state: state, banner: banner).run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let sale: LiveSale
        do { sale = try live.open() } catch let error as ValidationError { throw CommandFailure.usage(error.message, Self.self) }
        print(banner)
        do { try Self.preload(sale, in: state) } catch {
            StandardError.write("flashcast: \(error.message)\n")  // the first refresh failed (an unreadable export): no traceback
            throw ExitCode(1)
        }
        let status = try REPL(state: state, banner: "", showsEveryTime: true).run()
        if status != 0 { throw ExitCode(status) }
    }

    /// Makes `sale` the globals `sale`, `history`, `refresh` and `watch` of `state`, and prints its status.
    private static func preload(_ sale: LiveSale, in state: LuaState) throws(LuaScriptError) {
        try state.load(Self.preloadSource, chunkName: "=live")
        FlashLua.pushFollowed(sale, in: state)
        try state.call(arguments: 1)
        FlashLua.describeSession("This live session added:", [
            ("sale", "the sale followed (LiveSale): sale.revenue, sale.cumulative, sale.status, sale.forecast, sale:refresh(); help('LiveSale')"),
            ("history", "the earlier sale's revenue per minute (Series), or nil"),
            ("refresh()", "reads the new orders, re-trains when due and prints the status (live.refresh; help(refresh))"),
            ("watch(60)", "refresh() every 60 seconds until Ctrl-C (live.watch; help(watch))"),
        ], in: state)
    }

    private static let preloadSource = """
        sale = ...
        history = sale.history
        refresh, watch = live.refresh, live.watch
        print(sale:refresh())
        print("sale, history, refresh() and watch(60) are ready; help(refresh) and help('live') explain them.")
        """
}
