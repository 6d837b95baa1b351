"""The peer: orders CSV to `minute,revenue,orders,cumulative` with polars, same contract as FlashCast.

usage: polars_aggregate.py ORDERS.csv OUT.csv [--no-dedupe]
Prints `work_seconds peak_rss_bytes`. Amounts are read as floats and summed as integer cents (exact for
cents below 2^53); duplicate order ids are counted once unless --no-dedupe; every minute from the first to the last order is present.
"""
import resource
import sys
import time

import polars as pl


def aggregate(source, target, dedupe):
    orders = pl.scan_csv(source, schema={"order_id": pl.Int64, "order_time": pl.Utf8,
                                         "customer": pl.Utf8, "amount": pl.Float64})
    if dedupe:
        orders = orders.unique(subset=["order_id"], keep="any")
    per_minute = (
        orders.group_by(pl.col("order_time").str.slice(0, 16).str.to_datetime("%Y-%m-%d %H:%M").alias("minute"))
        .agg((pl.col("amount") * 100).round().cast(pl.Int64).sum().alias("cents"), pl.len().alias("orders"))
        .collect()
    )
    minutes = pl.DataFrame({"minute": pl.datetime_range(per_minute["minute"].min(), per_minute["minute"].max(),
                                                         "1m", time_unit="us", eager=True)})
    table = (
        minutes.join(per_minute, on="minute", how="left")
        .with_columns(pl.col("cents").fill_null(0), pl.col("orders").fill_null(0).cast(pl.Int64))
        .with_columns(total=pl.col("cents").cum_sum())
        .select(
            pl.col("minute").dt.strftime("%Y-%m-%dT%H:%M"),
            money(pl.col("cents")).alias("revenue"),
            pl.col("orders"),
            money(pl.col("total")).alias("cumulative"),
        )
    )
    table.write_csv(target)


def money(cents):
    return pl.format("{}.{}", cents // 100, (cents % 100).cast(pl.Utf8).str.pad_start(2, "0"))


if __name__ == "__main__":
    started = time.perf_counter()
    aggregate(sys.argv[1], sys.argv[2], "--no-dedupe" not in sys.argv[3:])
    work = time.perf_counter() - started
    print(f"{work:.4f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}")
