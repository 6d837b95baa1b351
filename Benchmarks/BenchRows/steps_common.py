"""What steps_pandas.py and steps_polars.py share: the timer, the order of the steps, the check and the output."""
import sys
import time


def timed(name, f):
    start = time.process_time()
    result = f()
    print(f"{name:<9} {time.process_time() - start:7.3f} s")
    return result


def run_steps(read, filter_big, group, sort, write, filter_by_row):
    """Times the steps of steps.lua on the orders in argv[1], writing argv[2]; each argument does one step.

    filter_by_row is not one of the five: the same filter written as a function of each row."""
    path, out = sys.argv[1], sys.argv[2]
    t = timed("read", lambda: read(path))
    big = timed("filter", lambda: filter_big(t))
    per = timed("group", lambda: group(big))
    top = timed("sort", lambda: sort(per))
    head = timed("head", lambda: top.head(10))
    timed("write", lambda: write(top, out))
    by_row = timed("rowfn", lambda: filter_by_row(t))
    assert len(by_row) == len(big)
    print(len(t), len(big), len(per))
    print(head)
