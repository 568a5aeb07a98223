"""Nothing lost, round 12: a sheet of the office's own that bears our hidden state sheet's name,
and web pages cut inside their last character; each case through the real CLI (or xlwings'
remote engine, as Lite and xlwings Server run it)."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from hostile import assert_clean, digest, make_collection, xxgk

THEIRS = [["本科室的备忘", None], ["xxgk 核对日期", "2024-03-01"], ["合计", "=1+1"]]


def _with_own_state_name(collection: Path, out: Path) -> Path:
    """The collection workbook plus an office's own sheet named `_xxgk` (the name of our hidden
    state sheet: a reviewer keeping notes about the tool under the tool's name)."""
    wb = openpyxl.load_workbook(collection)
    ws = wb.create_sheet("_xxgk")
    for row in THEIRS:
        ws.append(row)
    wb.save(out)
    return out


def _values(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_an_offices_own_sheet_named_like_our_state_is_kept(tmp_path):
    """Before: the annotated copy removed the office's `_xxgk` sheet and wrote our hidden state in
    its place (its content gone, without a word). Now it is kept value for value, ours is named
    apart (`_xxgk（xxgk）`, hidden, our marker in A1) and stderr says so."""
    book = _with_own_state_name(make_collection(tmp_path / "c", 2), tmp_path / "mine.xlsx")
    before = digest([book])
    run = xxgk("check", book, "--annotate", tmp_path / "out.xlsx")
    assert_clean(run)
    assert run.code == 1, run.text
    assert digest([book]) == before
    assert "原有的“_xxgk”工作表不是 xxgk 写的" in run.err and "“_xxgk（xxgk）”" in run.err
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert _values(wb["_xxgk"]) == THEIRS and wb["_xxgk"].sheet_state == "visible"
    ours = wb["_xxgk（xxgk）"]
    assert ours.sheet_state == "hidden"
    assert str(ours["A1"].value).startswith("xxgk-checker 标注状态")
    assert any(r[0] == "cell" for r in _values(ours)[1:])        # the flagged cells' originals recorded


def test_the_next_run_finds_our_state_named_apart_and_restores_the_cells(tmp_path):
    """The second run must read its state from `_xxgk（xxgk）` (else the cells it flagged keep our red
    after a fix, and a reviewer's 已核实 loses its signature) and leave the office's `_xxgk` alone."""
    book = _with_own_state_name(make_collection(tmp_path / "c", 2), tmp_path / "mine.xlsx")
    assert xxgk("check", book, "--annotate", tmp_path / "one.xlsx").code == 1
    wb = openpyxl.load_workbook(tmp_path / "one.xlsx")
    ws = wb["校验结果"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("复核意见") + 1, "已核实")
    wb.save(tmp_path / "reviewed.xlsx")
    run = xxgk("check", tmp_path / "reviewed.xlsx", "--annotate", tmp_path / "two.xlsx")
    assert_clean(run)
    wb2 = openpyxl.load_workbook(tmp_path / "two.xlsx")
    assert sorted(wb2.sheetnames) == sorted(wb.sheetnames)      # no `_xxgk（xxgk 2）`
    assert _values(wb2["_xxgk"]) == THEIRS
    assert wb2["校验结果"].cell(2, header.index("状态") + 1).value == "已核实"


def test_the_live_workbook_keeps_an_offices_own_sheet_named_like_our_state(tmp_path):
    """The `运行校验` button / xlwings Lite / xlwings Server: before, the remote engine was told to
    delete the office's `_xxgk` sheet; now ours is added apart and nothing of theirs deleted."""
    xw = pytest.importorskip("xlwings")
    from checker.annotate.remote import workbook_json
    from checker.excel import run_check
    book_path = _with_own_state_name(make_collection(tmp_path / "c", 2), tmp_path / "mine.xlsx")
    book = xw.Book(json=workbook_json(book_path))
    assert run_check(book)["findings"] > 0
    actions = book.json()["actions"]
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == ["校验结果", "概览", "_xxgk（xxgk）"]
    assert not [a for a in actions if a["func"] == "sheetDelete"]

