"""The Python peers on BenchForecast's yardstick, at the same origins as FlashCast's models.

    .venv-bench/bin/python Benchmarks/BenchForecast/peers.py FOLDER [--only ets,arima,prophet,torch]
        [--experiments 1,2] [--table]

FOLDER holds what `.build/release/BenchForecast FOLDER ...` wrote: cases.csv, pieces.csv and one
`minute,revenue,history` CSV per case. Every peer forecasts from every origin of pieces.csv that the
tables count (experiment 1: train 1000, horizon 500, the origins with a day before the training
window; experiment 2: train 500, horizon 200, every origin), reading only the training window (the
peers see no earlier sale). Writes peers.csv there (pieces.csv's columns) and prints the tables of
BenchForecast's README, FlashCast's models from pieces.csv beside the peers; `--table` prints them
again from peers.csv without running the peers. The peers' intervals are per-minute, not on the
cumulative revenue, so their band columns are '-'.
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

EXPERIMENTS = {"exp1": (1000, 500), "exp2": (500, 200)}
HORIZONS = (60, 200, 500)


def hre(forecast, actual, total, h):
    """The error on the revenue gained h minutes after the cutoff; None when nothing was gained."""
    if h > len(actual):
        return None
    gained = actual[h - 1] - total
    if gained <= 0:
        return None
    return abs((forecast[h - 1] - total) - gained) / gained


def score(rates, revenue, cutoff):
    """hre@60/200/500 and the signed bias at the end, from per-minute forecast revenue."""
    total = revenue[: cutoff + 1].sum()
    horizon = len(rates)
    actual = total + np.cumsum(revenue[cutoff + 1: cutoff + 1 + horizon])
    forecast = total + np.cumsum(rates)
    gained = actual[-1] - total
    bias = (forecast[-1] - actual[-1]) / gained if gained > 0 else None
    return {**{f"hre{h}": hre(forecast, actual, total, h) for h in HORIZONS}, "bias": bias}


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


PEERS = {"ets": ("AutoETS", ets), "arima": ("AutoARIMA", arima), "prophet": ("Prophet", prophet),
         "torch": ("paper_torch", paper_torch)}


def counted(experiment, cutoff):
    """Whether the tables count an origin: experiment 1 needs a day before its training window."""
    train, _ = EXPERIMENTS[experiment]
    return experiment == "exp2" or cutoff + 1 - train >= 1440


def read_pieces(folder):
    with open(os.path.join(folder, "pieces.csv")) as handle:
        return list(csv.DictReader(handle))


def origins(pieces, experiments):
    """(case, kind, experiment, cutoff) of every counted origin, in the order of pieces.csv."""
    seen = dict()
    for row in pieces:
        key = (row["case"], row["kind"], row["experiment"], int(row["cutoff"]))
        if row["experiment"] in experiments and counted(row["experiment"], key[3]):
            seen[key] = True
    return list(seen)


def run_peers(folder, pieces, peers, experiments):
    rows = []
    frames = {}
    for case, kind, experiment, cutoff in origins(pieces, experiments):
        if case not in frames:
            frame = pd.read_csv(os.path.join(folder, f"{case}.csv"))
            frames = {case: (frame["revenue"].to_numpy(dtype=float), frame["minute"].to_numpy())}
            print(f"  {case}", file=sys.stderr, flush=True)
        revenue, minutes = frames[case]
        train, horizon = EXPERIMENTS[experiment]
        for key in peers:
            label, forecaster = PEERS[key]
            started = time.process_time()
            rates = forecaster(revenue[cutoff - train + 1: cutoff + 1], horizon, minutes[cutoff - train + 1:])
            seconds = time.process_time() - started
            scored = score(np.asarray(rates, dtype=float), revenue, cutoff)
            percent = lambda v: "" if v is None else f"{100 * v:.4f}"
            rows.append({"case": case, "kind": kind, "model": label, "experiment": experiment, "cutoff": cutoff,
                         **{f"hre{h}": percent(scored[f"hre{h}"]) for h in HORIZONS}, "bias": percent(scored["bias"]),
                         "coverage": "", "end_inside": "", "seconds": f"{seconds:.4f}"})
    return rows


def number(value):
    return None if value in ("", None) or (isinstance(value, float) and np.isnan(value)) else float(value)


def cell(values):
    known = [v for v in values if v is not None]
    if not known:
        return "- / -"
    return f"{np.median(known):.1f} / {np.mean(known):.1f}"


def summary(rows, experiment, title):
    horizons = [h for h in HORIZONS if h <= EXPERIMENTS[experiment][1]]
    mine = [r for r in rows if r["experiment"] == experiment and counted(experiment, int(r["cutoff"]))]
    if not mine:
        return
    print(f"\n#### {title}\n")
    print("| model | origins | " + " | ".join(f"hre@{h} % median / mean" for h in horizons)
          + " | band holds minutes % | band holds ends % | ms |")
    print("|---|---" + "|---" * (len(horizons) + 3) + "|")
    for model in dict.fromkeys(r["model"] for r in mine):
        own = [r for r in mine if r["model"] == model]
        cells = [cell([number(r[f"hre{h}"]) for r in own]) for h in horizons]
        coverage = [number(r["coverage"]) for r in own if number(r["coverage"]) is not None]
        ends = [number(r["end_inside"]) for r in own if number(r["end_inside"]) is not None]
        seconds = [number(r["seconds"]) for r in own]
        ms = "-" if model == "oracle" else f"{1000 * np.mean(seconds):.0f}"
        band = f"{np.mean(coverage):.1f}" if coverage else "-"
        end = f"{100 * np.mean(ends):.1f}" if ends else "-"
        print(f"| {model} | {len(own)} | " + " | ".join(cells) + f" | {band} | {end} | {ms} |")


def main():
    args = sys.argv[1:]
    value = lambda name, default: args[args.index(name) + 1] if name in args else default
    peers = value("--only", ",".join(PEERS)).split(",")
    experiments = ["exp" + e for e in value("--experiments", "1,2").split(",")]
    flags = {"--only", "--experiments"}
    positional = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] not in flags)]
    folder = positional[0] if positional else "/tmp/flashcast-bench-forecast"
    pieces = read_pieces(folder)
    with open(os.path.join(folder, "cases.csv")) as handle:
        cases = list(csv.DictReader(handle))
    path = os.path.join(folder, "peers.csv")
    if "--table" in args:
        with open(path) as handle:
            peer_rows = list(csv.DictReader(handle))
    else:
        peer_rows = run_peers(folder, pieces, peers, experiments)
        with open(path, "w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(pieces[0].keys()))
            writer.writeheader()
            writer.writerows(peer_rows)
    everything = pieces + peer_rows
    real = [c["case"] for c in cases if c["kind"].startswith("real")]
    simulated = [c["case"] for c in cases if not c["kind"].startswith("real")]
    for experiment in experiments:
        print(f"\n### {'experiment 1 at every origin (1000 -> 500)' if experiment == 'exp1' else 'experiment 2 (500 -> 200)'}")
        summary([r for r in everything if r["case"] in simulated], experiment, f"pooled over {len(simulated)} simulated cases")
        for case in real:
            summary([r for r in everything if r["case"] == case], experiment, case)


if __name__ == "__main__":
    main()
