"""A reviewer's own workbook whose report sheet is named with an apostrophe (`城管局'2021`, Excel
allows one inside a name): the links of 校验结果 and 概览 must still lead to that sheet. A sheet
reference quotes the name and doubles the `'` inside it (`'城管局''2021'!D48`); unescaped, the link
pointed nowhere. Both backends: openpyxl (the CLI) and xlwings (the live workbook, remote engine)."""
from __future__ import annotations

import re

import openpyxl
import xlwings as xw

from checker.annotate.remote import workbook_json
from checker.excel import run_check
from hostile import SEEDS, assert_clean, import_seed, xxgk

NAME = "城管局'2021"
_REF = re.compile(r"^'((?:[^']|'')+)'!([A-Z]+[0-9]+)$")


def _target(location: str) -> tuple[str, str]:
    """The sheet and cell a link location names, as Excel parses it."""
    m = _REF.match(location)
    assert m, f"not a sheet reference: {location!r}"
    return m.group(1).replace("''", "'"), m.group(2)


def _renamed(tmp_path):
    coll = import_seed(tmp_path, SEEDS / "003_15d564b43078fcdc.txt")
    wb = openpyxl.load_workbook(coll)
    wb.worksheets[1].title = NAME
    wb.save(coll)
    return coll


def test_links_to_a_sheet_named_with_an_apostrophe(tmp_path):
    coll = _renamed(tmp_path)
    run = xxgk("check", coll, "--annotate", tmp_path / "a.xlsx")
    assert_clean(run)
    assert run.code == 1, run.text[-2000:]
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    links = {ws.title: [c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink]
             for ws in (wb["校验结果"], wb["概览"])}
    assert links["校验结果"] and links["概览"], links
    for location in links["校验结果"] + links["概览"]:
        sheet, cell = _target(location)
        assert sheet == NAME and sheet in wb.sheetnames, location
    assert "'城管局''2021'!A1" in links["概览"]


def test_the_live_workbook_links_too(tmp_path):
    book = xw.Book(json=workbook_json(_renamed(tmp_path)))
    assert run_check(book)["findings"] > 0
    links = [a["args"][0] for a in book.json()["actions"] if a["func"] == "addHyperlink"]
    assert links
    for link in links:
        assert link.startswith("#")
        sheet, _ = _target(link[1:])
        assert sheet == NAME, link
