-- The paper's experiment 2: a rolling back-test over the whole sale, 500 minutes in and 200 out,
-- moving on by 200; the metrics of the model beside the baselines', the chart of every piece and
-- the pieces as CSV in the output folder.
--
--   flashcast run scripts/rolling.lua --model paper --train 500 --horizon 200 --step 200 --out out
local o = args.parse(arg, {
  summary = "Experiment 2 of the paper: a rolling back-test over the whole sale, metrics table and chart.",
  usage = "flashcast run scripts/rolling.lua [--orders FILE] [--train 500] [--horizon 200] [--step 200] [--model paper] [--out DIR]",
  {"orders", "examples/data/current_sale.csv", "orders export of the sale"},
  {"history", "examples/data/previous_sale.csv", "orders export of an earlier, similar sale ('' for none)"},
  {"tz", "+08:00", "the shop's time zone"},
  {"train", 500, "minutes of training data of each piece"},
  {"horizon", 200, "minutes forecast by each piece"},
  {"step", 200, "minutes between the pieces' cutoffs"},
  {"model", "paper", "forecasting model: " .. table.concat(forecast.models(), ", ")},
  {"epochs", 0, "training epochs of the paper's network (0: its default)"},
  {"seed", 1, "seed of the network's random choices"},
  {"out", args.output() or "out", "output folder (in the sandbox: the --output folder)"},
})

local out = assert(args.folder(o.out))
local sale = assert(orders.read(o.orders, {tz = o.tz}))
local history = o.history ~= "" and assert(orders.read(o.history, {tz = o.tz})).revenue or nil

local bt = forecast.backtest(sale.revenue, {train = o.train, horizon = o.horizon, step = o.step, model = o.model,
  history = history, seed = o.seed, epochs = o.epochs > 0 and o.epochs or nil})
print(bt)

-- Mean metrics over the pieces, the model then each baseline it was compared with: a column per
-- forecast.metrics(), as flashcast backtest prints them, and in the CSV as plain numbers.
local text, csv = forecast.metric_table(bt)
io.write(text)
local file = assert(io.open(out .. "/rolling_metrics.csv", "w"))
file:write(csv)
assert(file:close())

assert(bt:save_csv(out .. "/rolling_pieces.csv"))
chart.backtest(bt, {title = string.format("Experiment 2: rolling %d -> %d, step %d (%s)", o.train, o.horizon, o.step, o.model)})
  :save(out .. "/rolling.svg")
print("written to " .. out .. ": rolling.svg, rolling_pieces.csv, rolling_metrics.csv")
