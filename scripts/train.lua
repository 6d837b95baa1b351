-- The paper's experiment 1: train on 1000 minutes, forecast the next 500, and compare with what
-- happened; loss and forecast charts, the forecast CSV and a metrics table in the output folder.
--
--   flashcast run scripts/train.lua --model paper --train 1000 --horizon 500 --out out
local o = args.parse(arg, {
  summary = "Experiment 1 of the paper: train on --train minutes, forecast --horizon, measure against the actuals.",
  usage = "flashcast run scripts/train.lua [--orders FILE] [--cutoff TIME] [--train 1000] [--horizon 500] [--model paper] [--out DIR]",
  {"orders", "examples/data/current_sale.csv", "orders export of the sale"},
  {"history", "examples/data/previous_sale.csv", "orders export of an earlier, similar sale ('' for none)"},
  {"tz", "+08:00", "the shop's time zone"},
  {"cutoff", "", "the last minute trained on, a time or an index (default: centred, train + horizon in the middle)"},
  {"train", 1000, "minutes of training data"},
  {"horizon", 500, "minutes forecast"},
  {"model", "paper", "forecasting model: " .. table.concat(forecast.models(), ", ")},
  {"epochs", 0, "training epochs of the paper's network (0: its default)"},
  {"seed", 1, "seed of the network's random choices"},
  {"out", args.output() or "out", "output folder (in the sandbox: the --output folder)"},
})

local out = assert(args.folder(o.out))
local sale = assert(orders.read(o.orders, {tz = o.tz}))
local history = o.history ~= "" and assert(orders.read(o.history, {tz = o.tz})).revenue or nil
local cutoff = o.cutoff ~= "" and (tonumber(o.cutoff) or o.cutoff)
  or o.train + (#sale.revenue - o.train - o.horizon) // 2

local fc = forecast.run(sale.revenue, {cutoff = cutoff, train = o.train, horizon = o.horizon, model = o.model,
  history = history, seed = o.seed, epochs = o.epochs > 0 and o.epochs or nil})
print(fc)

-- The model beside the baselines on the same minutes: a column per forecast.metrics(), as flashcast
-- forecast prints them, and in the CSV as plain numbers.
local text, csv = forecast.metric_table(fc)
io.write(text)
local file = assert(io.open(out .. "/train_metrics.csv", "w"))
file:write(csv)
assert(file:close())

assert(fc:save_csv(out .. "/train_forecast.csv"))
chart.forecast(fc, {title = string.format("Experiment 1: %d minutes in, %d out (%s)", o.train, o.horizon, o.model)})
  :save(out .. "/train_forecast.svg")
local written = "train_forecast.svg, train_forecast.csv, train_metrics.csv"
if #fc.history.train > 0 then
  chart.loss(fc.history, {title = "Training and validation loss", log = true}):save(out .. "/train_loss.svg")
  written = "train_loss.svg, " .. written
end
print("written to " .. out .. ": " .. written)
