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
taskset -c 0 .build/release/BenchNN "$repeats" | tee "$output"
echo
OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 taskset -c 0 "$venv/bin/python" Benchmarks/BenchNN/peers.py "$repeats" float32 float64 \
    | tee -a "$output"
echo
awk '/^RESULT/ { t[$2] = $3 }
     END {
         for (p in t) if (p !~ /^torch-/ && ("torch-" p) in t)
             printf "speed-up over PyTorch, %s: %.1fx (%.3f s vs %.3f s)\n", p, t["torch-" p] / t[p], t[p], t["torch-" p]
     }' "$output"
