#!/usr/bin/env bash
# The REPL following the 1,000-SKU sale by SKU as it runs: the export holds its first 3 hours, then
# 60 refresh() calls, each after 5 more minutes of orders are appended (hours 3 to 8).
# Prints the CPU time of the refreshes and how many forecast again (took over 0.1 s).
# Usage: Benchmarks/BenchManySeries/live_replay.sh .build/release/flashcast [/tmp/skus.csv]
set -euo pipefail
flashcast=$1 skus=${2:-/tmp/skus.csv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -1 "$skus" >"$work/live.csv"
awk -F, -v w="$work" 'NR == 2 { start = $2 } NR > 1 {
  minute = int(($2 - start) / 60)
  if (minute < 180) print >>(w "/live.csv"); else if (minute < 480) print >(w "/part" int((minute - 180) / 5) + 1 ".csv")
}' "$skus"
cat >"$work/replay.lua" <<LUA
local spent, slowest, forecasts = 0, 0, 0
for part = 1, 60 do
  os.execute("cat $work/part" .. part .. ".csv >> $work/live.csv")
  local clock = os.clock()
  refresh()
  local took = os.clock() - clock
  spent, slowest = spent + took, math.max(slowest, took)
  if took > 0.1 then forecasts = forecasts + 1 end
end
print(string.format("60 refreshes: %.2f s CPU in all, slowest %.2f s, %d forecast again", spent, slowest, forecasts))
LUA
"$flashcast" repl --orders "$work/live.csv" --by sku --max-groups 2000 --minutes 4320 <"$work/replay.lua" | tail -1
