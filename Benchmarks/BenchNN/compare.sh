#!/bin/sh
# BenchNN and PyTorch side by side in one run, on one thread each (see README.md).
#   Benchmarks/BenchNN/compare.sh [--install] [repeats]
# --install creates the virtual environment with torch first (pip, about 3 GB with CUDA wheels).
# The environment lives in $FLASHCAST_NN_VENV (default /tmp/flashcast-nn-venv).
set -eu
cd "$(dirname "$0")/../.."
venv="${FLASHCAST_NN_VENV:-/tmp/flashcast-nn-venv}"
if [ "${1:-}" = "--install" ]; then
    shift
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet torch numpy
fi
repeats="${1:-5}"
if [ ! -x "$venv/bin/python" ]; then
    echo "compare.sh: no virtual environment at $venv (run with --install)" >&2
    exit 1
fi
swift build -c release --product BenchNN >/dev/null
output=$(mktemp)
trap 'rm -f "$output"' EXIT
.build/release/BenchNN "$repeats" | tee "$output"
echo
OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 "$venv/bin/python" Benchmarks/BenchNN/peers.py "$repeats" float32 float64 \
    | tee -a "$output"
echo
awk '/^RESULT/ { wall[$2] = $3; cpu[$2] = $4 }
     END {
         for (p in wall) if (p !~ /^torch-/ && ("torch-" p) in wall)
             printf "speed-up over PyTorch, %s: %.1fx in CPU time (%.3f s vs %.3f s), %.1fx in wall time (%.3f s vs %.3f s)\n",
                 p, cpu["torch-" p] / cpu[p], cpu[p], cpu["torch-" p], wall["torch-" p] / wall[p], wall[p], wall["torch-" p]
     }' "$output"
