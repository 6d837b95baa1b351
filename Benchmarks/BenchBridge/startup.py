"""Whole-process start-up of a command beside a yardstick, run in turn (A B A B ...) so that both
see the same machine: the median (min-max) wall milliseconds and the median CPU milliseconds
(the operating system's accounting of each finished process, wait4) of each, and the ratio A/B of
the medians. Peak memory: `/usr/bin/time -v COMMAND` ("Maximum resident set size").

    python3 Benchmarks/BenchBridge/startup.py [-n RUNS] -- COMMAND ... --vs YARDSTICK ...

One warm-up run of each is not counted. Output goes to /dev/null.
"""
import os
import shutil
import statistics
import sys
import time


def run(command):
    """Wall seconds and CPU seconds of one run."""
    null = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
    started = time.perf_counter()
    pid = os.posix_spawn(shutil.which(command[0]) or command[0], command, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - started
    os.close(null)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    args = sys.argv[1:]
    runs = 20
    if args[:1] == ["-n"]:
        runs, args = int(args[1]), args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    split = args.index("--vs")
    commands = {"A": args[:split], "B": args[split + 1:]}
    figures = {name: [] for name in commands}
    for count in range(runs + 1):
        for name, command in commands.items():
            figure = run(command)
            if count > 0:
                figures[name].append(figure)
    medians = {}
    for name, command in commands.items():
        wall, cpu = ([f[i] for f in figures[name]] for i in range(2))
        medians[name] = statistics.median(wall)
        print(f"{name} {' '.join(command)}: wall {1000 * medians[name]:.1f} ms ({1000 * min(wall):.1f}-{1000 * max(wall):.1f}),"
              f" cpu {1000 * statistics.median(cpu):.1f} ms, {runs} runs")
    print(f"A/B wall medians: {medians['A'] / medians['B']:.1f}")


if __name__ == "__main__":
    main()
