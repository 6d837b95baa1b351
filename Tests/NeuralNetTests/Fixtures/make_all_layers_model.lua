-- Wrote all_layers_model.json, a model holding every layer type, with the build of main 76e4552
-- (before layers were registered by tag): `flashcast run make_all_layers_model.lua all_layers_model.json`.
-- PersistenceTests loads it and expects the predictions printed here and the same bytes when saved again.
local m = nn.Sequential():add(nn.Linear(3, 4)):add(nn.ReLU()):add(nn.Dropout(0.25)):add(nn.Linear(4, 3, 'xavier')):add(nn.Tanh()):add(nn.Linear(3, 2)):add(nn.Sigmoid()):add(nn.Linear(2, 1))
local X = nn.matrix({{1, 2, 3}, {2, 3, 4}, {3, 4, 5}, {4, 5, 6}, {5, 6, 7}, {6, 7, 8}})
local Y = nn.matrix({0.1, 0.2, 0.3, 0.4, 0.5, 0.6})
m:fit(X, Y, {epochs = 3, batch = 2, scale_inputs = 'minmax', scale_targets = 'standard', patience = 5})
assert(m:save(arg[1]))
print(m)
local p = m:forward(X)
for i = 1, 6 do print(string.format('%.17g', p[i][1])) end
