-- A network of your own shape: `flashcast run examples/custom_model.lua [out folder]`.
-- Learns revenue per 15 minutes from the 4 hours before it, on the first two days of the current
-- sale, then forecasts the next 8 hours one step at a time and compares with what happened.
local out = assert(args.folder(arg[1] or "out"))

local sale = assert(orders.read("examples/data/current_sale.csv", {tz = "+08:00"}))
local revenue = sale.revenue:resample(15)          -- 288 values: 3 days of 15 minutes
local width, train, horizon = 16, 192, 32          -- 4 hours in, 2 days to learn from, 8 hours out

-- Training rows: each window of 16 values and the value after it.
local X, Y = nn.windows(revenue:slice(1, train), width)

-- The shape is yours: change the layers, their sizes, the activations.
nn.seed(7)
local model = nn.Sequential()
  :add(nn.Linear(width, 32, "xavier")):add(nn.Tanh())
  :add(nn.Linear(32, 1, "xavier"))
local history = model:fit(X, Y, {epochs = 100, lr = 1e-3, batch = 16, scale_inputs = "standard", scale_targets = "standard", seed = 1})
print(string.format("%s, %d weights, best epoch %d of %d", tostring(model), model:parameters(),
  history.best_epoch, #history.train))

-- Forecast one step at a time, feeding each prediction back as the newest input.
local window, forecast = revenue:slice(train - width + 1, train):totable(), {}
for step = 1, horizon do
  local next_value = math.max(0, model:forward({window}):column(1)[1])
  forecast[step] = next_value
  table.remove(window, 1)
  window[#window + 1] = next_value
end

local predicted, actual = 0, revenue:slice(train + 1, train + horizon):sum()
for _, value in ipairs(forecast) do predicted = predicted + value end
print(string.format("next 8 hours: forecast %.0f, actual %.0f (%+.1f %%)", predicted, actual,
  100 * (predicted / actual - 1)))

chart.loss(history, {title = "Training of the custom network", log = true}):save(out .. "/custom_loss.svg")
chart.lines({{name = "actual", values = revenue:slice(train - 47, train + horizon)},
             {name = "forecast", values = series.new{start = revenue:time(train + 1), step = 15, tz = "+08:00",
                                                     table.unpack(forecast)}}},
            {title = "Revenue per 15 minutes: custom network", currency = "$"}):save(out .. "/custom_forecast.svg")
print("charts: " .. out .. "/custom_loss.svg, " .. out .. "/custom_forecast.svg")
