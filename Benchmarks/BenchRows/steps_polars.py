"""The steps of steps.lua in polars (eager). usage: python3 steps_polars.py ORDERS.csv OUT.csv"""
import polars as pl

from steps_common import run_steps

run_steps(
    read=pl.read_csv,
    filter_big=lambda t: t.filter(pl.col("amount") > 50),
    group=lambda big: big.group_by("customer", maintain_order=True).agg(pl.len().alias("orders"), pl.col("amount").sum().alias("total")),
    sort=lambda per: per.sort("total", descending=True, maintain_order=True),
    write=lambda top, out: top.write_csv(out),
    # map_elements on a struct of the row
    filter_by_row=lambda t: t.filter(pl.struct(pl.all()).map_elements(lambda r: r["amount"] > 50, return_dtype=pl.Boolean)),
)
