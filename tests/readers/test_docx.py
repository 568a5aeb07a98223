"""The Word reader on the official 2021 template (workbooks/2021-tables-template.docx), filled with
known values by python-docx and read back cell by cell."""
from __future__ import annotations

import docx

from checker.readers import read_path
from checker.readers.docx import read
from checker.templates import template

from docfill import TEMPLATE_2021, fill_2021
from official import values_for


def test_template_filled_reads_back_every_cell(tmp_path):
    vals = values_for("2021")
    p = fill_2021(vals, tmp_path / "filled.docx", title="某区某局2021年政府信息公开工作年度报告")
    (r,) = read(p)
    assert r.format == "2021"
    assert r.cells == vals
    assert r.findings == []
    assert r.location_style == "docx"
    # locations name the table, row and column of the template
    assert r.locate("requests.received.natural_person") == "第2个表格第4行第4列"
    assert r.locate("appeals.count.suit_after_review.total") == "第3个表格第4行第15列"
    assert r.locate("active.fees.amount_wan") == "第1个表格第14行第2列"


def test_blank_and_text_cells_in_word(tmp_path):
    vals = values_for("2021")
    vals["requests.granted.total"] = None
    vals["active.licensing.decisions"] = "无"
    p = fill_2021(vals, tmp_path / "blanks.docx")
    (r,) = read(p)
    assert r.cells["requests.granted.total"] is None
    assert r.cells["active.licensing.decisions"] is None
    f1 = [f for f in r.findings if f.rule == "F1"]
    assert [c.cell for f in f1 for c in f.cells] == ["requests.granted.total"]
    assert "blanks.docx 第2个表格第6行第10列" in f1[0].message
    (f2,) = [f for f in r.findings if f.rule == "F2"]
    assert f2.cells[0].cell == "active.licensing.decisions" and "“无”" in f2.message


def test_empty_template_is_all_blank_not_zero(tmp_path):
    p = tmp_path / "empty.docx"
    docx.Document(str(TEMPLATE_2021)).save(str(p))
    (r,) = read(p)
    ids = [c.id for c in template("2021").cells]
    assert r.cells == {i: None for i in ids}
    assert {c.cell for f in r.findings if f.rule == "F1" for c in f.cells} == set(ids)


def test_broken_docx_is_a_clear_failure(tmp_path):
    p = tmp_path / "broken.docx"
    p.write_bytes(b"PK\x03\x04 this is not a whole zip file")
    res = read_path(p)
    assert not res.reports and "broken.docx" in res.failures[0].message and "无法打开" in res.failures[0].message
