"""A sharded check's progress in a log (stderr not a terminal): the reading ends with "正在核对…", the
check then counts "核对报告：n/N" itself. It must not say "正在核对：完成" when the check has just
begun (as it did before the counting step: a reviewer reading the log took the run for finished and
then saw it go on for a minute on 10,000 files). `XXGK_SHARD=1` shards from two files."""
from __future__ import annotations

import os

import pytest

from bench.generate import district, write_texts
from hostile import xxgk


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    d = district(8, (2020, 2021, 2022), seed=7)
    folder = tmp_path_factory.mktemp("sharded") / "reports"
    write_texts(d, folder)
    return folder


def _check(reports, shard: str):
    """`xxgk check reports --format json` with sharding forced on ("1") or off ("0")."""
    env = {"XXGK_SHARD": shard, "XXGK_NOTICE_AFTER": "0.1"}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return xxgk("check", reports, "--format", "json")
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v



def test_sharded_check_counts_and_is_not_called_done_before_it_starts(reports):
    run = _check(reports, "1")
    assert run.code in (0, 1), run.text[-2000:]
    lines = run.err.splitlines()
    n = sum(1 for _ in reports.rglob("*.txt"))
    assert n > 20 and f"读取报告：{n}/{n}，正在核对…" in lines, run.err
    assert f"核对报告：{n}/{n}" in lines, run.err
    assert not any(line.startswith("正在核对：完成") for line in lines), run.err


def test_unsharded_check_still_says_done(reports):
    lines = _check(reports, "0").err.splitlines()
    assert any(line.startswith("正在核对：完成（") for line in lines), lines
    assert lines.index(next(x for x in lines if x.startswith("正在核对：完成"))) == len(lines) - 1
