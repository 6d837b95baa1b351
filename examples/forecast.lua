-- Forecasts the current bundled sale with the previous one as history, checks it for an early
-- warning and back-tests the model: `flashcast run examples/forecast.lua [output-folder]`.
local out = arg[1] or "out"
local current = assert(orders.read("examples/data/current_sale.csv", {tz = "+08:00"}))
local previous = assert(orders.read("examples/data/previous_sale.csv", {tz = "+08:00"}))

-- The morning of day 2: train on the last 1000 minutes, forecast the next 500. The sale goes on
-- past the cutoff, so the forecast is also measured against what happened.
local fc = forecast.run(current.revenue, {cutoff = "2021-11-12T08:00", train = 1000, horizon = 500,
                                          history = previous.revenue})
print(fc)
local m = fc.metrics
print(string.format("hre@500 %.1f%% (drift %.1f%%), %d%% of the minutes inside the %d%% band",
  100 * m.hre500, 100 * fc.baselines.drift.metrics.hre500, math.floor(100 * m.coverage + 0.5),
  math.floor(100 * fc.level + 0.5)))
assert(fc:save_csv(out .. "/forecast.csv"))                 -- cutoff,minute,step,actual,forecast,lower,upper
chart.forecast(fc, {title = "Current sale from 08:00", currency = "$"}):save(out .. "/forecast.svg")

-- Early warning, as a scheduled run would check it: did revenue fall below the band for 15 minutes,
-- or is it heading below 1.1M by the forecast's last minute?
local verdict = forecast.warning(current.revenue, fc, {k = 15, target = 1.1e6})
print(verdict.alert and verdict.message or "no warning")
chart.warning(verdict, {title = "Early warning", currency = "$"}):save(out .. "/warning.svg")

-- The paper's experiment 2: 500 minutes in, 200 out, every 200 minutes over the whole sale.
local bt = forecast.backtest(current.revenue, {train = 500, horizon = 200, step = 200, history = previous.revenue})
print(string.format("%s: drift's mean hre@200 %.1f%%", tostring(bt), 100 * bt.baselines.drift.hre200))
chart.backtest(bt, {title = "Rolling back-test", currency = "$"}):save(out .. "/backtest.svg")
