#!/usr/bin/env python3
"""Times one command as whole processes, under /usr/bin/time -v.

    python3 bench/timeit.py RUNS TIMEOUT OUT.json -- CMD ARGS...

Runs CMD up to RUNS times (each under TIMEOUT seconds), keeps the stdout of
the last run in OUT.json, and prints `min_seconds median_seconds
peak_rss_kb status` where the wall time is measured around the process
with time.perf_counter (finer than /usr/bin/time's 10 ms) and the peak
resident memory is /usr/bin/time -v's "Maximum resident set size".
status is ok, timeout or failed:CODE.
"""
import statistics
import subprocess
import sys
import time

runs, timeout, out = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
cmd = sys.argv[sys.argv.index("--") + 1:]
walls, rss, status = [], 0, "ok"
for _ in range(runs):
    start = time.perf_counter()
    try:
        p = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        status = "timeout"
        walls.append(timeout)
        break
    walls.append(time.perf_counter() - start)
    for line in p.stderr.decode(errors="replace").splitlines():
        if "Maximum resident set size" in line:
            rss = max(rss, int(line.split()[-1]))
    if p.returncode != 0:
        status = f"failed:{p.returncode}"
        break
    with open(out, "wb") as f:
        f.write(p.stdout)
print(f"{min(walls):.4f} {statistics.median(walls):.4f} {rss} {status}")
