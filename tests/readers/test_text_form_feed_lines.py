"""Line numbers in text that pdftotext wrote: it ends each page with a form feed that opens the next
page's first line. An editor and `grep -n` show that line once; `str.splitlines` also breaks at the form
feed, which made every 第N行 after page k name a line k too far down (found on the real 君山 2021
pdftotext text: its row at line 141 was said to be at 第144行). Read through the real CLI."""
from __future__ import annotations

import re
from pathlib import Path

from cli_read import extract_one

SEED = Path(__file__).parents[1] / "fixtures" / "seeds" / "000_1cda018db4f6af73.txt"


def _as_pdftotext(text: str, pages: int) -> str:
    """The seed with `pages` page breaks (pdftotext's `\\n\\f`) in its prose ahead of the tables, and its
    规范性文件 row one value short, so that an F3 names that row's line."""
    lines = text.split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("规范性文件\t"))
    lines[row] = "规范性文件\t0\t0"
    tables = next(i for i, line in enumerate(lines) if line.startswith("二、主动公开"))
    for k in range(1, pages + 1):
        lines[tables - 2 * k] = "\f" + lines[tables - 2 * k]
    return "\n".join(lines)


def _f3_line(report: dict) -> int:
    (f3,) = [f for f in report["findings"] if f["rule"] == "F3" and "「规范性文件」" in f["message"]]
    return int(re.search(r"第(\d+)行", f3["message"]).group(1))


def test_a_row_after_page_breaks_is_named_at_the_line_grep_shows(tmp_path):
    text = _as_pdftotext(SEED.read_text(encoding="utf-8"), pages=3)
    path = tmp_path / "report.pdftotext.txt"
    path.write_text(text, encoding="utf-8")
    grep_line = next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith("规范性文件\t"))
    assert _f3_line(extract_one(path)) == grep_line


def test_the_same_text_without_page_breaks_names_the_same_line(tmp_path):
    text = _as_pdftotext(SEED.read_text(encoding="utf-8"), pages=3)
    with_breaks, without = tmp_path / "a.txt", tmp_path / "b.txt"
    with_breaks.write_text(text, encoding="utf-8")
    without.write_text(text.replace("\f", ""), encoding="utf-8")
    assert _f3_line(extract_one(with_breaks)) == _f3_line(extract_one(without))
