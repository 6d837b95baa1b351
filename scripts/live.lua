-- Follows a running sale from a terminal or a scheduler: every --every seconds it reads the orders
-- appended to the export, prints the status block and redraws out/live.svg (the forecast to the end
-- of the sale with its band); Ctrl-C stops it. With --times N it stops after N refreshes, and
-- --exit-on-alert ends it with exit status 3 as soon as the alert is raised.
--
--   flashcast run scripts/live.lua --orders data/live.csv --history data/previous.csv --target 2000000
--
-- For an interactive session with the same status, use `flashcast repl --orders data/live.csv ...`.
local o = args.parse(arg, {
  summary = "Follow a running sale: a status block and a fresh forecast chart every few seconds.",
  usage = "flashcast run scripts/live.lua --orders FILE [--history FILE] [--target MONEY] [--every S] [--times N]",
  {"orders", "examples/data/current_sale.csv", "orders export of the running sale"},
  {"history", "examples/data/previous_sale.csv", "orders export of an earlier, similar sale ('' for none)"},
  {"tz", "+08:00", "the shop's time zone"},
  {"target", 0, "revenue the sale should make by its end (0: no target)"},
  {"end", "", "the sale's last minute (default: the earlier sale's length)"},
  {"now", "", "replay: the sale as it stood at this minute"},
  {"every", 60, "seconds between refreshes"},
  {"times", 0, "refreshes before stopping (0: until Ctrl-C)"},
  {"exit-on-alert", false, "stop with exit status 3 when the alert is raised"},
  {"out", "out", "output folder for live.svg and live.csv"},
})

local function given(text) return text ~= "" and text or nil end
assert(args.folder(o.out))
local sale = live.open(o.orders, {
  tz = o.tz, history = given(o.history), target = o.target > 0 and o.target or nil,
  ["end"] = given(o["end"]), now = given(o.now),
})

-- After each status block: redraw the chart, save the curve, and stop on an alert if asked.
sale:watch(o.every, o.times > 0 and o.times or nil, function(status)
  if sale.forecast then
    chart.forecast(sale.forecast, {title = "Live: revenue and forecast to the end of the sale"}):save(o.out .. "/live.svg")
  end
  sale.cumulative:save_csv(o.out .. "/live.csv", "cumulative")
  if status.alert ~= "ok" and o["exit-on-alert"] then os.exit(3) end
end)
