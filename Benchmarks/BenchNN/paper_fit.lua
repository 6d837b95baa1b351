-- The paper's configuration trained from Lua, as an analyst writes it: tables of rows, nn.Sequential,
-- model:fit. The same data, network and schedule as BenchNN and peers.py (see README.md).
--   flashcast Benchmarks/BenchNN/paper_fit.lua [precision]   prints the seconds fit took (os.clock)
local samples, window = 1000, 60
local raw, low, high = {}, math.huge, -math.huge
for t = 0, samples - 1 do
  local v = t + 40 * math.sin(t / 50) + 10 * math.sin(t / 7)
  raw[#raw + 1] = v
  low, high = math.min(low, v), math.max(high, v)
end
local X, Y = {}, {}
for start = 1, samples - window do
  local row = {}
  for k = 0, window - 1 do row[k + 1] = (raw[start + k] - low) / (high - low) end
  X[#X + 1] = row
  Y[#Y + 1] = {(raw[start + window] - low) / (high - low)}
end
local model = nn.Sequential():add(nn.Linear(60, 64)):add(nn.ReLU()):add(nn.Dropout(0.2)):add(nn.Linear(64, 1))
local started = os.clock()
local history = model:fit(X, Y, {epochs = 200, batch = 32, lr = 1e-3, validation = 0.1, precision = arg[1]})
print(string.format("fit %.3f s, best validation loss %.6f at epoch %d", os.clock() - started,
  history.val[history.best_epoch], history.best_epoch))
