"""Independent jobs (the exact localiser's solver batches) shared between this process and one
worker process, so that both cores work on them. The readers' worker processes are gone by the
time the rules run, so the second core is otherwise idle while the solver works.

Each job is solved whole by one process, so the results are the same as solving them one after
the other here; only the wall time changes. The largest jobs go first and each process takes the
next job when it is free, which keeps the two busy to the end. Where a worker cannot be used
(Pyodide in xlwings Lite; Windows and macOS, where Excel's Python keeps to one process; one core)
or the work is too small to pay for starting one, the jobs run here, in order.

The worker is a fresh interpreter (`python -m checker.rules.solvepool`) fed through a pipe: a
forked copy of this process (the reports read, some GB) would count its pages twice in the
memory of the process tree, and multiprocessing's spawn would run the caller's own script again.
"""
from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence

MIN_COST = 4000        # below this total cost (cells), starting a second process costs more than it saves
_SIZE = struct.Struct("<Q")
enabled = True         # off in `checker.shard`'s workers: there every core already checks its own share


def usable() -> bool:
    """A worker process is used here: Linux with two cores or more."""
    return enabled and sys.platform.startswith("linux") and (os.cpu_count() or 1) >= 2


class Pool:
    """One worker process, started on first use and stopped on exit (a context manager)."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self.ok = usable()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        if self._proc is not None:
            try:
                self._proc.stdin.close()          # the worker ends at the end of its input
                self._proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self._proc.kill()

    def _start(self) -> subprocess.Popen | None:
        if self._proc is None and self.ok:
            try:
                self._proc = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE,
                                              stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": _path()})
            except OSError:
                self.ok = False
        return self._proc

    def _run_there(self, func: Callable, job):
        """`func(job)` in the worker (raises when the worker fails)."""
        proc = self._proc
        data = pickle.dumps((func, job), protocol=pickle.HIGHEST_PROTOCOL)
        proc.stdin.write(_SIZE.pack(len(data)) + data)
        proc.stdin.flush()
        ok, result = pickle.loads(_read(proc.stdout))
        if not ok:
            raise RuntimeError(result)
        return result

    def map(self, func: Callable, jobs: Sequence, costs: Sequence[float]) -> list:
        """[func(job) for job in jobs], the jobs shared with the worker when they are worth it.
        `func` must be a module-level function (it is pickled by name), jobs and results picklable."""
        worker = self._start() if len(jobs) >= 2 and sum(costs) >= MIN_COST else None
        if worker is None:
            return [func(job) for job in jobs]
        order = sorted(range(len(jobs)), key=lambda n: -costs[n])
        results: list = [None] * len(jobs)
        lock = threading.Lock()
        failed: list[int] = []           # jobs the worker could not run: done here after all

        def take() -> int | None:
            with lock:
                return order.pop(0) if order else None

        def feed() -> None:
            """Hand the worker one job at a time: the rest stays for whoever is free first."""
            while (n := take()) is not None:
                try:
                    results[n] = self._run_there(func, jobs[n])
                except Exception:        # the worker broke: this job and the rest are done here
                    failed.append(n)
                    self.ok = False
                    return

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        while (n := take()) is not None:
            results[n] = func(jobs[n])
        feeder.join()
        for n in failed:
            results[n] = func(jobs[n])
        if not self.ok and self._proc is not None:
            self._proc.kill()
            self._proc = None
        return results


def _path() -> str:
    """The worker imports what this process imports, from the same places (as multiprocessing's
    spawn passes sys.path on): an editable checkout, a test's own module."""
    return os.pathsep.join(p for p in sys.path if p)


def _read(stream) -> bytes:
    head = stream.read(_SIZE.size)
    if len(head) < _SIZE.size:
        raise EOFError("求解子进程已退出")
    (size,) = _SIZE.unpack(head)
    return stream.read(size)


def _serve() -> None:
    """The worker: run each job sent on stdin, send back (True, result) or (False, why)."""
    stdin = sys.stdin.buffer
    # the replies get their own copy of stdout; anything a library prints goes to stderr instead
    stdout = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    while True:
        try:
            func, job = pickle.loads(_read(stdin))
        except EOFError:
            return
        try:
            reply = (True, func(job))
        except Exception as e:  # the parent runs the job itself
            reply = (False, f"{type(e).__name__}: {e}")
        data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.write(_SIZE.pack(len(data)) + data)
        stdout.flush()


if __name__ == "__main__":
    _serve()
