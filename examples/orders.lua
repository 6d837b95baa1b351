-- Reads the bundled sales and compares them: `flashcast run examples/orders.lua [data folder]`.
local folder = arg[1] or "examples/data"

local sales = {}
for _, name in ipairs({"previous", "current"}) do
  local sale = assert(orders.read(folder .. "/" .. name .. "_sale.csv", {tz = "+08:00"}))
  sales[name] = sale
  print(string.format("%-8s %s", name, sale.revenue))
  print(string.format("%-8s %s", "", sale.report.summary))
end

local previous_day, current_day = sales.previous.revenue:slice(1, 1440):sum(), sales.current.revenue:slice(1, 1440):sum()
print(string.format("first day: previous %.0f, current %.0f (%+.0f %%)", previous_day, current_day,
  100 * (current_day / previous_day - 1)))

-- The campaign hour stands out from the hours around it.
local hours = sales.current.revenue:resample(60)
print(string.format("campaign hour 2021-11-12 09:00: %.0f (hour before %.0f, after %.0f)",
  hours:at("2021-11-12T09:00"), hours:at("2021-11-12T08:00"), hours:at("2021-11-12T10:00")))
