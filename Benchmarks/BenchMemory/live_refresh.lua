-- Follows a growing export every 0.2 s as a dashboard would, without collectgarbage(): the
-- status, the revenue so far and the kept forecast, beside the earlier sale's rows kept in a Lua
-- table (a few MB of Lua data, as a real script holds). With "collect", calls collectgarbage()
-- every 20 refreshes (the workaround the accounting makes needless).
-- usage: live_refresh.lua EXPORT PREVIOUS TIMES [collect]
local path, previous, times, collect = arg[1], arg[2], tonumber(arg[3]), arg[4] == "collect"
local earlier = {}
for line in io.lines(previous) do earlier[#earlier + 1] = {line:match("^([^,]*),([^,]*),([^,]*),([^,]*)")} end
local sale = live.open(path, {tz = "+08:00", minutes = 4320, progress = false})
for i = 1, times do
  local status = sale:refresh()
  local revenue, cumulative, forecast = sale.revenue, sale.cumulative, sale.forecast
  local hour = revenue:slice(math.max(1, #revenue - 59), #revenue):sum()
  if i % 50 == 0 then print(i, #revenue, hour, forecast and forecast.mean[#forecast.mean], #earlier) end
  if collect and i % 20 == 0 then collectgarbage() end
  os.execute("sleep 0.2")
end
