"""A name in the units list (`--units`) with no report of it gets a U1 warning. The terminal used to
head it like a report of an unknown year — `道里区不存在局 （未识别年度） 年度：警告 1 条` in
`--summary`, `道里区不存在局  年度报告` over the table — though it is no report at all: it is now
named as what it is, `单位清单中的“道里区不存在局”`. A real report whose year was not found keeps
its heading."""
from __future__ import annotations

import pytest

from bench.generate import district, write_texts, write_units
from hostile import xxgk


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = district(4, (2021,), seed=11)
    root = tmp_path_factory.mktemp("units-names")
    write_texts(d, root / "reports")
    units = write_units(d, root / "units.csv")
    with units.open("a", encoding="utf-8") as f:
        f.write("道里区不存在局,道里区人民政府\n")
    return root


def test_summary_names_a_units_list_entry_as_such(folder):
    run = xxgk("check", folder / "reports", "--units", folder / "units.csv", "--summary")
    lines = run.out.splitlines()
    assert "单位清单中的“道里区不存在局”：警告 1 条（U1）" in lines, run.out
    assert not any("道里区不存在局 （未识别年度）" in line for line in lines)


def test_table_heads_it_as_a_units_list_entry(folder):
    run = xxgk("check", folder / "reports", "--units", folder / "units.csv")
    assert "单位清单中的“道里区不存在局”" in run.out and "道里区不存在局  年度报告" not in run.out
    assert "问题最多的报告：" in run.out


def test_a_report_without_a_year_keeps_its_heading():
    from checker.render.summary import report_name
    assert report_name("某局", None, {("某局", None)}) == "某局 （未识别年度） 年度"
    assert report_name("某局", None, set()) == "单位清单中的“某局”"
    assert report_name(None, None, set()) == "（未识别单位） （未识别年度） 年度"
