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


def _merged_over(tmp_path, ranges: dict[str, int]) -> dict:
    """行政许可 (row 34) with each value of `ranges` in a cell merged over that range."""
    wb = openpyxl.load_workbook(REAL)
    ws = wb.active
    for m in [m for m in ws.merged_cells.ranges if m.min_row == 34]:
        ws.unmerge_cells(str(m))
    for rng, v in ranges.items():
        ws[rng.split(":")[0]] = v
        ws.merge_cells(rng)
    wb.save(tmp_path / "merged.xlsx")
    return extract_one(tmp_path / "merged.xlsx")


def test_a_value_merged_over_two_header_columns_is_neither_columns_for_sure(tmp_path):
    # 行政许可's first value merged over F:T, under the headers at F (F:J) and K (K:T), the last at U: whose is
    # the 5, 上一年项目数量's or 本年增/减's? The sheet does not say. It was read as 5|blank|7, with an F1
    # "本年增/减为空" for K34, a place the printed 5 covers; now the row is unread, named by one F3 on the box
    r = _merged_over(tmp_path, {"F34:T34": 5, "U34:Y34": 7})
    assert _row(r, "active.licensing") == [None] * 3
    f3 = [f for f in r["findings"] if f["rule"] == "F3" and "「行政许可」" in f["message"]]
    assert len(f3) == 1 and "F34" in f3[0]["message"] and "合并单元格跨过了" in f3[0]["message"], f3
    assert not [f for f in r["findings"] if f["rule"] == "F1" and "34" in f["message"]]


def test_a_value_merged_over_its_own_header_only_keeps_its_column(tmp_path):
    # guard: each value merged over exactly its header's columns (F:J, K:T, U:Y): each is its header's
    r = _merged_over(tmp_path, {"F34:J34": 5, "K34:T34": 2, "U34:Y34": 7})
    assert _row(r, "active.licensing") == [5, 2, 7]
    assert not [f for f in r["findings"] if f["rule"] == "F3"]


def test_an_empty_box_over_two_header_columns_is_two_blanks(tmp_path):
    # guard: an EMPTY merged cell over K:Y (本年增/减 and 处理决定数量) holds no value to misplace: both blank (F1)
    r = _merged_over(tmp_path, {"F34:J34": 5, "K34:Y34": None})
    assert _row(r, "active.licensing") == [5, None, None]
    assert not [f for f in r["findings"] if f["rule"] == "F3"]
    assert [f for f in r["findings"] if f["rule"] == "F1" and "行政许可" in f["message"]]


WORD = FOLDER.parent / "renditions-real-2" / "derived" / "pingtan_jsp_2021.docx"


def _word(tmp_path, merge: bool) -> dict:
    """The real 君山 2021 Word table, 规章's values 5 | (empty) | 7, the first two cells merged or not."""
    import docx
    d = docx.Document(str(WORD))
    row = d.tables[0].rows[2]
    assert row.cells[0].text == "规章"
    for cell, v in zip(row.cells[1:], ("5", "", "7")):
        cell.text = v
    if merge:
        row.cells[1].merge(row.cells[2]).text = "5"
    d.save(str(tmp_path / "word.docx"))
    return extract_one(tmp_path / "word.docx")


def test_a_word_value_merged_over_two_header_columns_is_unread(tmp_path):
    # the same in a Word table: 5 merged over 本年制发件数 and 本年废止件数 read issued 5, repealed blank (a false
    # F1 "本年废止件数为空" on a place the 5 covers); now 规章 is unread, one F3
    r = _word(tmp_path, merge=True)
    assert [r["cells"].get(f"active.regulations.{c}") for c in ("issued", "repealed", "in_force")] == [None] * 3
    assert [f for f in r["findings"] if f["rule"] == "F3" and "「规章」" in f["message"]]
    assert not [f for f in r["findings"] if f["rule"] == "F1" and "规章" in f["message"]]


def test_a_word_row_with_an_empty_cell_of_its_own_keeps_its_blank(tmp_path):
    # guard: unmerged, the empty cell is 本年废止件数's own: 5 | blank | 7, the blank an F1
    r = _word(tmp_path, merge=False)
    assert [r["cells"].get(f"active.regulations.{c}") for c in ("issued", "repealed", "in_force")] == [5, None, 7]
    assert [f for f in r["findings"] if f["rule"] == "F1" and "规章" in f["message"]]
