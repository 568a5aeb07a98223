"""`--summary` and the closing lines name the files of reports whose unit or year was not found, through
the real `xxgk`: two blank templates (headers not filled, as units send them back) used to share one line
`（未识别单位） （未识别年度） 年度：错误 64 条…` and none of the files could be found from it. A report
with unit and year keeps its line as before."""
from __future__ import annotations

import shutil
from pathlib import Path

from tests.hostile import xxgk

SEED = Path(__file__).resolve().parent / "fixtures" / "seeds" / "000_1cda018db4f6af73.txt"


def test_unnamed_reports_name_their_files(tmp_path):
    template = tmp_path / "模板.xlsx"
    assert xxgk("template", "-o", template).code == 0
    folder = tmp_path / "收到"
    folder.mkdir()
    for name in ("甲局.xlsx", "乙局.xlsx"):
        shutil.copy(template, folder / name)
    shutil.copy(SEED, folder / SEED.name)
    run = xxgk("check", folder, "--summary")
    lines = run.out.splitlines()
    unnamed = [x for x in lines if x.startswith("（未识别单位） （未识别年度） 年度")]
    assert len(unnamed) == 1, run.out
    assert "甲局.xlsx" in unnamed[0] and "乙局.xlsx" in unnamed[0], unnamed
    named = [x for x in lines if x.startswith("哈尔滨文化园区管理处 2020 年度：")]     # the seed: as before
    assert len(named) == 1 and ".txt" not in named[0]
    table = xxgk("check", folder).out
    assert "问题最多的报告：（未识别单位） （未识别年度） 年度（" in table.replace("\n", "")


def test_many_files_are_cut_to_three(tmp_path):
    template = tmp_path / "模板.xlsx"
    assert xxgk("template", "-o", template).code == 0
    folder = tmp_path / "收到"
    folder.mkdir()
    for i in range(5):
        shutil.copy(template, folder / f"单位{i}.xlsx")
    line = xxgk("check", folder, "--summary").out.splitlines()[0]
    assert "等 5 份）" in line and line.count(".xlsx") == 3, line
