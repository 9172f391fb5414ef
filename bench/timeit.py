#!/usr/bin/env python3
"""Times one command as whole processes, under /usr/bin/time -v.

    python3 bench/timeit.py RUNS TIMEOUT OUT.json -- CMD ARGS...

Runs CMD up to RUNS times (each under TIMEOUT seconds), keeps the stdout of
the last run in OUT.json, and prints `min_seconds median_seconds
peak_rss_kb status min_cpu_seconds` where the wall time is measured around
the process with time.perf_counter (finer than /usr/bin/time's 10 ms), the
peak resident memory is /usr/bin/time -v's "Maximum resident set size",
and the CPU time (user + system, from wait4, microseconds) is the least
affected by other load on the machine. status is ok, timeout or
failed:CODE.
"""
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

runs, timeout, out = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
cmd = sys.argv[sys.argv.index("--") + 1:]
walls, cpus, rss, status = [], [], 0, "ok"
for _ in range(runs):
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        # Own process group, so a timeout ends the command too, not only
        # /usr/bin/time.
        p = subprocess.Popen(["/usr/bin/time", "-v", *cmd], stdout=stdout, stderr=stderr,
                             start_new_session=True)
        deadline = start + timeout
        while True:
            pid, code, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(p.pid, signal.SIGKILL)
                os.wait4(p.pid, 0)
                status = "timeout"
                break
            time.sleep(0.0002)
        if status == "timeout":
            walls.append(timeout)
            cpus.append(timeout)
            break
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        stderr.seek(0)
        for line in stderr.read().decode(errors="replace").splitlines():
            if "Maximum resident set size" in line:
                rss = max(rss, int(line.split()[-1]))
        code = os.waitstatus_to_exitcode(code)
        if code != 0:
            status = f"failed:{code}"
            break
        stdout.seek(0)
        with open(out, "wb") as f:
            f.write(stdout.read())
print(f"{min(walls):.4f} {statistics.median(walls):.4f} {rss} {status} {min(cpus):.4f}")
