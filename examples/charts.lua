-- Every chart kind from plain Lua tables: `flashcast run examples/charts.lua [output-folder]`.
-- A simulated six-hour flash sale starting Monday 20 May 2024, 13:00 UTC.
local out = arg[1] or "out"
local common = {start = "2024-05-20T13:00", currency = "€"}
local function with(options)                -- the common options plus `options`
  local t = {}
  for k, v in pairs(common) do t[k] = v end
  for k, v in pairs(options) do t[k] = v end
  return t
end

local rate, total = {}, {}
for m = 1, 360 do
  local wave = 900 * math.exp(-m / 50) + 260 + 420 * math.exp(-((m - 72) / 14) ^ 2)
  rate[m] = math.floor(wave * (1 + 0.15 * math.sin(m * 1.7)))
  total[m] = (total[m - 1] or 0) + rate[m]
end

-- forecast from 15:30 (minute 150): the expected rate, with a band widening with the horizon
local function forecast(cutoff, horizon, bias)
  local fc = {actual = {table.unpack(total, 1, cutoff)}, mean = {}, lower = {}, upper = {}, level = 0.8}
  local level = total[cutoff]
  for h = 1, horizon do
    local m = cutoff + h
    level = level + (900 * math.exp(-m / 50) + 260 + 420 * math.exp(-((m - 72) / 14) ^ 2)) * (bias or 1)
    local spread = 330 * math.sqrt(h)
    fc.mean[h], fc.lower[h], fc.upper[h] = level, level - spread, level + spread
  end
  return fc
end

local fc = forecast(150, 210)
chart.forecast(fc, with{title = "Flash sale revenue: forecast at 15:30"}):save(out .. "/forecast.svg")

local pieces = {}
for cutoff = 30, 270, 60 do
  pieces[#pieces + 1] = {cutoff = cutoff, mean = forecast(cutoff, 90, cutoff % 120 == 30 and 1.06 or 0.94).mean}
end
chart.backtest({actual = total, pieces = pieces}, with{title = "Rolling back-test"}):save(out .. "/backtest.svg")

chart.bars({table.unpack(rate, 1, 180)}, with{title = "Revenue per minute"}):save(out .. "/bars.svg")

local web, app = {}, {}
for m = 1, 360 do web[m] = rate[m] * 0.62; app[m] = rate[m] * 0.38 end
chart.lines({{name = "web", values = web}, {name = "app", values = app}},
            with{title = "Revenue per minute by channel"}):save(out .. "/lines.svg")

local train, validation = {}, {}
for e = 1, 60 do
  train[e] = 0.48 * math.exp(-e / 9) + 0.018
  validation[e] = 0.52 * math.exp(-e / 10) + 0.03 + 0.00045 * math.max(0, e - 32)
end
chart.loss({train = train, validation = validation}, {title = "Training", log = true}):save(out .. "/loss.svg")

local base = forecast(45, 315, 0.8).mean
local email = {}
for h, v in ipairs(base) do email[h] = v + 9000 * (1 - math.exp(-math.max(0, h + 45 - 60) / 25)) end
chart.scenarios({actual = {table.unpack(total, 1, 45)}, baseline = base,
                 scenarios = {{name = "e-mail at 14:00", values = email}},
                 events = {{at = "2024-05-20T14:00", label = "e-mail sent"}},
                 annotations = {{minute = 359, value = email[#email], text = "+€9k vs baseline"}}},
                with{title = "What if we send the e-mail?"}):save(out .. "/scenarios.svg")

local expected, lower, upper, alerts = {}, {}, {}, {}
for m = 1, 240 do
  expected[m] = 900 * math.exp(-m / 50) + 260 + 420 * math.exp(-((m - 72) / 14) ^ 2)
  lower[m], upper[m] = expected[m] * 0.75, expected[m] * 1.25
end
local actual = {table.unpack(rate, 1, 240)}
for m = 150, 165 do actual[m] = math.floor(actual[m] * 0.45) end   -- a checkout outage
for m = 1, 240 do
  if actual[m] < lower[m] or actual[m] > upper[m] then alerts[#alerts + 1] = m end
end
chart.warning({actual = actual, expected = expected, lower = lower, upper = upper, alerts = alerts},
              with{title = "Early warning", theme = "dark"}):save(out .. "/warning.svg")
print("7 charts written to " .. out)
