"""PyTorch on the paper's configuration, the same data and schedule as BenchNN (see README.md).

Window 60 -> Linear(60, 64), ReLU, Dropout(0.2), Linear(64, 1); 1000 samples of the series in
Workload.swift, 940 windows, the last 10% held out for validation; batch 32, Adam lr 1e-3,
200 epochs, training rows shuffled every epoch, validation loss computed after every epoch.
One thread. Prints `RESULT torch-float32 <median wall s> <median CPU s>` lines for compare.sh.

Usage: peers.py [repeats] [float32|float64 ...]
"""
import math
import statistics
import sys
import time

import torch

SAMPLES, WINDOW, HIDDEN, DROPOUT = 1000, 60, 64, 0.2
EPOCHS, BATCH, LR, VALIDATION = 200, 32, 1e-3, 0.1


def series():
    raw = [t + 40 * math.sin(t / 50) + 10 * math.sin(t / 7) for t in range(SAMPLES)]
    low, high = min(raw), max(raw)
    return [(v - low) / (high - low) for v in raw]


def windows(dtype):
    values = torch.tensor(series(), dtype=dtype)
    count = SAMPLES - WINDOW
    inputs = torch.stack([values[s:s + WINDOW] for s in range(count)])
    targets = values[WINDOW:].reshape(count, 1)
    return inputs, targets


def train(dtype, seed):
    torch.manual_seed(seed)
    inputs, targets = windows(dtype)
    held = round(len(inputs) * VALIDATION)
    train_x, train_y = inputs[:-held], targets[:-held]
    val_x, val_y = inputs[-held:], targets[-held:]
    model = torch.nn.Sequential(
        torch.nn.Linear(WINDOW, HIDDEN), torch.nn.ReLU(), torch.nn.Dropout(DROPOUT), torch.nn.Linear(HIDDEN, 1)
    ).to(dtype)
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    loss_fn = torch.nn.MSELoss()
    best = float("inf")
    start, cpu_start = time.perf_counter(), time.thread_time()
    for _ in range(EPOCHS):
        model.train()
        order = torch.randperm(len(train_x))
        for first in range(0, len(order), BATCH):
            rows = order[first:first + BATCH]
            optimizer.zero_grad()
            loss = loss_fn(model(train_x[rows]), train_y[rows])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            best = min(best, loss_fn(model(val_x), val_y).item())
    return time.perf_counter() - start, time.thread_time() - cpu_start, loss.item(), best


def main():
    arguments = sys.argv[1:]
    repeats = next((int(a) for a in arguments if a.isdigit()), 3)
    precisions = [a for a in arguments if not a.isdigit()] or ["float32"]
    torch.set_num_threads(1)
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread, median of {repeats} runs")
    print("precision  wall s   CPU s    us/step  final batch loss  best val loss")
    steps = EPOCHS * math.ceil((SAMPLES - WINDOW - round((SAMPLES - WINDOW) * VALIDATION)) / BATCH)
    for name in precisions:
        dtype = {"float32": torch.float32, "float64": torch.float64}[name]
        runs = [train(dtype, seed) for seed in range(repeats)]
        wall = statistics.median(r[0] for r in runs)
        seconds = statistics.median(r[1] for r in runs)
        print(f"{name:9}  {wall:7.4f}  {seconds:7.4f}  {seconds / steps * 1e6:7.2f}  {runs[0][2]:16.3e}  {runs[0][3]:13.3e}")
        print(f"RESULT torch-{name} {wall} {seconds}")


main()
