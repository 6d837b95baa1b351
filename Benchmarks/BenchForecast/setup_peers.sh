#!/bin/sh
# Creates the Python environment of the forecasting peers (statsforecast, Prophet, PyTorch) in
# .venv-bench at the repository's root (kept out of git). PyTorch from PyPI brings its CUDA
# libraries (about 3 GB); it runs on the CPU here.
#   Benchmarks/BenchForecast/setup_peers.sh [--no-torch]
set -eu
cd "$(dirname "$0")/../.."
venv="${FLASHCAST_BENCH_VENV:-.venv-bench}"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet numpy pandas statsforecast prophet
if [ "${1:-}" != "--no-torch" ]; then
    "$venv/bin/pip" install --quiet torch
fi
"$venv/bin/python" -c "import statsforecast, prophet; print('peers ready in $venv')"
