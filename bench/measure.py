"""Measuring a command: wall time and the peak memory of its whole process tree (workers included)."""
from __future__ import annotations

import resource
import subprocess
import threading
import time
from dataclasses import dataclass

import psutil


@dataclass
class Measurement:
    seconds: float
    peak_bytes: int
    returncode: int
    cpu_seconds: float = 0.0   # user + system time of the whole tree (workers included)


def run_measured(cmd: list[str], stdout=subprocess.DEVNULL, env=None, interval: float = 0.05,
                 ok: tuple[int, ...] = (0, 1)) -> Measurement:
    """Run `cmd`, sampling the summed RSS of the process and its children every `interval` s.
    CPU time is the tree's (a process's reaped children count into its own children's usage): on a
    machine shared with other work, wall time grows with the load and CPU time does not. `ok`: the
    exit codes that are no failure (2 when the input holds files that are no report)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not done.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
            done.wait(interval)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    t.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(cmd)} 失败（退出码 {proc.returncode}）：{err.decode(errors='replace')[-2000:]}")
    return Measurement(seconds, peak, proc.returncode, cpu)
