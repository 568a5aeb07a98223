"""The grid matcher on printed rows: every layout the readers hand it, every form finding."""
from __future__ import annotations

import pytest

from checker.model import Report
from checker.readers.grid import GridCell, detect_format, finish, read_tables
from checker.readers.labels import norm, table_keys

from official import all_rows, values_for


def grid(rows: list[list[str]]) -> list[list[GridCell]]:
    return [[GridCell(t, n, i) for i, t in enumerate(r, 1)] for n, r in enumerate(rows, 1)]


def read(rows, year=None, fmt=None) -> Report:
    r = Report(source="t.txt", year=year)
    if fmt:
        r.set_format(fmt)
    read_tables(grid(rows), r, "t.txt")
    finish(r, "t.txt")
    return r


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_official_layout_reads_every_cell(fmt):
    vals = values_for(fmt)
    r = read(all_rows(fmt, vals))
    assert r.format == fmt
    assert r.cells == vals
    assert r.findings == []


def test_normalisation_removes_spaces_and_punctuation():
    assert norm("自 然 人") == "自然人"
    assert norm("（二）部分公开（区分处理的，只计这一情形）") == "二部分公开区分处理的只计这一情形"
    assert norm("本年增/减") == "本年增减"


def test_exact_keys_keep_similar_labels_apart():
    active = table_keys("2021")["active"]
    assert active.match(norm("规章")).id == "regulations"
    assert active.match(norm("规范性文件")).id == "normative_docs"
    assert active.match(norm("行政规范性文件")).id == "normative_docs"
    requests = table_keys("2021")["requests"]
    assert requests.match(norm("3.其他")).id == "other.other"
    assert requests.match(norm("（六）其他处理")) is None
    assert table_keys("2019")["requests"].match(norm("（六）其他处理")).id == "other"


def test_format_from_labels_and_fallback_to_year():
    rows21 = all_rows("2021", values_for("2021"))
    assert detect_format(grid(rows21)) == "2021"
    assert detect_format(grid(all_rows("2019", values_for("2019")))) == "2019"
    # only the appeals table: nothing in the labels tells; the data year does
    only_appeals = rows21[-5:]
    assert detect_format(grid(only_appeals)) is None
    assert read(only_appeals, year=2020).format == "2019"


def test_blank_unreadable_and_normalised_cells():
    vals = values_for("2021")
    rows = all_rows("2021", vals)
    i = next(n for n, r in enumerate(rows) if r[0] == "行政许可")
    rows[i] = ["行政许可", "/"]
    j = next(n for n, r in enumerate(rows) if r[0] == "行政处罚")
    rows[j] = ["行政处罚", "无"]
    k = next(n for n, r in enumerate(rows) if r[0] == "行政强制")
    rows[k] = ["行政强制", "１２"]
    g = next(n for n, r in enumerate(rows) if len(r) > 2 and r[2] == "2.重复申请")
    rows[g][5] = ""
    r = read(rows)
    assert r.get("active.licensing.decisions") is None and r.get("active.penalty.decisions") is None
    assert r.get("active.enforcement.decisions") == 12
    f2 = {f.cells[0].cell: f for f in r.findings if f.rule == "F2"}
    assert f2["active.licensing.decisions"].severity == "error" and "“/”" in f2["active.licensing.decisions"].message
    assert "“无”" in f2["active.penalty.decisions"].message
    assert f2["active.enforcement.decisions"].severity == "info" and "12" in f2["active.enforcement.decisions"].message
    assert f"第{i + 1}行" in f2["active.licensing.decisions"].where
    (f1,) = [f for f in r.findings if f.rule == "F1"]
    assert [c.cell for c in f1.cells] == ["requests.not_processed.duplicate.research"]
    assert r.get("requests.not_processed.duplicate.research") is None
    assert r.cells["requests.not_processed.duplicate.research"] is None     # printed, blank: not absent


