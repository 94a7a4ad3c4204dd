#!/usr/bin/env python3
"""Startup benchmark: time from process start to the first painted shell, and resident memory.

For each build profile given (debug, release), starts the built app several times under the current
X display (run it through `xvfb-run -a`), with fresh config/data dirs each time, and reads the UI's
"shell first painted" log line (written after the first frame of the shell is on screen). Resident
memory is the sum of VmRSS of the app and its WebKit child processes, read 3 s after the paint.

    xvfb-run -a -s "-screen 0 1280x800x24" python3 scripts/bench-startup.py debug release

Build first: `npx tauri build --debug --no-bundle` (debug) and `npx tauri build --no-bundle` (release).
"""
import datetime as dt
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
PAINT_LINE = re.compile(r"^(\S+Z)\s+INFO ui: shell first painted")


def target_dir():
    meta = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"],
                          check=True, capture_output=True, text=True).stdout
    return json.loads(meta)["target_directory"]


def descendants(pid):
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout
    children = {}
    for line in out.split("\n"):
        if line.strip():
            p, pp = map(int, line.split())
            children.setdefault(pp, []).append(p)
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def one_run(app):
    home = tempfile.mkdtemp(prefix="sb-bench-")
    env = dict(os.environ, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data",
               XDG_CACHE_HOME=f"{home}/cache", LANG="en_US.UTF-8")
    started = dt.datetime.now(dt.timezone.utc)
    proc = subprocess.Popen([app], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        painted = None
        while painted is None and time.monotonic() < deadline:
            for path in glob.glob(f"{home}/data/*/logs/*.log"):
                with open(path, encoding="utf-8", errors="replace") as log:
                    for line in log:
                        match = PAINT_LINE.match(line)
                        if match:
                            painted = dt.datetime.fromisoformat(match.group(1).replace("Z", "+00:00"))
            time.sleep(0.01)
        if painted is None:
            raise RuntimeError(f"{app} did not log 'shell first painted' within 60 s")
        time.sleep(3)
        main_rss = rss_kib(proc.pid)
        total_rss = sum(rss_kib(p) for p in descendants(proc.pid))
        return (painted - started).total_seconds() * 1000, main_rss / 1024, total_rss / 1024
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(home, ignore_errors=True)


def main():
    if not os.environ.get("DISPLAY"):
        sys.exit("no DISPLAY: run under xvfb-run -a")
    profiles = sys.argv[1:] or ["debug"]
    root = target_dir()
    print(f"{RUNS} runs each; times from process start to the first painted shell")
    print(f"{'profile':8} {'paint median':>13} {'min':>8} {'max':>8} {'RSS app':>9} {'RSS app+webkit':>15}")
    for profile in profiles:
        app = os.path.join(root, profile, "switchboard")
        if not os.access(app, os.X_OK):
            sys.exit(f"no {profile} build at {app}")
        one_run(app)  # warm the page cache; not counted
        results = [one_run(app) for _ in range(RUNS)]
        paint = [r[0] for r in results]
        print(f"{profile:8} {statistics.median(paint):10.0f} ms {min(paint):5.0f} ms {max(paint):5.0f} ms "
              f"{statistics.median(r[1] for r in results):6.0f} MiB {statistics.median(r[2] for r in results):12.0f} MiB")


if __name__ == "__main__":
    main()
