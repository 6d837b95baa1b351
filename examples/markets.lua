-- Breaks the bundled four-market sale down by country and forecasts every market and the total so
-- that they add up: `flashcast run examples/markets.lua [data folder]`.
local folder = arg[1] or "examples/data"
local rates = {EUR = 1.08, USD = 1, JPY = 0.0067, BRL = 0.2}
local sale = assert(orders.read(folder .. "/markets_sale.csv", {
  tz = "+08:00", currency = "USD", rates = rates, by = "country",
  zones = {DE = "Europe/Berlin", US = "America/New_York", JP = "Asia/Tokyo", BR = "America/Sao_Paulo"}}))
print(string.format("total %.2f over %d minutes, %d markets", sale.total, #sale.revenue, #sale.groups))
for _, market in ipairs(sale.groups) do   -- in name order; each series on its market's clock
  local evening = market.revenue:slice("2021-11-12T20:00", "2021-11-12T20:59"):sum()
  local night = market.revenue:slice("2021-11-12T04:00", "2021-11-12T04:59"):sum()
  print(string.format("  %-3s %11.2f (%4.1f%%), on 12 November at 20:00 local %8.2f, at 04:00 %8.2f", market.name,
    market.total, 100 * market.total / sale.total, evening, night))
end

local fc = forecast.run(sale, {cutoff = "2021-11-12T20:00", horizon = 500})
print(fc.summary)
for _, name in ipairs({"DE", "US", "JP", "BR"}) do
  print(string.format("  %-3s %s", name, fc.groups[name]))
end
print("  all " .. tostring(fc.total))