def test_row_with_too_few_values_is_blank_with_f3():
    rows = all_rows("2021", values_for("2021"))
    n = next(n for n, r in enumerate(rows) if r and r[0].startswith("一、本年新收"))
    rows[n] = rows[n][:-1]           # six values for seven columns
    r = read(rows)
    (f3,) = [f for f in r.findings if f.rule == "F3"]
    assert len(f3.cells) == 7 and "6 个数值" in f3.message and "7 列" in f3.message
    assert all(r.cells[c.cell] is None for c in f3.cells)


def test_missing_table_and_missing_rows_are_f4():
    vals = values_for("2021")
    rows = all_rows("2021", vals)
    start = next(n for n, r in enumerate(rows) if r[0].startswith("三、收到和处理"))
    end = next(n for n, r in enumerate(rows) if r[0].startswith("四、政府信息公开行政复议"))
    r = read(rows[:start] + rows[end:])
    f4 = [f for f in r.findings if f.rule == "F4"]
    assert len(f4) == 1 and f4[0].severity == "error" and "收到和处理政府信息公开申请情况" in f4[0].message
    no_fees = [row for row in rows if row[0] != "行政事业性收费"]
    r = read(no_fees)
    (f4,) = [f for f in r.findings if f.rule == "F4"]
    assert "行政事业性收费" in f4.message and "active.fees.amount_wan" not in r.cells


def test_no_table_at_all_is_an_error_unless_legacy():
    # an error, as `xxgk rules` lists F4 (was a warning: a report with nothing checked exited 0)
    prose = [["一、总体情况"], ["本年度共收到申请 3 件。"]]
    r = read(prose, year=2021)
    (f4,) = r.findings
    assert f4.rule == "F4" and f4.severity == "error"
    r = read(prose, year=2017)
    assert r.findings == []


def test_label_broken_over_lines_does_not_become_a_row():
    vals = values_for("2021")
    rows = all_rows("2021", vals)
    n = next(n for n, r in enumerate(rows) if len(r) > 2 and r[2].startswith("4.无正当理由"))
    rows[n][2] = "4.无正当理由大量反复"
    rows.insert(n + 1, ["", "申请", "", "", "", "", "", ""])
    r = read(rows)
    assert r.cells == vals and r.findings == []


def test_label_continued_below_its_values():
    vals = values_for("2021")
    rows = all_rows("2021", vals)
    n = next(n for n, r in enumerate(rows) if r[0].startswith("二、上年结转"))
    rows[n][0] = "二、上年"
    rows.insert(n + 1, ["结转政府信息公开申请数量"])
    r = read(rows)
    assert r.cells == vals and r.findings == []


def test_run_together_row_goes_to_resolve():
    vals = values_for("2021")
    rows = all_rows("2021", vals)
    n = next(n for n, r in enumerate(rows) if r[0].startswith("一、本年新收"))
    rows[n] = [rows[n][0], "".join(rows[n][2:])]
    r = read(rows)
    # decoded by the table's own sums, or reported as ambiguous: never silently wrong
    got = [r.get(f"requests.received.{c}") for c in ("natural_person", "commercial", "research", "nonprofit",
                                                      "legal_services", "other_org", "total")]
    f3 = [f for f in r.findings if f.rule == "F3"]
    assert got == [vals[f"requests.received.{c}"] for c in ("natural_person", "commercial", "research", "nonprofit",
                                                            "legal_services", "other_org", "total")] or f3


def test_requests_table_alone_tells_2019_by_its_single_other_row():
    rows19 = all_rows("2019", values_for("2019"))
    start = next(n for n, r in enumerate(rows19) if r[0].startswith("三、收到和处理"))
    end = next(n for n, r in enumerate(rows19) if r[0].startswith("四、政府信息公开行政复议"))
    assert detect_format(grid(rows19[start:end])) == "2019"
    rows21 = all_rows("2021", values_for("2021"))
    start = next(n for n, r in enumerate(rows21) if r[0].startswith("三、收到和处理"))
    end = next(n for n, r in enumerate(rows21) if r[0].startswith("四、政府信息公开行政复议"))
    assert detect_format(grid(rows21[start:end])) == "2021"
