-- What if we send the e-mail? The whole story on one sale: learn what this sale's earlier e-mail
-- brought, forecast the rest of the sale, try e-mails at two times, a discount and both together,
-- find the latest send that still reaches a target, and write comparison charts and a CSV.
--
--   flashcast run scripts/whatif_email.lua --cutoff 2021-11-13T10:00 --email 12:00 --out out/whatif
local o = args.parse(arg, {
  summary = "What-if scenarios for a running sale: learned e-mail effect, e-mails, a discount, latest send for a target; chart and CSV.",
  usage = "flashcast run scripts/whatif_email.lua [--orders FILE] [--history FILE] [--cutoff TIME] [--email HH:MM] [--target MONEY] [--out DIR] ...",
  {"orders", "examples/data/current_sale.csv", "orders export of the running sale"},
  {"history", "examples/data/previous_sale.csv", "orders export of an earlier, similar sale for the forecast ('' for none)"},
  {"tz", "+08:00", "the shop's time zone"},
  {"cutoff", "2021-11-13T10:00", "the last observed minute"},
  {"learn", "2021-11-12T09:00", "when an earlier e-mail of this sale went out, to learn its effect ('' for the default effect)"},
  {"email", "12:00", "the e-mail to try: HH:MM after the cutoff, or YYYY-MM-DDTHH:MM"},
  {"late", "18:00", "a later e-mail to compare with"},
  {"discount", "14:00", "when a discount would start"},
  {"discount_lift", 0.15, "the discount's lift of the revenue rate (0.15 is +15%)"},
  {"by", "20:00", "also compare revenue by this time"},
  {"target", 0, "revenue to reach by the end of the sale (0: the forecast's end total plus 2%)"},
  {"currency", "$", "currency sign on the chart"},
  {"out", args.output() or "out/whatif", "output folder (in the sandbox: the --output folder)"},
})

local function given(text) return text ~= "" and text or nil end

assert(args.folder(o.out))
local sale = assert(orders.read(o.orders, {tz = o.tz}))
local history = given(o.history) and assert(orders.read(o.history, {tz = o.tz})).revenue
local revenue = sale.revenue
local observed = revenue:slice(1, o.cutoff)
local horizon = #revenue - #observed
if horizon < 1 then error("the cutoff " .. o.cutoff .. " leaves nothing to forecast in " .. o.orders) end

-- The forecast to the end of the sale, and what this sale's earlier e-mail did.
local fc = forecast.run(revenue, {cutoff = o.cutoff, horizon = horizon, history = history})
local effect = given(o.learn) and scenario.learn(observed, {at = o.learn})
print(effect and ("learned from the e-mail at " .. o.learn .. ": " .. tostring(effect)) or "no e-mail to learn from: a typical e-mail assumed")

local mail = scenario.email{at = o.email, from = effect}
local late = scenario.email{at = o.late, from = effect}
local discount = scenario.discount{from = o.discount, lift = o.discount_lift}
local target = o.target > 0 and o.target or fc.mean[#fc.mean] * 1.02

local w = forecast.whatif(fc, {mail, late, discount, {mail, discount, name = "e-mail " .. o.email .. " and discount"}},
                          {by = o.by, target = target})
print(w:summary())

local plan = scenario.latest_send(fc, {target = target, from = effect})
if plan.status == "send_by" then
  print(string.format("to reach %.2f by the end, send the e-mail by %s (%.2f)", target, plan.time, plan.total))
elseif plan.status == "not_needed" then
  print(string.format("the forecast reaches %.2f without an e-mail", target))
else
  print(string.format("no send time reaches %.2f; the best, %s, brings %.2f", target, plan.best_time, plan.best_total))
end

assert(w:save_csv(o.out .. "/scenarios.csv"))
assert(chart.scenarios(w, {title = "What if we send the e-mail?", currency = o.currency,
  subtitle = "forecast from " .. o.cutoff .. ", scenarios against the baseline"}):save(o.out .. "/scenarios.svg"))
-- What each scenario adds, minute by minute: its cumulative revenue minus the baseline's.
local gains = {}
for i = 1, #w do gains[i] = {name = w[i].name, values = w[i].mean - w.baseline.mean} end
assert(chart.lines(gains, {title = "Extra revenue over the baseline", currency = o.currency,
  subtitle = "cumulative, from the cutoff " .. o.cutoff}):save(o.out .. "/gains.svg"))
print("wrote " .. o.out .. "/scenarios.csv, " .. o.out .. "/scenarios.svg, " .. o.out .. "/gains.svg")
