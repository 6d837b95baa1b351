-- Keeps Swift-side data (8 MB Series, models) until the cap refuses it: inside pcall first, then
-- uncaught. The loops stop near 1.6 GB so that a build without the accounting does not exhaust the machine.
local t = {} for i = 1, 1e6 do t[i] = i end
t.start = 0
local values = series.new(t)
t = nil
local keep = {}
print(pcall(function() for i = 1, 200 do keep[i] = values:cumsum() end end))
keep = {}
print("alive", #values:cumsum())
for i = 1, 100 do keep[i] = nn.Sequential():add(nn.Linear(1000, 1000)) end
print("kept", #keep, "models")
