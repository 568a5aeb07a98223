"""Long work is never silent (BRIEF: progress on long work). A check below the sharded size counts
its reading; the check after it cannot count (the rules run over all reports at once) and is now
said to be alive every few seconds, as is writing the annotated workbook; one solver call of the
exact localisation that runs long (up to its 120 s limit) is named while it runs. The delay is 10 s;
`XXGK_NOTICE_AFTER` shortens it here. None of this touches the output."""
from __future__ import annotations

import time

import numpy as np
import pytest

from bench.generate import district, write_texts, write_units
from hostile import xxgk


@pytest.fixture(scope="module")
def stray_one(tmp_path_factory):
    """36 text reports, one with a stray 1 in two cells: one cluster for the exact method."""
    d = district(8, (2019, 2020, 2021, 2022), seed=5)
    for cell in ("requests.partly_granted.commercial", "requests.handled_total.commercial"):
        d.report(d.units[2], 2020).set(cell, 1)
    folder = tmp_path_factory.mktemp("stray")
    write_texts(d, folder / "reports")
    return folder / "reports", write_units(d, folder / "units.csv")


def _run(env_after, *args):
    import os
    old = os.environ.get("XXGK_NOTICE_AFTER")
    os.environ["XXGK_NOTICE_AFTER"] = env_after
    try:
        return xxgk(*args)
    finally:
        if old is None:
            del os.environ["XXGK_NOTICE_AFTER"]
        else:
            os.environ["XXGK_NOTICE_AFTER"] = old


def test_the_check_and_the_annotation_say_they_are_alive(stray_one, tmp_path):
    reports, units = stray_one
    run = _run("0.1", "check", reports, "--units", units, "--annotate", tmp_path / "a.xlsx")
    assert run.code == 1, run.text[-2000:]
    lines = run.err.splitlines()
    assert "读取报告：36/36，正在核对…" in lines
    assert any(line.startswith("正在核对…（已用 ") for line in lines), run.err
    assert any(line.startswith("正在核对：完成（") for line in lines), run.err
    assert any(line.startswith("正在写出标注工作簿…（已用 ") for line in lines), run.err


def test_a_solver_call_is_named_and_the_output_is_unchanged(stray_one):
    reports, units = stray_one
    quiet = xxgk("check", reports, "--units", units, "--format", "json")
    told = _run("0", "check", reports, "--units", units, "--format", "json")
    assert told.code == quiet.code == 1
    assert told.out == quiet.out
    said = [line for line in told.err.splitlines() if line.startswith("精确定位：")]
    assert said and "（21 个单元格）正在求解，每次最多约 120 秒 CPU 时间" in said[0] and "仍在进行" in said[0], told.err
    assert said[-1].endswith("秒）") and "完成" in said[-1]
    assert "精确定位" not in quiet.err          # a call shorter than the delay is not mentioned


def test_the_notice_speaks_while_highs_works(capsys, monkeypatch):
    """HiGHS releases the GIL while it solves, so the timer speaks during the call, not after it."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from checker import notice
    monkeypatch.setenv("XXGK_NOTICE_AFTER", "0.2")
    notice.enable()
    rng = np.random.default_rng(1)
    a = rng.integers(1, 10**6, size=(3, 120)).astype(float)
    b = a @ rng.integers(0, 2, 120) + 1          # no 0/1 solution: HiGHS searches to its time limit
    heard = []
    start = time.monotonic()
    try:
        with notice.slow(lambda: heard.append(time.monotonic() - start) or "求解中"):
            res = milp(np.zeros(120), constraints=[LinearConstraint(a, b, b)], integrality=np.ones(120),
                       bounds=Bounds(0, 1), options={"time_limit": 1.5})
        took = time.monotonic() - start
    finally:
        monkeypatch.setattr(notice, "_after", None)
    assert res.status == 1 and took > 1.0
    assert heard and heard[0] < took - 0.5, (heard, took)
    assert "求解中（已用 0 秒，仍在进行）" in capsys.readouterr().err


def test_a_table_of_thousands_of_findings_says_how_to_be_quicker(tmp_path):
    """Over 2,000 findings the table takes seconds to lay out (~2 ms a finding): stderr says so and
    names --summary and --format csv; below that nothing is said."""
    import shutil
    blank = tmp_path / "blank.xlsx"
    assert xxgk("template", "-o", blank).code == 0
    src = tmp_path / "in"
    src.mkdir()
    for i in range(62):                     # 34 findings each: F1 for every row, F4 for the header
        shutil.copy(blank, src / f"单位{i:02d}.xlsx")
    run = xxgk("check", src)
    assert run.code == 1, run.text[-2000:]
    assert "--summary" in run.err and "--format csv" in run.err and "条问题，表格排版需要一些时间" in run.err
    few = xxgk("check", src / "单位00.xlsx")
    assert few.code == 1 and "表格排版" not in few.err
