"""The steps of steps.lua in polars (eager). usage: python3 steps_polars.py ORDERS.csv OUT.csv"""
import sys
import time

import polars as pl


def timed(name, f):
    start = time.process_time()
    result = f()
    print(f"{name:<9} {time.process_time() - start:7.3f} s")
    return result


path, out = sys.argv[1], sys.argv[2]
t = timed("read", lambda: pl.read_csv(path))
big = timed("filter", lambda: t.filter(pl.col("amount") > 50))
per = timed("group", lambda: big.group_by("customer", maintain_order=True).agg(pl.len().alias("orders"), pl.col("amount").sum().alias("total")))
top = timed("sort", lambda: per.sort("total", descending=True, maintain_order=True))
head = timed("head", lambda: top.head(10))
timed("write", lambda: top.write_csv(out))
# Not in the five: the same filter written as a function of each row (map_elements on a struct of the row).
by_row = timed("rowfn", lambda: t.filter(pl.struct(pl.all()).map_elements(lambda r: r["amount"] > 50, return_dtype=pl.Boolean)))
assert len(by_row) == len(big)
print(len(t), len(big), len(per))
print(head)
