-- What did the e-mail campaign bring? `flashcast run examples/scenario.lua`
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
