"""A ruled table printed with a side left open (session 12): a real Word-pasted page (平潭 君山片区管理局 2021,
tests/fixtures/corpus/renditions-real-2/pingtan_jsp_2021.html) whose first column is drawn without its left
rule — Word writes `border-left:none` on a cell, and offices leave a table's outer rules off. The PDF's
table then has no label column: the labels are text in no cell, a little below their row's top. Each label
came after its row's values in reading order and was taken for the next row's: 规章 read as 0 0 11 (a
wrong read, the values of 行政规范性文件). Now a text line wholly left of a row's first drawn cell, within
that row's height, is the row's label. Made as a user makes it: the page opened in Writer, saved as Word,
then as PDF (LibreOffice); read through the real CLI."""
from __future__ import annotations

import pytest

from bench.real_renditions import FOLDER, load_expected, score
from cli_read import extract_one
from docfill import convert, soffice

pytestmark = pytest.mark.skipif(soffice() is None, reason="需要 LibreOffice（make system 安装）把网页转成 PDF")

PAGE = FOLDER / "pingtan_jsp_2021.html"
INNER = "border-top:none;border-left:none;\n   border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;"
FIRST_COLUMN = "border:solid windowtext 1.0pt;border-top:\n   none;"     # the page's first-column cells
TOP_ROW = "border:solid windowtext 1.0pt;\n   border-left:none;"   # the page's first-row cells
TOP_LEFT = "border:solid windowtext 1.0pt;\n   mso-border-alt"


def _pdf(tmp_path, html: str):
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    return convert(convert(page, tmp_path, "docx:MS Word 2007 XML", "docx"), tmp_path, "pdf")


def _score(report: dict) -> dict:
    expected = load_expected()["pingtan_jsp_2021"]
    page = extract_one(PAGE)
    return score(expected, report, page["cells"])


@pytest.mark.parametrize("kind", ["left column open", "every cell open at top and left"])
def test_labels_beside_a_table_open_at_its_side_name_their_rows(tmp_path, kind):
    html = PAGE.read_text(encoding="utf-8")
    assert html.count(FIRST_COLUMN) == 19
    html = html.replace(FIRST_COLUMN, INNER)
    if kind.startswith("every"):
        html = html.replace(TOP_ROW, INNER).replace(TOP_LEFT, INNER.rstrip(";") + ";\n   mso-border-alt")
    r = extract_one(_pdf(tmp_path, html))
    assert [r["cells"].get(f"active.{row}.{c}") for row in ("regulations", "normative_docs")
            for c in ("issued", "repealed", "in_force")] == [0, 0, 0, 0, 0, 11]
    s = _score(r)
    assert s["wrong"] == []
    assert s["right"] == s["cells"] == 200
