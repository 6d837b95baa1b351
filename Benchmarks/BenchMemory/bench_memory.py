#!/usr/bin/env python3
"""Whole-process resident memory of flashcast over time, on three cases (see README.md).

usage: [REFRESHES=600] bench_memory.py FLASHCAST [live|live-collect|churn|cap ...]
"""
import os
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SALE = os.path.join(ROOT, "examples", "data", "current_sale.csv")
PREVIOUS = os.path.join(ROOT, "examples", "data", "previous_sale.csv")
REFRESHES = int(os.environ.get("REFRESHES", "600"))


def resident_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        return None
    return None


def run_sampled(command, cwd, seconds_between=0.1):
    """Runs `command`, sampling its resident memory; returns (exit status, samples, stdout, stderr)."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples = []
    started = time.monotonic()
    output = {}

    def drain(name, stream):
        output[name] = stream.read()

    readers = [threading.Thread(target=drain, args=(n, s)) for n, s in (("out", process.stdout), ("err", process.stderr))]
    for reader in readers:
        reader.start()
    while process.poll() is None:
        kib = resident_kib(process.pid)
        if kib is not None:
            samples.append((time.monotonic() - started, kib))
        time.sleep(seconds_between)
    for reader in readers:
        reader.join()
    return process.returncode, samples, output.get("out", ""), output.get("err", "")


def replay(source, target, seconds, stop):
    """Appends the rows of `source` to `target` evenly over `seconds`, as a shop's export grows."""
    with open(source) as f:
        header, *rows = f.readlines()
    with open(target, "w") as out:
        out.write(header)
        out.write("".join(rows[:len(rows) // 200]))  # the sale's first minutes
    written = len(rows) // 200
    started = time.monotonic()
    while written < len(rows) and not stop.is_set():
        time.sleep(0.1)
        due = min(len(rows), int(len(rows) * (time.monotonic() - started) / seconds))
        if due > written:
            with open(target, "a") as out:
                out.write("".join(rows[written:due]))
            written = due


def report(name, status, samples, out, err):
    peak = max(kib for _, kib in samples) if samples else 0
    first = samples[min(len(samples) - 1, 10)][1] if samples else 0  # after one second
    last = samples[-1][1] if samples else 0
    seconds = samples[-1][0] if samples else 0
    print(f"{name}: exit {status} after {seconds:.1f} s, resident memory after 1 s {first / 1024:.0f} MiB, "
          f"peak {peak / 1024:.0f} MiB, at the end {last / 1024:.0f} MiB")
    lines = out.strip().splitlines()
    for line in lines[:2] + ["..."] + lines[-2:] if len(lines) > 4 else lines:
        print(f"  stdout: {line}")
    for line in err.strip().splitlines()[-2:]:
        print(f"  stderr: {line}")
    timeline = [f"{t:.0f}s:{kib / 1024:.0f}" for t, kib in samples[::max(1, len(samples) // 12)]]
    print("  MiB over time: " + " ".join(timeline))


def live(flashcast, folder, collect=False):
    """The issue's case: a 3-day sale replayed into a growing export over 70 s, refreshed every 0.2 s
    for about 2 minutes (the last ones see no new orders, as a cron loop after the sale)."""
    export = os.path.join(folder, "live.csv")
    stop = threading.Event()
    writer = threading.Thread(target=replay, args=(SALE, export, 70, stop))
    writer.start()
    time.sleep(0.5)
    command = [flashcast, "run", os.path.join(HERE, "live_refresh.lua"), export, PREVIOUS, str(REFRESHES)]
    result = run_sampled(command + (["collect"] if collect else []), folder)
    stop.set()
    writer.join()
    report("live refresh (%d refreshes, every 0.2 s%s)" % (REFRESHES, ", collectgarbage() every 20" if collect else ""), *result)


def live_collect(flashcast, folder):
    """The same with collectgarbage() every 20 refreshes: what the script really holds."""
    live(flashcast, folder, collect=True)


def churn(flashcast, folder):
    """Big Series and models made and dropped in a loop, without collectgarbage()."""
    report("make and drop (200 rounds)", *run_sampled([flashcast, "run", os.path.join(HERE, "churn.lua"), "200"], folder))


def cap(flashcast, folder):
    """A script keeping Swift-side data under --memory 64M: refused inside pcall, then over it."""
    command = [flashcast, "run", "--memory", "64M", "--summary", "-", os.path.join(HERE, "hoard.lua")]
    report("--memory 64M hoard", *run_sampled(command, folder))


CASES = {"live": live, "live-collect": live_collect, "churn": churn, "cap": cap}

if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    flashcast = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as folder:
        for name in sys.argv[2:] or list(CASES):
            CASES[name](flashcast, folder)
