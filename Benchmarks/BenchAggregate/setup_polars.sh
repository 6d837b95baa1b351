#!/bin/sh
# Makes the Python venv with polars that BenchAggregate compares against (in /tmp, nothing committed).
set -e
VENV=${FLASHCAST_POLARS_VENV:-/tmp/flashcast-polars}
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet polars
"$VENV/bin/python" -c 'import polars; print("polars", polars.__version__, "in", "'"$VENV"'")'
