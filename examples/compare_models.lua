-- Which model to trust for this sale? `flashcast run examples/compare_models.lua [out folder]`
-- Forecasts the same 200 minutes from the same cutoff with FlashCast's default model and with the
-- paper's network, measures both against what happened, beside the naive drift baseline, and draws both.
local out = assert(args.folder(arg[1] or "out"))
local sale = assert(orders.read("examples/data/current_sale.csv", {tz = "+08:00"}))
local earlier = assert(orders.read("examples/data/previous_sale.csv", {tz = "+08:00"})).revenue

local request = {cutoff = "2021-11-12T16:00", train = 500, horizon = 200, history = earlier}
local forecasts = {}
for _, model in ipairs({"flashcast", "paper"}) do
  request.model = model
  request.epochs = model == "paper" and 20 or nil   -- a short training keeps the example quick
  forecasts[model] = forecast.run(sale.revenue, request)
end

-- hre@200: the error on the revenue gained over the 200 minutes; MAPE on the cumulative curve.
print(string.format("%-10s %9s %8s %10s", "model", "hre@200", "MAPE", "end total"))
local function line(name, metrics, mean)
  print(string.format("%-10s %8.1f%% %7.2f%% %10.0f", name, 100 * metrics.hre200, 100 * metrics.mape, mean[#mean]))
end
for _, model in ipairs({"flashcast", "paper"}) do line(model, forecasts[model].metrics, forecasts[model].mean) end
local drift = forecasts.flashcast.baselines.drift
line("drift", drift.metrics, drift.mean)
local actual = forecasts.flashcast.actual
print(string.format("%-10s %9s %8s %10.0f", "actual", "", "", actual[#actual]))

local best = forecasts.flashcast.metrics.hre200 <= forecasts.paper.metrics.hre200 and "flashcast" or "paper"
print("closer on the revenue gained: " .. best)

chart.lines({{name = "actual", values = sale.cumulative:slice("2021-11-12T06:00", "2021-11-12T19:20")},
             {name = "flashcast", values = forecasts.flashcast.mean},
             {name = "paper", values = forecasts.paper.mean}},
            {title = "Two models, the same 200 minutes", currency = "$"}):save(out .. "/compare_models.svg")
print("chart: " .. out .. "/compare_models.svg")
