"""A workbook's merged cells (session 12): a real page opened in a spreadsheet (Calc's HTML import,
tests/fixtures/corpus/renditions-real-2/derived/sh_szfbgt_2019.xlsx) merges each page cell over the grid
columns it spanned. 表一's 2019 rows print their headers merged over F:J, K:T, U:Y and their values over
F:O, P:T, U:Y, so the second value stands at P, under no header's first column: the three rows were
unread (F3). A merged cell is one printed cell, read once at its top-left (as the HTML and Word readers
read a spanned cell), so the empty places it covers are no blank cells: the row prints three values.
Read through the real CLI, on the real file with its values changed so that their order shows."""
from __future__ import annotations

import shutil

import openpyxl

from bench.real_renditions import FOLDER
from cli_read import extract_one

REAL = FOLDER / "derived" / "sh_szfbgt_2019.xlsx"
ROWS = {34: "active.licensing", 38: "active.penalty"}   # sheet rows of 行政许可 and 行政处罚


def _changed(tmp_path, unmerge: bool = False):
    wb = openpyxl.load_workbook(REAL)
    ws = wb.active
    assert ws["A34"].value == "行政许可" and ws["A38"].value == "行政处罚"
    assert "F34:O34" in {str(m) for m in ws.merged_cells.ranges}
    for r, (a, b, c) in zip(ROWS, ((5, 2, 7), (11, 3, 9))):
        ws[f"F{r}"], ws[f"P{r}"], ws[f"U{r}"] = a, b, c
    if unmerge:   # the same cells, no longer merged: the places between them are blank cells of their own
        for m in [m for m in ws.merged_cells.ranges if m.min_row in ROWS]:
            ws.unmerge_cells(str(m))
    path = tmp_path / ("unmerged.xlsx" if unmerge else "merged.xlsx")
    wb.save(path)
    return extract_one(path)


def _row(r: dict, row: str) -> list:
    return [r["cells"].get(f"{row}.{c}") for c in ("prev_items", "change", "decisions")]


def test_values_merged_across_header_columns_are_read_in_order(tmp_path):
    r = _changed(tmp_path)
    assert _row(r, "active.licensing") == [5, 2, 7]
    assert _row(r, "active.penalty") == [11, 3, 9]
    assert not [f for f in r["findings"] if f["rule"] == "F3"]


def test_the_same_values_in_unmerged_cells_stay_unread(tmp_path):
    # guard: without the merges, the blank cells between the values are cells of the row (16 of them):
    # which value is which column is not known, and the row stays unread, named by an F3
    r = _changed(tmp_path, unmerge=True)
    assert _row(r, "active.licensing") == [None] * 3
    assert _row(r, "active.penalty") == [None] * 3
    assert {c["cell"] for f in r["findings"] if f["rule"] == "F3" for c in f["cells"]} >= {
        "active.licensing.prev_items", "active.penalty.decisions"}


def test_the_real_workbook_reads_every_typed_cell(tmp_path):
    shutil.copy(REAL, tmp_path / REAL.name)
    r = extract_one(tmp_path / REAL.name)
    assert _row(r, "active.licensing") == [0, 0, 0]
    assert not [f for f in r["findings"] if f["rule"] == "F3"]


def test_a_value_merged_over_two_header_columns_is_neither_columns_for_sure(tmp_path):
    # 行政许可's first value merged over F:T, under the headers at F (F:J) and K (K:T), the last at U: whose is the
    # 5, 上一年项目数量's or 本年增/减's? The sheet does not say. It was read as 5|blank|7, with an F1 "本年增/减为空"
    # for K34, a place the printed 5 covers; now the row is unread, named by an F3 (as the HTML reader reads it)
    wb = openpyxl.load_workbook(REAL)
    ws = wb.active
    for m in [m for m in ws.merged_cells.ranges if m.min_row == 34]:
        ws.unmerge_cells(str(m))
    ws["F34"], ws["U34"] = 5, 7
    ws.merge_cells("F34:T34")
    ws.merge_cells("U34:Y34")
    wb.save(tmp_path / "merged.xlsx")
    r = extract_one(tmp_path / "merged.xlsx")
    assert _row(r, "active.licensing") == [None] * 3
    assert any(f["rule"] == "F3" and "「行政许可」" in f["message"] for f in r["findings"])
    assert not any(f["rule"] == "F1" and "Sheet1!K34" in f["message"] for f in r["findings"])


def test_a_value_merged_over_its_own_header_only_keeps_its_column(tmp_path):
    # guard: each value merged over exactly its header's columns (F:J, K:T, U:Y): each is its header's
    wb = openpyxl.load_workbook(REAL)
    ws = wb.active
    for m in [m for m in ws.merged_cells.ranges if m.min_row == 34]:
        ws.unmerge_cells(str(m))
    ws["F34"], ws["K34"], ws["U34"] = 5, 2, 7
    for rng in ("F34:J34", "K34:T34", "U34:Y34"):
        ws.merge_cells(rng)
    wb.save(tmp_path / "merged.xlsx")
    r = extract_one(tmp_path / "merged.xlsx")
    assert _row(r, "active.licensing") == [5, 2, 7]
    assert not [f for f in r["findings"] if f["rule"] == "F3"]
