-- CPU time of one default forecast (train 1000, horizon 500, with the earlier sale) with one band
-- and with three: `flashcast run Benchmarks/BenchForecast/levels_speed.lua` from the repository root.
local sale = assert(orders.read("examples/data/current_sale.csv", {tz = "+08:00"}))
local prev = assert(orders.read("examples/data/previous_sale.csv", {tz = "+08:00"}))
for _ = 1, 2 do
  for _, level in ipairs({0.8, {0.5, 0.8, 0.95}}) do
    local started = os.clock()
    for _ = 1, 20 do
      forecast.run(sale.revenue, {cutoff = "2021-11-12T08:00", train = 1000, horizon = 500, history = prev.revenue, level = level})
    end
    print(type(level) == "table" and "3 levels" or "1 level", string.format("%.1f ms", (os.clock() - started) / 20 * 1000))
  end
end
