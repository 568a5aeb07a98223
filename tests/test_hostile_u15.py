"""Hostile and odd files, round 15 (u15): one sheet over the limits no longer refuses the whole
workbook; each case through the real CLI."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl
import pytest

from hostile import assert_clean, digest, make_collection, xxgk


def _findings(doc: dict, book: str) -> set[tuple]:
    """(rule, unit, message with the workbook's name taken out) of a check's JSON."""
    return {(f["rule"], f.get("unit"), f["message"].replace(book, "…")) for f in doc["findings"]}


def _cells(book: Path) -> dict[str, dict]:
    """`xxgk extract` of a workbook: each report's cells, by unit."""
    run = xxgk("extract", book)
    assert_clean(run)
    return {r["unit"]: r["cells"] for r in json.loads(run.out)["reports"]}


def _with_far_cells(collection: Path, out: Path, far: dict[str, str]) -> Path:
    """The collection with a value typed at a far cell of some sheets (`far`: sheet -> cell)."""
    wb = openpyxl.load_workbook(collection)
    for sheet, cell in far.items():
        wb[sheet][cell] = 7 if cell.startswith("XFD") else "误输入"
    wb.save(out)
    return out


def test_a_sheet_over_the_limits_is_left_out_alone(tmp_path):
    """Before: one stray value typed at A1048576 of a unit's sheet (Ctrl+↓, then a keystroke) made
    the whole collection workbook one F5 — no unit's report checked, not even the 单位清单 read. Now
    that sheet alone is left out (an F5 naming it and the far cell to delete), every other report is
    checked exactly as in the clean workbook, and the units list still serves (its unit is said to
    have no report, U1, so no district sum counts it as complete)."""
    clean = make_collection(tmp_path / "c", 5)
    base = xxgk("check", clean, "--format", "json")
    assert_clean(base)
    units = {r["unit"]: r for r in json.loads(base.out)["reports"]}
    cells = _cells(clean)
    assert len(units) == 5
    wb = openpyxl.load_workbook(clean)
    sheet_of = {wb[n]["B2"].value: n for n in wb.sheetnames if wb[n]["A2"].value == "单位"}
    assert set(sheet_of) == set(units), sheet_of
    first, second = sorted(units)[:2]
    cases = {
        "one-a.xlsx": {sheet_of[first]: "A1048576"},
        "one-xfd.xlsx": {sheet_of[second]: "XFD1048576"},      # python-calamine would abort (512 GB)
        "two.xlsx": {sheet_of[first]: "A1048576", sheet_of[second]: "XFD1048576"},
        "index.xlsx": {"单位清单": "A1048576"},
    }
    clean_findings = _findings(json.loads(base.out), clean.name)
    for name, far in cases.items():
        book = _with_far_cells(clean, tmp_path / name, far)
        before = digest([book])
        run = xxgk("check", book, "--format", "json")
        assert_clean(run)
        assert run.code == 2, (name, run.text[-2000:])           # an input (a sheet) could not be read
        assert digest([book]) == before
        doc = json.loads(run.out)
        f5 = [f for f in doc["findings"] if f["rule"] == "F5"]
        assert len(f5) == len(far), (name, f5)
        for sheet, cell in far.items():
            (said,) = [f["message"] for f in f5 if f"工作表“{sheet}”" in f["where"]]
            assert f"最远的一格是 {cell}）" in said and "1,048,576 行" in said and "请删去后再检查" in said, said
        left_out = {u for u, s in sheet_of.items() if s in far}
        read = {r["unit"] for r in doc["reports"]}
        assert read == set(units) - left_out, (name, read)
        got = _findings(doc, name)
        got_cells = _cells(book)
        assert set(got_cells) == read, (name, set(got_cells))
        for unit in read:      # every other report: its cells and findings as in the clean workbook
            assert got_cells[unit] == cells[unit], (name, unit)
            assert {f for f in got if f[1] == unit} == {f for f in clean_findings if f[1] == unit}, (name, unit)
        if "单位清单" not in far:       # the units list is read: the unit left out has no report there
            assert {f[1] for f in got if f[0] == "U1"} == left_out, (name, [f for f in got if f[0] == "U1"])
        assert "其余输入照常处理" in run.err, run.err


def test_a_workbook_whose_every_sheet_is_over_the_limits_is_one_f5(tmp_path):
    """A workbook with nothing left to read once its oversized sheet is left out (an office's own
    one-sheet report) is refused whole, as before: one F5, no report, no 'no standard tables' F5."""
    wb = openpyxl.Workbook()
    wb.active.title = "统计表"
    wb.active.append(["规章", 1, 2, 3])
    wb.active["A1048576"] = "x"
    wb.save(tmp_path / "one.xlsx")
    run = xxgk("check", tmp_path / "one.xlsx", "--format", "json")
    assert_clean(run)
    assert run.code == 2
    doc = json.loads(run.out)
    assert doc["reports"] == []
    (f5,) = [f["message"] for f in doc["findings"] if f["rule"] == "F5"]
    assert "“统计表”" in f5 and "A1048576" in f5 and "标准表格" not in f5, f5


def test_an_xls_collection_with_a_far_cell_leaves_out_that_sheet(tmp_path):
    """The same in an Excel 97-2003 collection (`.xls`: no package to measure, the sheet is measured
    as python-calamine reads it): before, the whole workbook was refused."""
    sys.path.insert(0, str(Path(__file__).parent / "readers"))
    from docfill import convert, soffice
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    clean = make_collection(tmp_path / "c", 3)
    wb = openpyxl.load_workbook(clean)
    sheets = [n for n in wb.sheetnames if wb[n]["A2"].value == "单位"]
    wb[sheets[0]]["IV65536"] = 1          # 65,536 rows × 256 columns: over the 2,000,000 cells
    wb.save(tmp_path / "far.xlsx")
    xls = convert(tmp_path / "far.xlsx", tmp_path, "xls")
    run = xxgk("check", xls, "--format", "json")
    assert_clean(run)
    assert run.code == 2, run.text[-2000:]
    doc = json.loads(run.out)
    (f5,) = [f for f in doc["findings"] if f["rule"] == "F5"]
    assert f"工作表“{sheets[0]}”" in f5["where"] and "65,536 行" in f5["message"], f5
    assert len(doc["reports"]) == 2, [r["unit"] for r in doc["reports"]]
