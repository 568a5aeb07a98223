"""The solver's batches shared with a worker process: the same results, in the jobs' order, whichever
process ran each job; and the same when no worker can be used (Pyodide, one core)."""
import os
import time

import pytest

from checker.rules import solvepool


def _square(job):
    n, pause = job
    time.sleep(pause)
    return n * n, os.getpid()


def _fail_in_worker(job):
    if os.getpid() != job:
        raise RuntimeError("worker")
    return "here"


@pytest.mark.skipif(not solvepool.usable(), reason="no fork or one core")
def test_jobs_are_shared_and_results_keep_their_order():
    jobs = [(n, 0.05) for n in range(12)]
    with solvepool.Pool() as pool:
        out = pool.map(_square, jobs, [solvepool.MIN_COST] * len(jobs))
    assert [r for r, _ in out] == [n * n for n in range(12)]
    pids = {p for _, p in out}
    assert os.getpid() in pids and len(pids) == 2          # both processes took jobs


@pytest.mark.skipif(not solvepool.usable(), reason="no fork or one core")
def test_a_job_the_worker_cannot_run_is_run_here():
    me = os.getpid()
    with solvepool.Pool() as pool:
        out = pool.map(_fail_in_worker, [me, me, me], [solvepool.MIN_COST] * 3)
    assert out == ["here"] * 3


def test_without_a_worker_the_jobs_run_here_in_order(monkeypatch):
    monkeypatch.setattr(solvepool, "usable", lambda: False)
    with solvepool.Pool() as pool:
        out = pool.map(_square, [(n, 0) for n in range(5)], [solvepool.MIN_COST] * 5)
    assert out == [(n * n, os.getpid()) for n in range(5)]


def test_small_work_is_not_worth_a_process():
    with solvepool.Pool() as pool:
        out = pool.map(_square, [(2, 0), (3, 0)], [1, 1])
        assert pool._proc is None
    assert out == [(4, os.getpid()), (9, os.getpid())]


@pytest.mark.skipif(not solvepool.usable(), reason="no fork or one core")
def test_exact_localisation_finds_the_same_with_and_without_the_worker(tmp_path, monkeypatch):
    """A district with several wrong cells per cluster: the solver's batches shared with the worker
    give the very findings the single process gives."""
    from bench.generate import district, write_texts, write_units
    from bench.inject import TABLE_KINDS, inject
    from checker.check import check_paths

    d = district(49, (2022, 2023), seed=3)
    inject(d, 20, seed=3, start=8, only=TABLE_KINDS)
    write_texts(d, tmp_path / "txt")
    units = write_units(d, tmp_path / "units.csv")
    monkeypatch.setattr(solvepool, "MIN_COST", 0)
    shared = check_paths([tmp_path / "txt"], units_file=units)
    monkeypatch.setattr(solvepool, "usable", lambda: False)
    alone = check_paths([tmp_path / "txt"], units_file=units)
    assert [f.to_json() for f in shared.findings] == [f.to_json() for f in alone.findings]
    assert any(len(f.suspects) > 1 for f in alone.findings)        # the exact method was needed
