"""Where the default model does not have the lowest median or mean horizon revenue error.

    python3 Benchmarks/BenchForecast/losses.py [--losses] LABEL=FOLDER [LABEL=FOLDER ...]

Each FOLDER is a BenchForecast run (its pieces.csv, and peers.csv when peers.py ran there); a
folder may be given as FOLDER+PEERS_FOLDER to count the peers of another run on the same cases
and origins (a --no-history run beside the peers of the run with history: the peers never see an
earlier sale). Prints one Markdown row per case kind (the simulated kinds pooled first), experiment
and horizon (experiment 1 at 200 and 500 minutes, on the origins with a day before the training
window; experiment 2 at 200): flashcast's median / mean hre@h beside the lowest median and the
lowest mean of every other model and peer (the oracle left out), and where flashcast's is not the
lowest, by how much (`--losses`: only the pooled rows and those where it loses). Only the
standard library.
"""
import csv
import os
import statistics
import sys


def read(path):
    return list(csv.DictReader(open(path))) if os.path.exists(path) else []


def pieces(spec):
    folders = spec.split("+")
    rows = read(os.path.join(folders[0], "pieces.csv")) + sum((read(os.path.join(f, "peers.csv")) for f in folders), [])
    return [r for r in rows if r["model"] != "oracle" and (r["experiment"] != "exp1" or int(r["cutoff"]) + 1 - 1000 >= 1440)]


def row(label, group, rows, experiment, h):
    values = {}
    for r in rows:
        if r["experiment"] == experiment and r["hre%d" % h] not in ("", "nan"):
            values.setdefault(r["model"], []).append(float(r["hre%d" % h]))
    if "flashcast" not in values or len(values) < 2:
        return None
    stats = {m: (statistics.median(v), statistics.mean(v), len(v)) for m, v in values.items()}
    own = stats.pop("flashcast")
    median = min(stats, key=lambda m: stats[m][0])
    mean = min(stats, key=lambda m: stats[m][1])
    losses = []
    if own[0] > stats[median][0]:
        losses.append("median by %.1f points" % (own[0] - stats[median][0]))
    if own[1] > stats[mean][1]:
        losses.append("mean by %.1f points" % (own[1] - stats[mean][1]))
    verdict = "**loses**: " + ", ".join(losses) if losses else "lowest" if own[0] < stats[median][0] and own[1] < stats[mean][1] else "lowest or tied"
    return "| %s | %s | %s | %d | %d | %.1f / %.1f | %.1f (%s) | %.1f (%s) | %s |" % (
        label, group, experiment[-1], h, own[2], own[0], own[1], stats[median][0], median, stats[mean][1], mean, verdict)


print("| run | cases | exp. | h | origins | flashcast median / mean % | lowest other median % | lowest other mean % | flashcast |")
print("|---|---|---|---|---|---|---|---|---|")
only_losses = "--losses" in sys.argv
for argument in (a for a in sys.argv[1:] if a != "--losses"):
    label, spec = argument.split("=", 1)
    rows = pieces(spec)
    kinds = sorted({r["kind"] for r in rows if r["kind"].startswith("sim")})
    groups = ([("pooled simulated", [r for r in rows if r["kind"].startswith("sim")])] if kinds else []) \
        + [(k, [r for r in rows if r["kind"] == k]) for k in kinds] \
        + [(k, [r for r in rows if r["kind"] == k]) for k in sorted({r["kind"] for r in rows if not r["kind"].startswith("sim")})]
    for group, members in groups:
        for experiment, horizons in (("exp1", (200, 500)), ("exp2", (200,))):
            for h in horizons:
                line = row(label, group, members, experiment, h)
                if line and (not only_losses or "loses" in line or group == "pooled simulated"):
                    print(line)
