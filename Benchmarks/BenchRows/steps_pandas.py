"""The steps of steps.lua in pandas. usage: python3 steps_pandas.py ORDERS.csv OUT.csv"""
import pandas as pd

from steps_common import run_steps

run_steps(
    read=pd.read_csv,
    filter_big=lambda t: t[t["amount"] > 50],
    group=lambda big: big.groupby("customer", sort=False).agg(orders=("amount", "size"), total=("amount", "sum")).reset_index(),
    sort=lambda per: per.sort_values("total", ascending=False, kind="stable"),
    write=lambda top, out: top.to_csv(out, index=False),
    # itertuples: pandas' fastest row loop
    filter_by_row=lambda t: t[[r.amount > 50 for r in t.itertuples(index=False)]],
)
