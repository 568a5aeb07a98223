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
