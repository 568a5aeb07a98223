"""Unclear messages made clear: encrypted workbooks and documents, a PDF with only an owner
password (read), text in UTF-16 without BOM (read), Big5 and NUL bytes (named), formulas without a
saved result, cached error values, `1e3`, and a blank or renamed header in the collection workbook."""
from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from hostile import assert_clean, digest, make_collection, report_text, seed_copies, xxgk


def _json(run):
    assert_clean(run)
    return json.loads(run.out)


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    return make_collection(tmp_path_factory.mktemp("coll"), 1)


def test_encrypted_workbook_and_document_say_encrypted(collection, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile
    plain_doc = tmp_path / "plain.docx"
    docx.Document().save(plain_doc)
    for src, name in ((collection, "加密.xlsx"), (plain_doc, "加密.docx")):
        with open(src, "rb") as f, open(tmp_path / name, "wb") as out:
            OOXMLFile(f).encrypt("secret", out)
    good = seed_copies(tmp_path / "good", 1)
    doc = _json(xxgk("check", tmp_path / "加密.xlsx", tmp_path / "加密.docx", good[0], "--format", "json"))
    assert len(doc["reports"]) == 1
    f5 = {f["where"].rsplit("/", 1)[-1]: f["message"] for f in doc["findings"] if f["rule"] == "F5"}
    assert "加密" in f5["加密.xlsx"] and "损坏" not in f5["加密.xlsx"] and "Excel" in f5["加密.xlsx"]
    assert "加密" in f5["加密.docx"] and "Word" in f5["加密.docx"]


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    """Restricted (printing/copying) but opening without a password: read like any PDF."""
    sys.path.insert(0, str(Path(__file__).parent / "readers"))    # the readers' document builders
    from docfill import convert, fill_2021, soffice
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    src = fill_2021({"active.licensing.decisions": 7}, tmp_path / "受限.docx",
                    title="某局2021年政府信息公开工作年度报告")
    target = ('pdf:writer_pdf_Export:{"RestrictPermissions":{"type":"boolean","value":"true"},'
              '"PermissionPassword":{"type":"string","value":"owner-only"}}')
    pdf = convert(src, tmp_path, target, "pdf")
    assert b"/Encrypt" in pdf.read_bytes()
    doc = _json(xxgk("extract", pdf, "--format", "json"))
    assert doc["errors"] == [], doc["errors"]
    assert doc["reports"][0]["cells"]["active.licensing.decisions"] == 7


def test_text_encodings(tmp_path):
    text = report_text("某区文化局")
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16-le"))          # no BOM
    (tmp_path / "utf16be.txt").write_bytes(text.encode("utf-16-be"))
    trad = "政府資訊公開工作年度報告\n本機關收到申請 3 件\n" * 20
    (tmp_path / "big5.txt").write_bytes(trad.encode("big5"))
    data = text.encode("utf-8")
    cut = data.index("\n".encode(), 300)
    (tmp_path / "nul.txt").write_bytes(data[:cut] + b"\x00\x00" + data[cut:])
    before = digest([tmp_path])
    doc = _json(xxgk("extract", tmp_path, "--format", "json"))
    reports = {r["source"].rsplit("/", 1)[-1]: r for r in doc["reports"]}
    assert reports["utf16.txt"]["cells"] == reports["utf8.txt"]["cells"] == reports["utf16be.txt"]["cells"]
    assert reports["utf16.txt"]["unit"] == "某区文化局"
    errors = {e["source"].rsplit("/", 1)[-1]: e["message"] for e in doc["errors"]}
    assert "Big5" in errors["big5.txt"] and "big5.txt" in errors["big5.txt"]
    line = data[:cut].count(b"\n") + 1
    assert "NUL" in errors["nul.txt"] and f"第{line}行" in errors["nul.txt"]
    assert digest([tmp_path]) == before


def test_formulas_errors_and_scientific_notation(collection, tmp_path):
    wb = openpyxl.load_workbook(collection)
    ws = wb[wb.sheetnames[1]]
    rows = [[c for c in r if isinstance(c.value, (int, float))] for r in ws.iter_rows(min_row=20, max_row=70)]
    a, b, c = [r[0] for r in rows if len(r) >= 3][:3]
    a.value = "=1+1"                 # written by a program: no saved result
    c.value = "1e3"
    wb.save(tmp_path / "f.xlsx")
    with zipfile.ZipFile(tmp_path / "f.xlsx") as z, zipfile.ZipFile(tmp_path / "公式.xlsx", "w") as out:
        for name in z.namelist():
            data = z.read(name)
            if name == "xl/worksheets/sheet2.xml":   # a formula whose saved result is #DIV/0!
                data = re.sub(rb'<c r="%s"[^>]*?(/>|>.*?</c>)' % b.coordinate.encode(),
                              b'<c r="%s" t="e"><f>1/0</f><v>#DIV/0!</v></c>' % b.coordinate.encode(), data)
            out.writestr(name, data)
    doc = _json(xxgk("check", tmp_path / "公式.xlsx", "--format", "json"))
    f2 = {f["where"].rsplit("!", 1)[-1]: f["message"] for f in doc["findings"] if f["rule"] == "F2"}
    assert "没有保存它的计算结果" in f2[a.coordinate] and "=1+1" in f2[a.coordinate]
    assert "#DIV/0!" in f2[b.coordinate] and "=1/0" in f2[b.coordinate]
    assert "1e3" in f2[c.coordinate] and "1000" in f2[c.coordinate]
    assert not [f for f in doc["findings"] if f["rule"] == "F1"
                and f["where"].rsplit("!", 1)[-1] in (a.coordinate, b.coordinate, c.coordinate)]


@pytest.mark.parametrize("change", ["blank", "renamed"])
def test_blank_or_renamed_unit_in_the_header(collection, tmp_path, change):
    wb = openpyxl.load_workbook(collection)
    ws = wb[wb.sheetnames[1]]
    label = next(r[0] for r in ws.iter_rows(max_col=2, max_row=12) if r[0].value == "单位")
    if change == "blank":
        ws.cell(label.row, 2).value = None
    else:
        label.value = "填报单位名称"
    wb.save(tmp_path / "表头.xlsx")
    doc = _json(xxgk("check", tmp_path / "表头.xlsx", "--format", "json"))
    msgs = [f["message"] for f in doc["findings"] if f["rule"] == "F4" and "“单位”" in f["message"]]
    assert msgs and "表头.xlsx" in msgs[0] and ws.title in msgs[0]
    assert ("为空" if change == "blank" else "改名") in msgs[0]
