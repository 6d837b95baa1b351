"""statsforecast's AutoETS on every SKU of a sale and its total, for timing beside `flashcast forecast --by sku`.

    .venv-bench/bin/python Benchmarks/BenchManySeries/statsforecast_skus.py SKUS.csv OUT.csv [CUTOFF TRAIN HORIZON LEVEL]

SKUS.csv is BenchManySeries' orders export (order_id,order_time,customer,amount,sku; times in epoch
seconds). Like flashcast, it sums the orders into per-minute revenue from the first order's minute
to the last one's (zeros where nothing sold), for the total and each SKU, fits AutoETS
(non-seasonal, as Benchmarks/BenchForecast/peers.py runs it) on the TRAIN minutes up to row CUTOFF
(0-based) and forecasts HORIZON minutes with a LEVEL% band, on every core (n_jobs=-1), and
writes the cumulative forecasts and bands as flashcast does. Defaults 2999 1000 500 80. Prints
the series, the windows and the mean error on each series' revenue over the horizon (hre).
"""
import sys

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS


def main():
    source, output = sys.argv[1], sys.argv[2]
    cutoff, train, horizon, level = (int(v) for v in (sys.argv[3:7] if len(sys.argv) >= 7 else (2999, 1000, 500, 80)))
    orders = pd.read_csv(source, usecols=["order_time", "amount", "sku"])
    minute = orders["order_time"].to_numpy() // 60
    orders["row"] = minute - minute.min()
    rows = int(orders["row"].max()) + 1
    per_sku = orders.pivot_table(index="row", columns="sku", values="amount", aggfunc="sum", fill_value=0.0)
    per_sku = per_sku.reindex(range(rows), fill_value=0.0)
    per_sku.insert(0, "(direct)", per_sku.sum(axis=1))
    window = per_sku.iloc[cutoff + 1 - train: cutoff + 1]
    frame = window.melt(ignore_index=False, var_name="unique_id", value_name="y").reset_index(names="ds")
    engine = StatsForecast(models=[AutoETS(season_length=1)], freq=1, n_jobs=-1)
    result = engine.forecast(df=frame, h=horizon, level=[level])
    observed = per_sku.iloc[: cutoff + 1].sum(axis=0)
    actual = per_sku.iloc[cutoff + 1: cutoff + 1 + horizon].sum(axis=0)
    result["step"] = result.groupby("unique_id").cumcount() + 1
    for column in ["AutoETS", f"AutoETS-lo-{level}", f"AutoETS-hi-{level}"]:
        result[column] = result.groupby("unique_id")[column].cumsum() + result["unique_id"].map(observed)
    result.round(2).to_csv(output, index=False)
    ends = result[result["step"] == horizon].set_index("unique_id")
    gained = actual[actual > 0]
    errors = (ends.loc[gained.index, "AutoETS"] - observed[gained.index] - gained).abs() / gained
    print(f"{per_sku.shape[1]} series (the total and {per_sku.shape[1] - 1} SKUs), cutoff row {cutoff}, "
          f"train {train}, horizon {horizon}, {level}% band; mean hre@{horizon} {100 * errors.mean():.1f}% "
          f"(median {100 * errors.median():.1f}%) over the {len(gained)} series that sold after the cutoff")


if __name__ == "__main__":
    main()
