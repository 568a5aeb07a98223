"""Nothing lost, round 11: what an office's workbook holds of its own survives the annotated copy
and the live workbook; each case through the real CLI (or xlwings' remote engine, as Lite and
xlwings Server run it)."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from hostile import assert_clean, digest, make_collection, xxgk

THEIRS = {"校验结果": [["我们自己的校验记录", None], ["第 1 轮", 42], ["第 2 轮", "=SUM(B2:B2)"]],
          "概览": [["本单位概览", "2023"], [None, "手工填写"]]}


def _with_own_sheets(collection: Path, out: Path) -> Path:
    """The collection workbook plus an office's own sheets named 校验结果 and 概览 (their names are
    the plainest Chinese for a reviewer's notes and a summary)."""
    wb = openpyxl.load_workbook(collection)
    for name, rows in THEIRS.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(out)
    return out


def _values(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _findings(path: Path) -> list:
    run = xxgk("check", path, "--format", "json")
    assert_clean(run)
    return sorted((f["rule"], f["unit"], f["year"], f["message"].replace(path.name, "…"))
                  for f in json.loads(run.out)["findings"])


def test_an_offices_own_results_and_overview_sheets_are_kept_and_ours_named_apart(tmp_path):
    """Before: the office's own 校验结果 and 概览 sheets were replaced by ours in the annotated copy
    (their content gone, without a word). Now they are kept as they were, ours are named
    校验结果（xxgk）/概览（xxgk）, stderr and our results sheet say so, and the check is the same."""
    plain = make_collection(tmp_path / "c", 3)
    book = _with_own_sheets(plain, tmp_path / "mine.xlsx")
    before = digest([book])
    run = xxgk("check", book, "--annotate", tmp_path / "out.xlsx")
    assert_clean(run)
    assert run.code == 1, run.text
    assert digest([book]) == before
    assert "原有的“校验结果”工作表不是 xxgk 写的" in run.err and "“校验结果（xxgk）”" in run.err
    assert "原有的“概览”工作表不是 xxgk 写的" in run.err and "“概览（xxgk）”" in run.err
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert wb.sheetnames[:2] == ["校验结果（xxgk）", "概览（xxgk）"]
    for name, rows in THEIRS.items():
        assert _values(wb[name]) == rows                 # theirs, value for value (their formula too)
    ours = wb["校验结果（xxgk）"]
    assert [c.value for c in ours[1]][:3] == ["序号", "状态", "严重程度"]
    side = [c.value for c in ours["P"] if c.value]
    assert "工作簿原有的“校验结果”工作表不是 xxgk 写的，已原样保留；xxgk 的写在“校验结果（xxgk）”" in side
    assert "各单位、各规则的问题数和图表见“概览（xxgk）”工作表" in side
    assert str(wb["概览（xxgk）"]["A1"].value).startswith("概览：3 份报告")
    # our sheets named apart are ours, not reports: the check reads the same from either workbook
    assert _findings(tmp_path / "out.xlsx") == _findings(plain) != []


def test_a_second_run_finds_our_sheet_named_apart_and_keeps_the_reviewers_verdict(tmp_path):
    """The next run on the annotated copy must take 校验结果（xxgk） as its own (replace it, read the
    复核意见 written there) and still leave the office's 校验结果 alone: no 校验结果（xxgk 2）."""
    book = _with_own_sheets(make_collection(tmp_path / "c", 2), tmp_path / "mine.xlsx")
    assert xxgk("check", book, "--annotate", tmp_path / "one.xlsx").code == 1
    wb = openpyxl.load_workbook(tmp_path / "one.xlsx")
    ws = wb["校验结果（xxgk）"]
    header = [c.value for c in ws[1]]
    review, status = header.index("复核意见") + 1, header.index("状态") + 1
    ws.cell(2, review, "已核实")
    wb.save(tmp_path / "reviewed.xlsx")
    run = xxgk("check", tmp_path / "reviewed.xlsx", "--annotate", tmp_path / "two.xlsx")
    assert_clean(run)
    wb = openpyxl.load_workbook(tmp_path / "two.xlsx")
    assert sorted(wb.sheetnames) == sorted(openpyxl.load_workbook(tmp_path / "one.xlsx").sheetnames)
    assert wb["校验结果（xxgk）"].cell(2, status).value == "已核实"
    for name, rows in THEIRS.items():
        assert _values(wb[name]) == rows


def test_an_earlier_runs_own_sheets_are_still_replaced_in_place(tmp_path):
    """A workbook annotated by an earlier version (our 校验结果 and 概览 under their plain names) is
    annotated again as before: ours replaced, nothing named apart, nothing said."""
    plain = make_collection(tmp_path / "c", 2)
    assert xxgk("check", plain, "--annotate", tmp_path / "one.xlsx").code == 1
    run = xxgk("check", tmp_path / "one.xlsx", "--annotate", tmp_path / "two.xlsx")
    assert_clean(run)
    assert "不是 xxgk 写的" not in run.err
    names = openpyxl.load_workbook(tmp_path / "two.xlsx").sheetnames
    assert names == openpyxl.load_workbook(tmp_path / "one.xlsx").sheetnames
    assert names[:2] == ["校验结果", "概览"] and not any("xxgk）" in n for n in names)


def test_the_live_workbook_keeps_an_offices_own_results_sheet(tmp_path):
    """The `运行校验` button / xlwings Lite / xlwings Server (the remote engine's actions): before,
    the office's 校验结果 and 概览 sheets were deleted from the open workbook. Now no sheet of
    theirs is deleted and ours are added under the names apart."""
    xw = pytest.importorskip("xlwings")
    from checker.annotate.remote import workbook_json
    from checker.excel import run_check
    book_path = _with_own_sheets(make_collection(tmp_path / "c", 2), tmp_path / "mine.xlsx")
    book = xw.Book(json=workbook_json(book_path))
    counts = run_check(book)
    assert counts["findings"] > 0
    actions = book.json()["actions"]
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == ["校验结果（xxgk）", "概览（xxgk）", "_xxgk"]
    assert not [a for a in actions if a["func"] == "sheetDelete"]

    # run again on a copy annotated so: only our sheets (named apart) and our state are replaced
    assert xxgk("check", book_path, "--annotate", tmp_path / "one.xlsx").code == 1
    payload = workbook_json(tmp_path / "one.xlsx")
    names = [s["name"] for s in payload["sheets"]]
    book = xw.Book(json=payload)
    run_check(book)
    actions = book.json()["actions"]
    deleted = [a["sheet_position"] for a in actions if a["func"] == "sheetDelete"]
    assert len(deleted) == 3 and "校验结果" in names and "概览" in names
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == ["校验结果（xxgk）", "概览（xxgk）", "_xxgk"]
