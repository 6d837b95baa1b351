"""The Python peers on BenchForecast's cases, on the same cutoffs, side by side with FlashCast.

    .venv-bench/bin/python Benchmarks/BenchForecast/peers.py [FOLDER] [--only ets,arima,prophet,torch] [--table]

FOLDER (default /tmp/flashcast-bench-forecast) holds what `swift run -c release BenchForecast FOLDER`
wrote: cases.csv, one `minute,revenue,history` CSV per case and flashcast.csv. Writes peers.csv there
and prints one table per case and the median over cases, FlashCast's models beside the peers
(`--table` prints the tables again from peers.csv without running the peers).
Conventions as in Benchmarks/README.md: experiment 1 trains on the 1000 minutes ending at the centred
cutoff and forecasts 500; the rolling experiment trains on 500, forecasts 200, steps by 200.
"""
import csv
import logging
import os
import sys
import time
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
logging.getLogger("cmdstanpy").setLevel(logging.ERROR)
logging.getLogger("prophet").setLevel(logging.ERROR)


def hre(forecast, actual, total, h):
    if h > len(actual):
        return None
    gained = actual[h - 1] - total
    if gained <= 0:
        return None
    return abs((forecast[h - 1] - total) - gained) / gained


def metrics(rates, revenue, cutoff):
    """MAPE and hre@60/200/500 of cumulative forecasts from per-minute forecast revenue."""
    total = revenue[: cutoff + 1].sum()
    horizon = len(rates)
    actual = total + np.cumsum(revenue[cutoff + 1: cutoff + 1 + horizon])
    forecast = total + np.cumsum(rates)
    known = actual != 0
    mape = float(np.mean(np.abs(forecast[known] - actual[known]) / actual[known])) if known.any() else None
    return {"mape": mape, **{f"hre{h}": hre(forecast, actual, total, h) for h in (60, 200, 500)}}


def ets(train, horizon, minutes):
    from statsforecast.models import AutoETS
    return AutoETS(season_length=1).forecast(y=train.astype(float), h=horizon)["mean"]


def arima(train, horizon, minutes):
    from statsforecast.models import AutoARIMA
    return AutoARIMA(season_length=1).forecast(y=train.astype(float), h=horizon)["mean"]


def prophet(train, horizon, minutes):
    from prophet import Prophet
    frame = pd.DataFrame({"ds": pd.to_datetime(minutes[: len(train)]), "y": train})
    model = Prophet(daily_seasonality=True, weekly_seasonality=False, yearly_seasonality=False)
    model.fit(frame)
    future = pd.DataFrame({"ds": pd.to_datetime(minutes[len(train): len(train) + horizon])})
    return model.predict(future)["yhat"].to_numpy()


def paper_torch(train, horizon, minutes, window=60, hidden=64, epochs=200, seed=1):
    """The paper's network in PyTorch: cumulative values min-max scaled on the training window,
    Linear-ReLU-Dropout(0.2)-Linear, MSE, Adam 1e-3, batch 32, last 10% of windows validated,
    best validation epoch restored, recursive one-step forecast."""
    import torch
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    cumulative = np.cumsum(train)
    low, high = cumulative.min(), cumulative.max()
    scale = max(high - low, 1e-9)
    scaled = torch.tensor((cumulative - low) / scale, dtype=torch.float32)
    inputs = torch.stack([scaled[i: i + window] for i in range(len(scaled) - window)])
    targets = scaled[window:].unsqueeze(1)
    held = round(len(inputs) * 0.1)
    x_train, y_train, x_val, y_val = inputs[:-held], targets[:-held], inputs[-held:], targets[-held:]
    net = torch.nn.Sequential(torch.nn.Linear(window, hidden), torch.nn.ReLU(), torch.nn.Dropout(0.2),
                              torch.nn.Linear(hidden, 1))
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    best, best_state = float("inf"), None
    for _ in range(epochs):
        net.train()
        order = torch.randperm(len(x_train))
        for start in range(0, len(order), 32):
            rows = order[start: start + 32]
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(net(x_train[rows]), y_train[rows])
            loss.backward()
            optimizer.step()
        net.eval()
        with torch.no_grad():
            validation = torch.nn.functional.mse_loss(net(x_val), y_val).item()
        if validation < best:
            best, best_state = validation, {k: v.clone() for k, v in net.state_dict().items()}
    net.load_state_dict(best_state)
    recent = list(scaled[-window:].numpy())
    values = []
    with torch.no_grad():
        for _ in range(horizon):
            nxt = net(torch.tensor([recent[-window:]], dtype=torch.float32)).item()
            recent.append(nxt)
            values.append(nxt * scale + low)
    return np.diff(np.concatenate([[cumulative[-1]], values]))


