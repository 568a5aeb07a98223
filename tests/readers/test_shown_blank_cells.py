"""One cell a line, each ended by ` |`, a lone `|` for an empty cell (crawled pages of other provinces,
tests/readers/test_cell_per_line_pages.py): an empty LAST cell (`规章 |` `0 |` `0 |` `|`) was read as a row
of two values for three columns (F3, the row unread), though its `|` shows where the empty cell is, as it
does for an empty first or middle cell. Constructed text in the real layout, through the real CLI."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from cli_read import extract_one

_PAGES = (Path(__file__).parent / "test_cell_per_line_pages.py").read_text(encoding="utf-8")
BARRED = re.search(r'_BARRED = """(.*?)"""', _PAGES, re.S).group(1)
REGULATIONS = "规章 |\n/ |\n/ |\n/ |\n"
KEYS = ("issued", "repealed", "in_force")


@pytest.mark.parametrize(("cells", "read"), [
    ("0 |\n0 |\n|\n", [0, 0, None]),      # the last cell empty: was F3, all three unread
    ("|\n0 |\n0 |\n", [None, 0, 0]),      # guards: first and middle, read so before
    ("0 |\n|\n0 |\n", [0, None, 0]),
    ("3 |\n|\n|\n", [3, None, None])])
def test_an_empty_cell_shown_by_its_bar_keeps_its_column(tmp_path, cells, read):
    path = tmp_path / "barred.txt"
    path.write_text(BARRED.replace(REGULATIONS, "规章 |\n" + cells), encoding="utf-8")
    r = extract_one(path)
    assert [r["cells"][f"active.regulations.{k}"] for k in KEYS] == read
    assert [r["cells"][f"active.normative_docs.{k}"] for k in KEYS] == [2, 1, 9]
    mine = [f for f in r["findings"] if "「规章" in f["message"]]
    assert {f["rule"] for f in mine} == {"F1"}, mine


def test_a_row_whose_last_cell_is_shown_empty_before_the_next_sub_table(tmp_path):
    # 行政规范性文件's 现行有效件数 empty, the next line the sub-table heading 第二十条第（五）项
    path = tmp_path / "barred.txt"
    path.write_text(BARRED.replace("行政规范性文件\n|\n2 |\n1 |\n9 |\n", "行政规范性文件\n|\n2 |\n1 |\n|\n"), encoding="utf-8")
    r = extract_one(path)
    assert [r["cells"][f"active.normative_docs.{k}"] for k in KEYS] == [2, 1, None]
    assert r["cells"]["active.licensing.decisions"] == 35
    assert not [f for f in r["findings"] if f["rule"] == "F3"]
