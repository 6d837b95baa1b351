-- The scheduled report: where the sale stands now, the forecast to its end with its band, the
-- early-warning verdict, charts and CSVs, an index (report.md) linking them and a web page
-- (report.html: everything inline, readable on a phone, reloading itself with --refresh).
--
--   flashcast run scripts/report.lua --orders data/live.csv --history data/previous.csv --target 2000000
--
-- With --by country (a column of the export) the markets behind their forecast come first: in the
-- status, in the verdict, and in the charts (one panel per market, then their revenue stacked).
--
-- Exit status 3 when the alert is raised (revenue below the forecast's band, or the forecast short
-- of the target), so cron can act on it; see the README's crontab line.
local o = args.parse(arg, {
  summary = "The scheduled report of a running sale: status, forecast to the end with its band, verdict, charts.",
  usage = "flashcast run scripts/report.lua [--orders FILE] [--history FILE] [--target MONEY] [--out DIR] ...",
  {"orders", "examples/data/current_sale.csv", "orders export of the running sale"},
  {"history", "examples/data/previous_sale.csv", "orders export of an earlier, similar sale ('' for none)"},
  {"tz", "+08:00", "the shop's time zone"},
  {"target", 0, "revenue the sale should make by its end (0: no target)"},
  {"end", "", "the sale's last minute, e.g. 2021-11-13T23:59 (default: the earlier sale's length)"},
  {"minutes", 0, "the sale's length in minutes, instead of --end"},
  {"now", "", "replay: the sale as it stood at this minute (default: the latest order)"},
  {"model", "flashcast", "forecasting model: " .. table.concat(forecast.models(), ", ")},
  {"k", 15, "minutes below the band that raise the alert"},
  {"lookback", 60, "the forecast is made as of this many minutes ago, so the last ones are checked against its band"},
  {"currency", "$", "currency sign on the charts"},
  {"by", "", "break the sale down by this column of the export (country, channel...): the groups behind come first"},
  {"zones", "", "with --by, the markets' zones for their own clocks: DE=Europe/Berlin,US=America/New_York"},
  {"reporting", "", "with a currency column, the currency amounts are reported in, e.g. USD"},
  {"rates", "", "with --reporting, the rates into it: EUR=1.08,JPY=0.0067"},
  {"refresh", 0, "seconds after which report.html reloads itself, for a screen watching the sale (0: never)"},
  {"out", args.output() or "out", "output folder (in the sandbox: the --output folder)"},
})

local function given(text) return text ~= "" and text or nil end
local function positive(number) return number > 0 and number or nil end
-- "A=x,B=y" as {A = x, B = y} (numbers where the value is one), nil for "".
local function pairs_of(text)
  if text == "" then return nil end
  local result = {}
  for key, value in text:gmatch("([^,=]+)=([^,]+)") do result[key] = tonumber(value) or value end
  return result
