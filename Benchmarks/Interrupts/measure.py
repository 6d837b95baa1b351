#!/usr/bin/env python3
"""How long flashcast takes to stop: Ctrl-C to the REPL's next prompt, Ctrl-D to exit with a looping
finalizer, `run --sandbox --timeout 1` to exit, and SIGTERM/SIGHUP/SIGINT to exit, for each kind of
stuck code. Usage: Benchmarks/Interrupts/measure.py [.build/release/flashcast]"""
import json, os, pty, select, signal, subprocess, sys, tempfile, time

FLASHCAST = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/flashcast")
LONG_SWIFT = {
    "paper back-test": "local sale = orders.simulate{minutes = 4320, seed = 1} forecast.backtest(sale.revenue, "
                       "{model = 'paper', train = 1000, horizon = 200, step = 50, epochs = 500})",
    "orders.simulate 5e7": "orders.simulate{minutes = 43200, orders = 5e7}",
    "nn fit": "local X, Y = {}, {} for i = 1, 2000 do X[i] = {i / 2000} Y[i] = {math.sin(i / 100)} end "
              "nn.Sequential():add(nn.Linear(1, 256)):add(nn.ReLU()):add(nn.Linear(256, 1))"
              ":fit(nn.matrix(X), nn.matrix(Y), {epochs = 100000})",
}
INTERRUPTIBLE = {
    "pcall in a loop": "while true do pcall(function() while true do end end) end",
    "coroutine": "coroutine.wrap(function() while true do pcall(error) end end)()",
    "xpcall handler": "xpcall(function() while true do end end, function() while true do end end)",
    **LONG_SWIFT,
}
UNREACHABLE = {  # hooks cannot reach these: the watchdog ends the run
    "__gc finalizer": "setmetatable({}, {__gc = function() while true do end end}) collectgarbage() while true do end",
    "string.rep 2e9": "local s = string.rep('x', 2e9)",
    "string.find": "string.find(string.rep('a', 60), string.rep('a*', 12) .. 'b')",
}


def repl(home):
    def read_until(text, timeout=30):
        end = time.time() + timeout
        while text not in buffer[0]:
            ready, _, _ = select.select([fd], [], [], max(0, end - time.time()))
            if not ready: raise TimeoutError(text)
            buffer[0] += os.read(fd, 65536).decode(errors="replace")
        buffer[0] = buffer[0][buffer[0].index(text) + len(text):]

    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(HOME=home, TERM="dumb")
        os.execv(FLASHCAST, [FLASHCAST, "repl"])
    buffer = [""]
    read_until("> ")
    os.write(fd, b"kept = 'still here'\n"); read_until("> ")
    for name, code in INTERRUPTIBLE.items():
        os.write(fd, f"print('spinning') {code}\n".encode()); read_until("spinning\r\n")
        time.sleep(1)
        start = time.time(); os.write(fd, b"\x03"); read_until("interrupted!"); read_until("\n> ")
        print(f"repl  {name:22s} Ctrl-C -> prompt  {1000 * (time.time() - start):6.1f} ms")
    os.write(fd, b"kept\n"); read_until('"still here"')
    print("repl  state kept after every Ctrl-C (kept == 'still here')")
    os.write(fd, b"x = setmetatable({}, {__gc = function() while true do end end})\n"); read_until("> ")
    start = time.time(); os.write(fd, b"\x04"); _, status = os.waitpid(pid, 0)
    print(f"repl  {'Ctrl-D, looping __gc':22s} Ctrl-D -> exit    {1000 * (time.time() - start):6.1f} ms"
          f" (status {os.waitstatus_to_exitcode(status)})")


def run(folder):
    os.makedirs(f"{folder}/out", exist_ok=True)
    def script(code):
        with open(f"{folder}/s.lua", "w") as f: f.write("local f = io.open('out/r.csv', 'w') f:write('half') " + code)
    def leftovers(): return [n for n in os.listdir(f"{folder}/out") if n != "s.json"]
    for name, code in {**INTERRUPTIBLE, **UNREACHABLE}.items():
        script(code)
        start = time.time()
        done = subprocess.run([FLASHCAST, "run", "--sandbox", "--timeout", "1", "--summary", "out/s.json", "s.lua"],
                              cwd=folder, capture_output=True)
        elapsed = 1000 * (time.time() - start) - 1000
        status = json.load(open(f"{folder}/out/s.json"))["status"]
        print(f"run   {name:22s} timeout 1 s -> exit {elapsed:+6.0f} ms past it (exit {done.returncode}, {status},"
              f" left {leftovers()})")
        for left in leftovers(): os.remove(f"{folder}/out/{left}")
    for name, code in {"pcall in a loop": "while true do pcall(error) end", **UNREACHABLE}.items():
        for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            script(code)
            child = subprocess.Popen([FLASHCAST, "run", "--sandbox", "--summary", "out/s.json", "s.lua"], cwd=folder,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while not leftovers(): time.sleep(0.01)
            time.sleep(0.3)
            start = time.time(); child.send_signal(number); child.wait()
            print(f"run   {name:22s} {number.name:7s} -> exit {1000 * (time.time() - start):6.0f} ms"
                  f" (exit {child.returncode}, left {leftovers()})")
            for left in leftovers(): os.remove(f"{folder}/out/{left}")


with tempfile.TemporaryDirectory() as folder:
    repl(folder)
    run(folder)
