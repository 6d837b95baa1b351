-- What did the e-mail campaign bring, and what would the next one? `flashcast run examples/scenario.lua [out]`
-- Learns the lift and half-life of the campaign sent at 09:00 on the current sale's second day from
-- the revenue around it (against a baseline without it), with their intervals, and what it brought.
local sale = assert(orders.read("examples/data/current_sale.csv", {tz = "+08:00"}))

local effect = scenario.learn(sale.revenue, {at = "2021-11-12T09:00", before = 180, after = 240})
print(string.format("lift %+.0f%% (90%% interval %+.0f%% to %+.0f%%)", 100 * effect.lift,
  100 * effect.lift_low, 100 * effect.lift_high))
print(string.format("half-life %.0f minutes (%.0f to %.0f)", effect.half_life, effect.half_life_low, effect.half_life_high))
print(string.format("extra revenue in the 4 hours after the send: %.0f (baseline %.0f per minute)",
  effect.extra, effect.baseline))

-- The learned effect is a ready scenario for the next campaign: the same e-mail at 14:00.
local next_email = scenario.email{at = "14:00", from = effect}
print(tostring(next_email))

-- What if we sent it at 14:00 today, or at 20:00? The sale as it stood at noon, its forecast to the
-- end, and each scenario's total and gain over doing nothing.
local out = assert(args.folder(arg[1] or "out"))
local live_sale = live.open("examples/data/current_sale.csv", {tz = "+08:00", now = "2021-11-12T12:00",
  history = "examples/data/previous_sale.csv", progress = false})
live_sale:refresh()
-- live_sale.current is the end-of-sale forecast as of now; a scenario that sends an e-mail starts
-- from its burst-free band (this sale's e-mail of 09:00 is not counted twice), as `flashcast whatif`.
local whatif = scenario.whatif(live_sale.current, {
  {next_email, name = "e-mail at 14:00"},
  {scenario.email{at = "20:00", from = effect}, name = "e-mail at 20:00"},
}, {by = "18:00", target = 2300000})
print(whatif:summary())
local drawn = {actual = live_sale.cumulative:slice("2021-11-12T00:00"), baseline = whatif.baseline.mean, scenarios = {}}
for i = 1, #whatif do
  drawn.scenarios[i] = {name = whatif[i].name, values = whatif[i].mean, lower = whatif[i].lower, upper = whatif[i].upper}
end
chart.scenarios(drawn, {title = "What the next e-mail would bring", currency = "$"}):save(out .. "/scenarios.svg")
print("chart: " .. out .. "/scenarios.svg")