end
-- The first `most` names of a list, and how many more: "US, BR" or "s11, s23, s29 and 397 more".
local function some(names, most)
  local shown = table.concat(names, ", ", 1, math.min(#names, most))
  return #names > most and (shown .. " and " .. (#names - most) .. " more") or shown
end
local rates = pairs_of(o.rates)
if rates and o.reporting ~= "" then rates[o.reporting] = rates[o.reporting] or 1 end

assert(args.folder(o.out))
local sale = live.open(o.orders, {
  tz = o.tz, history = given(o.history), target = positive(o.target), ["end"] = given(o["end"]),
  minutes = positive(o.minutes), now = given(o.now), model = o.model, consecutive = o.k,
  lookback = o.lookback, by = given(o.by), zones = pairs_of(o.zones), currency = given(o.reporting), rates = rates,
})
local status = sale:refresh()
print(status)

local files = {}
local function save(name, picture, caption)
  assert(picture:save(o.out .. "/" .. name))
  files[#files + 1] = {name = name, caption = caption, chart = picture}
end

-- The plan: the target spread over the sale like the earlier sale's revenue.
local plan
if sale.target and sale.history then
  local values, earlier = {start = sale.revenue.start, tz = o.tz}, sale.history:cumsum()
  local whole = earlier[#earlier]
  for i = 1, #earlier do values[i] = sale.target * earlier[i] / whole end
  plan = series.new(values)
end
-- With a target, a chart shows it as a line (and the plan, when there is one).
local function against_target(picture)
  if plan then picture:line(plan, {label = "plan (target shaped like the earlier sale)", color = 2}) end
  if sale.target then picture:rule{y = sale.target, label = "target"} end
  return picture
end

-- With --by: the groups first, those behind their forecast first (the most behind first), then the
-- largest (one panel each on one time axis; beyond a screenful, one panel sums the rest), then every
-- group's revenue stacked.
if given(o.by) then
  local grouped = assert(orders.read(o.orders, {tz = o.tz, by = o.by, zones = pairs_of(o.zones), currency = given(o.reporting),
    rates = rates, from = given(o.now) and sale.revenue:time(1), to = given(o.now)}))
  local first, seen, rest = {}, {}, {}
  for _, name in ipairs(status.behind or {}) do first[#first + 1], seen[name] = grouped.groups[name], true end
  for _, group in ipairs(grouped.groups) do
    if not seen[group.name] then rest[#rest + 1] = group end
  end
  table.sort(rest, function(a, b) return a.total > b.total or (a.total == b.total and a.name < b.name) end)
  table.move(rest, 1, #rest, #first + 1, first)
  local behind = status.behind and #status.behind > 0 and ("behind first: " .. some(status.behind, 5)) or "none behind"
  save("groups.svg", chart.groups({groups = first}, {step = 15, title = "Revenue per 15 minutes by " .. o.by,
    subtitle = behind, currency = o.currency, pick = "first"}), "Each group's revenue per 15 minutes, those behind their forecast first")
  save("stacked.svg", chart.stacked(grouped, {step = 15, title = "Revenue per 15 minutes by " .. o.by .. ", stacked",
    currency = o.currency}), "The groups' revenue per 15 minutes stacked: the top edge is the sale's")
end

-- Charts: the forecast to the end of the sale, revenue per 15 minutes, pace against the plan, the early warning.
local kept = sale.forecast
if kept then
  local short = status.alert_text:match("BELOW TARGET: [^;]+")
  local subtitle = string.format("%s, %d%% band", kept.model, math.floor(kept.level * 100 + 0.5)) .. (short and "; " .. short or "")
  save("forecast.svg", against_target(chart.forecast(kept, {title = "Forecast to the end of the sale",
    subtitle = subtitle, currency = o.currency})), "Cumulative revenue, the forecast to the end of the sale and its band")
end
save("revenue.svg", chart.bars(sale.revenue:resample(15), {title = "Revenue per 15 minutes", currency = o.currency}),
  "Revenue per 15 minutes and the running total")
if sale.current then
  save("rate.svg", chart.rate(sale.current, {step = 15, title = "Revenue per 15 minutes: actual and forecast",
    currency = o.currency}), "Revenue per 15 minutes against the forecast's rate and the range steps vary in")
end
if plan then
  save("pace.svg", against_target(chart.lines({{name = "this sale", values = sale.cumulative}},
    {title = "Pace against the plan", currency = o.currency})), "Cumulative revenue against the target's plan")
end
-- The early warning of the last --lookback minutes: actual against the band of the forecast the sale made
-- before them (the one its status's alert checks), and the expected end total against the target.
if sale.early and #sale.revenue - o.lookback >= 60 then
  local verdict = forecast.warning(sale.revenue, sale.early, {k = o.k, target = sale.target})
  if sale.current then verdict.end_now = sale.current.mean[#sale.current.mean] end   -- the status's end, not the early one's
  save("warning.svg", chart.warning(verdict, {title = "Early warning: the last " .. o.lookback .. " minutes",
    currency = o.currency}), "Revenue of the last minutes against the band forecast before them")
end

-- CSVs: the forecast and the status.
local function write(name, text)
  local file = assert(io.open(o.out .. "/" .. name, "w"))
  file:write(text)
  assert(file:close())
end
if kept then
  local rows = {"minute,forecast,lower,upper"}
  for i = 1, #kept.mean do
    rows[#rows + 1] = string.format("%s,%.2f,%.2f,%.2f", kept.mean:time(i), kept.mean[i], kept.lower[i], kept.upper[i])
  end
  write("forecast.csv", table.concat(rows, "\n") .. "\n")
end
local function cell(value)
  if type(value) == "number" then return math.type(value) == "integer" and tostring(value) or string.format("%.4f", value) end
  if value == nil then return "" end
  return '"' .. tostring(value):gsub('"', '""') .. '"'
end
local fields = {"now", "minute", "minutes", "revenue", "forecast", "lower", "upper", "target", "pace", "alert", "alert_text"}
if given(o.by) then fields[#fields + 1] = "groups" end
local rows = {"field,value"}
for _, field in ipairs(fields) do rows[#rows + 1] = field .. "," .. cell(status[field]) end
write("status.csv", table.concat(rows, "\n") .. "\n")

-- The index and the web page: the verdict, the status block and every chart and table.
local alert = status.alert ~= "ok"
local verdict = alert and ("Alert: " .. status.alert_text) or "No alert: the sale is on course."
if status.behind and #status.behind > 0 then
  verdict = "Behind their forecast: " .. some(status.behind, 10) .. ". " .. verdict
end
local tables = kept and {"forecast.csv", "status.csv"} or {"status.csv"}
local index = {"# Sale report", "", "```", tostring(status), "```", "", alert and ("**" .. verdict .. "**") or verdict, ""}
for _, file in ipairs(files) do
  index[#index + 1] = string.format("![%s](%s)", file.caption, file.name)
  index[#index + 1] = ""
end
local links = {}
for _, name in ipairs(tables) do links[#links + 1] = string.format("[%s](%s)", name, name) end
index[#index + 1] = "Tables: " .. table.concat(links, ", ") .. ". The same as one web page: [report.html](report.html)"
write("report.md", table.concat(index, "\n") .. "\n")
local charts = {}
for _, file in ipairs(files) do charts[#charts + 1] = {chart = file.chart, caption = file.caption} end
assert(chart.page{title = "Sale report", verdict = verdict, alert = alert, status = tostring(status), charts = charts,
  tables = tables, refresh = positive(o.refresh)}:save(o.out .. "/report.html"))
print("report written to " .. o.out .. "/report.md and report.html")

if alert then os.exit(3) end
