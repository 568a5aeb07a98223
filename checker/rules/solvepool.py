"""Independent jobs (the exact localiser's solver batches) shared between this process and one
worker process, so that both cores work on them. The readers' worker processes are gone by the
time the rules run, so the second core is otherwise idle while the solver works.

Each job is solved whole by one process, so the results are the same as solving them one after
the other here; only the wall time changes. The largest jobs go first and each process takes the
next job when it is free, which keeps the two busy to the end. Where processes cannot be used
(Pyodide in xlwings Lite, a platform without `fork`, one core) or the work is too small to pay
for starting one, the jobs run here, in order.
"""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial

MIN_COST = 4000        # below this total cost (cells), a second process costs more than it saves


def usable() -> bool:
    """A worker process can be forked here (Linux, two cores or more; not Pyodide)."""
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) >= 2


class Pool:
    """One forked worker process, started on first use and shut down on exit (a context manager)."""

    def __init__(self) -> None:
        self._executor: ProcessPoolExecutor | None = None
        self.ok = usable()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def _start(self) -> ProcessPoolExecutor | None:
        if self._executor is None and self.ok:
            try:
                import multiprocessing
                self._executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
            except (ImportError, OSError, ValueError):
                self.ok = False
        return self._executor

    def map(self, func: Callable, jobs: Sequence, costs: Sequence[float]) -> list:
        """[func(job) for job in jobs], the jobs shared with the worker when they are worth it.
        `func` must be a module-level function (it is pickled by name), jobs and results picklable."""
        executor = self._start() if len(jobs) >= 2 and sum(costs) >= MIN_COST else None
        if executor is None:
            return [func(job) for job in jobs]
        order = sorted(range(len(jobs)), key=lambda n: -costs[n])
        results: list = [None] * len(jobs)
        lock = threading.Lock()
        stopped = threading.Event()      # the worker has no job and will get none
        failed: list[int] = []           # jobs the worker could not run: done here after all

        def take() -> int | None:
            with lock:
                return order.pop(0) if order else None

        def give() -> None:
            """Hand the worker the next job (one at a time: the rest stays for whoever is free)."""
            n = take()
            if n is None:
                stopped.set()
                return
            try:
                executor.submit(func, jobs[n]).add_done_callback(partial(back, n))
            except Exception:            # the pool broke: the jobs are done here
                failed.append(n)
                stopped.set()

        def back(n: int, f: Future) -> None:
            try:
                results[n] = f.result()
            except Exception:
                failed.append(n)
                stopped.set()
                return
            give()

        give()
        while (n := take()) is not None:
            results[n] = func(jobs[n])
        stopped.wait()
        for n in failed:
            results[n] = func(jobs[n])
        return results
