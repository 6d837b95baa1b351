-- Follows a running sale from a terminal or a scheduler: every --every seconds it reads the orders
-- appended to the export (or, with --db, asks the database only for the minutes after the last
-- complete one), prints the status block and redraws out/live.svg (the forecast to the end
-- of the sale with its band); Ctrl-C stops it. With --times N it stops after N refreshes, and
-- --exit-on-alert ends it with exit status 3 as soon as the alert is raised.
--
--   flashcast run scripts/live.lua --orders data/live.csv --history data/previous.csv --target 2000000
--   flashcast run scripts/live.lua --db postgres://analyst@db/sales --table orders \
--     --map time=created_at,amount=total --where "status = 'paid'" --from 2021-11-11T00:00 --minutes 4320
--
-- A lost database connection is retried and reported in the status block; the watch carries on.
-- For an interactive session with the same status, use `flashcast repl --orders data/live.csv ...`.
local o = args.parse(arg, {
  summary = "Follow a running sale: a status block and a fresh forecast chart every few seconds.",
  usage = "flashcast run scripts/live.lua (--orders FILE | --db URL --table NAME) [--history FILE] [--target MONEY] [--every S] [--times N]",
  {"orders", "examples/data/current_sale.csv", "orders export of the running sale"},
  {"db", "", "or the shop's database: postgres://user@host/db (password from PGPASSWORD or ~/.pgpass) or sqlite:path.db"},
  {"table", "orders", "table of orders (with --db)"},
  {"map", "", "its columns (with --db), e.g. time=created_at,amount=total,customer=customer_id (default order_time, amount)"},
  {"where", "", "rows to keep (with --db), e.g. \"status = 'paid'\""},
  {"from", "", "the sale's first minute (with --db; default its first order)"},
  {"history", "examples/data/previous_sale.csv", "orders export of an earlier, similar sale ('' for none)"},
  {"tz", "+08:00", "the shop's time zone"},
  {"target", 0, "revenue the sale should make by its end (0: no target)"},
  {"end", "", "the sale's last minute (default: the earlier sale's length)"},
  {"minutes", 0, "or the sale's length in minutes (0: from --end or the earlier sale)"},
  {"now", "", "replay: the sale as it stood at this minute"},
  {"every", 60, "seconds between refreshes"},
  {"times", 0, "refreshes before stopping (0: until Ctrl-C)"},
  {"exit-on-alert", false, "stop with exit status 3 when the alert is raised"},
  {"out", args.output() or "out", "output folder for live.svg and live.csv (in the sandbox: the --output folder)"},
})

local function given(text) return text ~= "" and text or nil end
assert(args.folder(o.out))
local options = {
  tz = o.tz, history = given(o.history), target = o.target > 0 and o.target or nil,
  ["end"] = given(o["end"]), minutes = o.minutes > 0 and o.minutes or nil, now = given(o.now),
}
local sale
if given(o.db) then
  local columns = {}
  for role, name in o.map:gmatch("(%w+)=([^,]+)") do columns[role] = name end
  options.db, options.table, options.where, options.from = o.db, o.table, given(o.where), given(o.from)
  options.time, options.amount = columns.time or "order_time", columns.amount or "amount"
  options.customer = columns.customer
  sale = assert(live.open(options))
else
  sale = live.open(o.orders, options)
end

-- After each status block: redraw the chart, save the curve, and stop on an alert if asked.
sale:watch(o.every, o.times > 0 and o.times or nil, function(status)
  if sale.forecast then
    chart.forecast(sale.forecast, {title = "Live: revenue and forecast to the end of the sale"}):save(o.out .. "/live.svg")
  end
  sale.cumulative:save_csv(o.out .. "/live.csv", "cumulative")
  if status.alert ~= "ok" and o["exit-on-alert"] then os.exit(3) end
end)