METRICS = ("mape", "hre60", "hre200", "hre500", "coverage", "rolling_hre200", "rolling_coverage")
PEERS = {"ets": ("AutoETS", ets), "arima": ("AutoARIMA", arima), "prophet": ("Prophet", prophet),
         "torch": ("paper BP (PyTorch)", paper_torch)}


def run_case(name, centred, folder, peers):
    frame = pd.read_csv(os.path.join(folder, f"{name}.csv"))
    revenue = frame["revenue"].to_numpy(dtype=float)
    minutes = frame["minute"].to_numpy()
    rows = []
    for key in peers:
        label, forecaster = PEERS[key]
        started = time.process_time()
        centred_metrics = metrics(forecaster(revenue[centred - 999: centred + 1], 500, minutes[centred - 999:]),
                                  revenue, centred)
        seconds = time.process_time() - started
        rolling = []
        for cutoff in range(499, len(revenue) - 200, 200):
            rolling.append(metrics(forecaster(revenue[cutoff - 499: cutoff + 1], 200, minutes[cutoff - 499:]),
                                   revenue, cutoff)["hre200"])
        known = [r for r in rolling if r is not None]
        rows.append({"case": name, "model": label, **centred_metrics,
                     "rolling_hre200": float(np.mean(known)) if known else None, "seconds": seconds})
        print(f"  {name} {label}: done in {seconds:.2f} s (experiment 1)", file=sys.stderr, flush=True)
    return rows


def percent(value):
    """A fraction as a percentage with 2 decimals; '-' when undefined."""
    return "-" if value is None or value == "" or (isinstance(value, float) and np.isnan(value)) else f"{100 * float(value):.2f}"


def table(rows, title):
    print(f"\n### {title}\n")
    print("| model | MAPE % | hre@60 % | hre@200 % | hre@500 % | coverage % | rolling hre@200 % | rolling coverage % | s (exp. 1) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        cells = [percent(row.get(k)) for k in METRICS]
        print(f"| {row['model']} | " + " | ".join(cells) + f" | {float(row['seconds']):.3f} |")


def flashcast_rows(folder):
    rows = []
    with open(os.path.join(folder, "flashcast.csv")) as handle:
        for row in csv.DictReader(handle):
            converted = {k: (float(row[k]) / 100 if row[k] else None) for k in METRICS}
            name = "oracle (expected revenue)" if row["model"] == "oracle" else "FlashCast " + row["model"]
            rows.append({"case": row["case"], "model": name, **converted,
                         "seconds": float(row["seconds"])})
    return rows


def median_rows(rows):
    models = list(dict.fromkeys(r["model"] for r in rows))
    result = []
    for model in models:
        mine = [r for r in rows if r["model"] == model]
        row = {"model": model, "seconds": float(np.median([r["seconds"] for r in mine]))}
        for key in METRICS:
            known = [r.get(key) for r in mine if r.get(key) is not None]
            row[key] = float(np.median(known)) if known else None
        result.append(row)
    return result


def main():
    args = sys.argv[1:]
    only = args[args.index("--only") + 1].split(",") if "--only" in args else list(PEERS)
    positional = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--only")]
    folder = positional[0] if positional else "/tmp/flashcast-bench-forecast"
    with open(os.path.join(folder, "cases.csv")) as handle:
        cases = list(csv.DictReader(handle))
    if "--table" in args:
        saved = pd.read_csv(os.path.join(folder, "peers.csv"))
        peer_rows = [{k: (None if isinstance(v, float) and np.isnan(v) else v) for k, v in row.items()}
                     for row in saved.to_dict("records")]
    else:
        peer_rows = []
        for case in cases:
            peer_rows += run_case(case["case"], int(case["centred_cutoff"]), folder, only)
        pd.DataFrame(peer_rows).to_csv(os.path.join(folder, "peers.csv"), index=False)
    everything = flashcast_rows(folder) + peer_rows
    for case in cases:
        table([r for r in everything if r["case"] == case["case"]], f"{case['case']}: {case['description']}")
    table(median_rows(everything), f"median over {len(cases)} cases")


if __name__ == "__main__":
    main()
