-- Will the sale reach its target? `flashcast run examples/target_check.lua [target] [time]`
-- Replays the bundled current sale as it stood at a time (default noon of its second day) and
-- checks the forecast of the end-of-sale total against the target, as a scheduled job would.
local target = tonumber(arg[1]) or 2000000
local now = arg[2] or "2021-11-12T12:00"

local sale = live.open("examples/data/current_sale.csv", {
  tz = "+08:00",
  history = "examples/data/previous_sale.csv",  -- the earlier sale: its length is this sale's, its shape the plan's
  target = target,
  now = now,                                      -- leave out for a sale that is running now
})
local status = sale:refresh()

print(string.format("at %s: %.0f so far, %.0f%% of the way through the sale", status.now, status.revenue,
  100 * status.minute / status.minutes))
print(string.format("forecast at the end: %.0f (%d%% band %.0f to %.0f)", status.forecast,
  math.floor(status.level * 100 + 0.5), status.lower, status.upper))
print(string.format("pace: %.0f%% of the plan for this minute", 100 * status.pace))

if status.upper < target then
  print(string.format("verdict: the target %.0f is out of reach without action (short by %.0f at best)",
    target, target - status.upper))
elseif status.forecast < target then
  print(string.format("verdict: behind, the target %.0f needs %.0f more than forecast", target, target - status.forecast))
else
  print(string.format("verdict: on course for the target %.0f", target))
end
