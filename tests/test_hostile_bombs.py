"""Decompression bombs and huge sheets: one clear F5 naming the file (and sheet), the other inputs
still checked, the run neither killed nor hung, its peak memory under 1.5 GB."""
from __future__ import annotations

import json

import docx
import openpyxl
import pytest

from bombs import Repeat, parts_of, write_zip
from hostile import PEAK_MB, assert_clean, digest, seed_copies, xxgk

MB = 1 << 20


@pytest.fixture(scope="module")
def xlsx_parts(tmp_path_factory):
    p = tmp_path_factory.mktemp("parts") / "small.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["规章", 1, 2, 3])
    wb.save(p)
    return parts_of(p)


def _sheet(rows: bytes) -> bytes:
    return (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<sheetData>" + rows + b"</sheetData></worksheet>")


def _bombs(tmp_path, xlsx_parts):
    """name -> (path, words the F5 message must hold)."""
    out = {}
    sst_head = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    out["strings"] = (write_zip(tmp_path / "strings.xlsx", {**xlsx_parts, "xl/sharedStrings.xml":
                                Repeat(sst_head, b"A" * MB, 2048, b"</t></si></sst>")}), ["sharedStrings", "压缩炸弹"])
    out["lying"] = (write_zip(tmp_path / "lying.xlsx", {**xlsx_parts, "xl/sharedStrings.xml":
                              Repeat(sst_head, b"B" * MB, 600, b"</t></si></sst>")}, lie=True), ["压缩炸弹"])
    head, _, tail = _sheet(b"\x00").partition(b"\x00")
    row = b"<row>" + b'<c t="n"><v>1</v></c>' * 64 + b"</row>"
    out["cells"] = (write_zip(tmp_path / "cells.xlsx", {**xlsx_parts, "xl/worksheets/sheet1.xml":
                              Repeat(head, row * 64, 2000, tail)}, lie=True), ["“Sheet”", "单元格"])
    out["far"] = (write_zip(tmp_path / "far.xlsx", {**xlsx_parts, "xl/worksheets/sheet1.xml": _sheet(
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>A</t></is></c><c r="B1"><v>1</v></c></row>'
        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')}), ["“Sheet”", "1,048,576 行"])
    merged = _sheet(b'<row r="1"><c r="A1" t="inlineStr"><is><t>A</t></is></c><c r="B1"><v>1</v></c></row>')
    merged = merged.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A70:XFD1048576"/>'
                                              b"</mergeCells>")
    out["merged"] = (write_zip(tmp_path / "merged.xlsx", {**xlsx_parts, "xl/worksheets/sheet1.xml": merged}),
                     ["A70:XFD1048576", "合并"])
    d = tmp_path / "small.docx"
    docx.Document().save(d)
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    out["docx"] = (write_zip(tmp_path / "big.docx", {**parts_of(d), "word/document.xml":
                             Repeat(body, b"C" * MB, 1024, b"</w:t></w:r></w:p></w:body></w:document>")}),
                   ["document.xml", "压缩炸弹"])
    out["ods"] = (write_zip(tmp_path / "big.ods", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                                   "content.xml": Repeat(b"<office:document-content>", b" " * MB,
                                                                         1024, b"</office:document-content>")}),
                  ["content.xml", "压缩炸弹"])
    row = (b'<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated='
           b'"16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>')
    out["ods-repeat"] = (write_zip(tmp_path / "repeat.ods", {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                       b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:'
                       b'opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">'
                       + row + b"</table:table></office:spreadsheet></office:body></office:document-content>"}),
        ["“S”", "1,048,576 行", "16,384 列"])
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(30 * MB)
    out["bigtext"] = (big, ["30 MB", "上限"])
    return out


def test_bombs_are_reported_and_the_run_goes_on(tmp_path, xlsx_parts):
    (tmp_path / "bombs").mkdir()
    bombs = _bombs(tmp_path / "bombs", xlsx_parts)
    good = seed_copies(tmp_path / "good", 1)
    before = digest([tmp_path])
    for name, (path, words) in bombs.items():
        run = xxgk("check", path, good[0], "--format", "json", timeout=180)
        assert_clean(run)
        assert run.code == 2, (name, run.text[-2000:])
        doc = json.loads(run.out)
        assert len(doc["reports"]) == 1, name                     # the good report is still checked
        (f5,) = [f for f in doc["findings"] if f["rule"] == "F5"]
        assert path.name in f5["message"] and all(w in f5["message"] for w in words), (name, f5["message"])
        assert run.peak_mb < PEAK_MB, (name, run.peak_mb)
    assert digest([tmp_path]) == before


def test_annotating_a_bomb_writes_nothing(tmp_path, xlsx_parts):
    bombs = _bombs(tmp_path, xlsx_parts)
    for name in ("merged", "far", "strings"):
        out = tmp_path / f"{name}-标注.xlsx"
        run = xxgk("check", bombs[name][0], "--annotate", out, timeout=180)
        assert_clean(run)
        assert run.code == 2 and not out.exists(), (name, run.text[-2000:])
        assert run.peak_mb < PEAK_MB


def test_xml_entity_expansion_is_not_followed(tmp_path, xlsx_parts):
    """'Billion laughs': entities nested ten deep in a Word body and in shared strings are not
    expanded (lxml with entities off, calamine's XML reader): an F5, little memory."""
    entities = '<!DOCTYPE lolz [<!ENTITY lol0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)) + "]>"
    d = tmp_path / "small.docx"
    docx.Document().save(d)
    body = ('<?xml version="1.0"?>' + entities + '<w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    sst = ('<?xml version="1.0"?>' + entities + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
           '2006/main"><si><t>&lol9;</t></si></sst>')
    files = [write_zip(tmp_path / "laughs.docx", {**parts_of(d), "word/document.xml": body.encode()}),
             write_zip(tmp_path / "laughs.xlsx", {**xlsx_parts, "xl/sharedStrings.xml": sst.encode()})]
    good = seed_copies(tmp_path / "good", 1)
    run = xxgk("check", *files, good[0], "--format", "json")
    assert_clean(run)
    assert run.code == 2 and run.peak_mb < 300, (run.code, run.peak_mb)
    doc = json.loads(run.out)
    assert len(doc["reports"]) == 1
    named = [f["message"] for f in doc["findings"] if f["rule"] == "F5"]
    assert len(named) == 2 and "laughs.docx" in named[0] + named[1] and "laughs.xlsx" in named[0] + named[1]


def test_xls_with_a_far_cell(tmp_path):
    """An .xls (not a zip: no check before parsing) whose cells span the whole 65,536 × 256 sheet:
    refused after python-calamine reads it, before the grid is copied; memory stays bounded."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent / "readers"))
    from docfill import convert, soffice
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    wb = openpyxl.Workbook()
    wb.active.append(["规章", 1, 2, 3])
    wb.active["IV65536"] = 1
    wb.save(tmp_path / "far.xlsx")
    xls = convert(tmp_path / "far.xlsx", tmp_path, "xls")
    good = seed_copies(tmp_path / "good", 1)
    run = xxgk("check", xls, good[0], "--format", "json")
    assert_clean(run)
    assert run.code == 2
    doc = json.loads(run.out)
    (f5,) = [f["message"] for f in doc["findings"] if f["rule"] == "F5"]
    assert "far.xls" in f5 and "65,536 行" in f5 and "“Sheet”" in f5
    assert len(doc["reports"]) == 1


def test_a_word_body_packed_under_the_bomb_ratio_but_too_big(tmp_path):
    """A 4 MB .docx whose body unpacks to 240 MB at 60:1 passed every zip limit, and python-docx
    built its tree in 93 s and 1.75 GB. A body over 64 MB (a report's is under 2 MB) is one F5."""
    import random
    d = tmp_path / "small.docx"
    docx.Document().save(d)
    rnd = random.Random(7)
    base = "".join(rnd.choice("甲乙丙丁戊己庚辛壬癸") for _ in range(700)).encode()
    piece = b"<w:p><w:r><w:t>" + base * 40 + b"</w:t></w:r></w:p>"     # packs ~40:1, below the bomb ratio
    head = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    big = write_zip(tmp_path / "big.docx", {**parts_of(d), "word/document.xml":
                                           Repeat(head, piece, 80 * MB // len(piece), b"</w:body></w:document>")})
    assert big.stat().st_size < 80 * MB / 20          # not a bomb by ratio
    good = seed_copies(tmp_path / "good", 1)
    run = xxgk("check", big, good[0], "--format", "json", timeout=180)
    assert_clean(run)
    assert run.code == 2 and run.peak_mb < 500, (run.code, run.peak_mb, run.text[-2000:])
    doc = json.loads(run.out)
    assert len(doc["reports"]) == 1
    (f5,) = [f for f in doc["findings"] if f["rule"] == "F5"]
    assert "big.docx" in f5["message"] and "正文" in f5["message"] and "64 MB" in f5["message"], f5["message"]
