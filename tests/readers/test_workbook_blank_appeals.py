"""Our own blank template (`xxgk template`), 表四 left empty: a spreadsheet keeps no empty row (calamine gives
none), so the table ended at its header and was reported missing (F4 "缺少标准表格…行政复议、行政诉讼情况"),
though the unit printed the table and left its 15 cells blank. Read as printed: each cell blank, one F1 at
the row under the header. Through the real CLI, on the template the CLI writes."""
from __future__ import annotations

import subprocess
import sys

import openpyxl
import pytest

from cli_read import extract_one

APPEALS = ("review", "direct_suit", "suit_after_review")


def _template(tmp_path, fmt: str):
    path = tmp_path / f"template-{fmt}.xlsx"
    subprocess.run([sys.executable, "-m", "checker.cli", "template", "-f", fmt, "-o", str(path)], check=True,
                   capture_output=True)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    head = max(c.row for r in ws.iter_rows() for c in r if c.value == "复议后起诉")
    return wb, ws, head


def _appeals(r: dict) -> list:
    return [v for k, v in r["cells"].items() if k.startswith("appeals.")]


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_a_blank_appeals_table_is_fifteen_blanks_not_a_missing_table(tmp_path, fmt):
    wb, ws, head = _template(tmp_path, fmt)
    wb.save(tmp_path / "blank.xlsx")
    r = extract_one(tmp_path / "blank.xlsx")
    assert _appeals(r) == [None] * 15
    assert not [f for f in r["findings"] if f["rule"] == "F4" and "行政复议" in f["message"]]
    f1 = [f for f in r["findings"] if f["rule"] == "F1" and "行政复议、行政诉讼情况" in f["message"]]
    assert len(f1) == 1 and f"!A{head + 2}" in f1[0]["message"], f1   # the row under the header's last line


def test_the_appeals_values_typed_under_the_header_are_read(tmp_path):
    # guard: the same template with 表四's row filled is read, value for value
    wb, ws, head = _template(tmp_path, "2021")
    for i, v in enumerate((1, 0, 0, 0, 1, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0)):
        ws.cell(head + 2, 1 + i, v)
    wb.save(tmp_path / "filled.xlsx")
    r = extract_one(tmp_path / "filled.xlsx")
    assert _appeals(r) == [1, 0, 0, 0, 1, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0]


def test_a_sheet_without_the_appeals_table_still_misses_it(tmp_path):
    # guard: 表四's title and header rows deleted: the table is not there, F4 as before
    wb, ws, head = _template(tmp_path, "2021")
    title = next(c.row for r in ws.iter_rows() for c in r if c.value and "行政复议、行政诉讼情况" in str(c.value))
    ws.delete_rows(title, ws.max_row - title + 1)
    wb.save(tmp_path / "cut.xlsx")
    r = extract_one(tmp_path / "cut.xlsx")
    assert not [v for v in _appeals(r) if v is not None]
    assert [f for f in r["findings"] if f["rule"] == "F4" and "行政复议、行政诉讼情况" in f["message"]]
