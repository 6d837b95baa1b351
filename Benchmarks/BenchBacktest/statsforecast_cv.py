"""statsforecast's cross_validation on the windows of `flashcast backtest`, for timing side by side.

    .venv-bench/bin/python Benchmarks/BenchBacktest/statsforecast_cv.py MINUTES.csv [TRAIN HORIZON STEP]

MINUTES.csv is a per-minute file (`flashcast aggregate`'s minute,revenue,...). The windows are
flashcast's: cutoffs (0-based rows) TRAIN-1, TRAIN-1+STEP, ... while HORIZON rows follow, each
model fitted on the TRAIN rows up to its cutoff (input_size), forecasting HORIZON rows; defaults
1000 500 60. AutoETS (non-seasonal, as peers.py runs it), every core (n_jobs=-1). Prints the
windows and the mean error on the revenue gained over the horizon (hre at the horizon's end).
"""
import os
import sys

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS


def main():
    path = sys.argv[1]
    train, horizon, step = (int(v) for v in (sys.argv[2:5] if len(sys.argv) >= 5 else (1000, 500, 60)))
    revenue = pd.read_csv(path)["revenue"].to_numpy(dtype=float)
    cutoffs = list(range(train - 1, len(revenue) - horizon, step))
    # statsforecast's windows end at the series' end: cut it so its last cutoff is flashcast's last one
    revenue = revenue[: cutoffs[-1] + 1 + horizon]
    frame = pd.DataFrame({"unique_id": "sale", "ds": np.arange(len(revenue)), "y": revenue})
    engine = StatsForecast(models=[AutoETS(season_length=1)], freq=1, n_jobs=int(os.environ.get("N_JOBS", "-1")))
    result = engine.cross_validation(df=frame, h=horizon, step_size=step, n_windows=len(cutoffs), input_size=train)
    errors = []
    for cutoff, piece in result.groupby("cutoff"):
        gained = piece["y"].sum()
        if gained > 0:
            errors.append(abs(piece["AutoETS"].sum() - gained) / gained)
    first, last = int(result["cutoff"].min()), int(result["cutoff"].max())
    print(f"{result['cutoff'].nunique()} windows, cutoffs {first} to {last}; mean hre@{horizon} {100 * np.mean(errors):.1f}%")


if __name__ == "__main__":
    main()
