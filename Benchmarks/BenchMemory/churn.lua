-- Makes and drops big Series and models in a loop, without collectgarbage(). usage: churn.lua ROUNDS
local t = {} for i = 1, 1e6 do t[i] = i % 1440 end
t.start = 0
local values = series.new(t)
t = nil
local rows = {} for i = 1, 2000 do local r = {} for j = 1, 50 do r[j] = (i * j) % 11 end rows[i] = r end
local X = nn.matrix(rows)
rows = nil
for round = 1, tonumber(arg[1]) do
  local running = values:cumsum()                      -- 8 MB
  local hourly = running:resample(60)
  local model = nn.Sequential():add(nn.Linear(50, 500)):add(nn.ReLU()):add(nn.Linear(500, 1))
  local y = model:forward(X)                            -- keeps 2000 x 500 activations: 16 MB
  if round % 50 == 0 then print(round, #hourly, y[1][1]) end
end
