"""Workbooks that used to crash the annotation: an .xlsm with macros (the button workbook's own
format) and value cells merged with their neighbours. No traceback; the macros survive."""
from __future__ import annotations

import zipfile

import openpyxl
import pytest

from hostile import ROOT, assert_clean, digest, leftovers, make_collection, written_formulas, xxgk

MACRO_BOOK = ROOT / "workbooks" / "xxgk-checker.xlsm"


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    return make_collection(tmp_path_factory.mktemp("coll"), 2)


def _with_macros(xlsx, out):
    """`xlsx` as an .xlsm holding the button workbook's VBA project (as Excel saves one)."""
    vba = zipfile.ZipFile(MACRO_BOOK).read("xl/vbaProject.bin")
    with zipfile.ZipFile(xlsx) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"spreadsheetml.sheet.main+xml", b"NOPE").replace(
                    b"application/vnd.openxmlformats-officedocument.NOPE",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                data = data.replace(b"</Types>", b'<Default Extension="bin" '
                                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            if name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/'
                                    b'office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
            dst.writestr(name, data)
        dst.writestr("xl/vbaProject.bin", vba)
    return out, vba


def test_annotating_an_xlsm_keeps_its_macros(collection, tmp_path):
    src, vba = _with_macros(collection, tmp_path / "带宏.xlsm")
    before = digest([src])
    out = tmp_path / "带宏-标注.xlsm"
    run = xxgk("check", src, "--annotate", out)
    assert_clean(run)
    assert "Exception ignored" not in run.err, run.err
    assert run.code == 1, run.text
    with zipfile.ZipFile(out) as z:
        assert z.read("xl/vbaProject.bin") == vba
        assert b"macroEnabled" in z.read("[Content_Types].xml")
    assert "校验结果" in openpyxl.load_workbook(out, keep_vba=True).sheetnames
    assert written_formulas(out) == []
    assert digest([src]) == before and leftovers(tmp_path) == []


def test_value_cells_merged_with_their_neighbours(collection, tmp_path):
    wb = openpyxl.load_workbook(collection)
    ws = wb[wb.sheetnames[1]]
    merged = []
    for row in ws.iter_rows(min_row=20, max_row=70):
        nums = [c for c in row if isinstance(c.value, (int, float))]
        if len(nums) >= 3 and len(merged) < 3:
            merged.append(f"{nums[0].coordinate}:{nums[2].coordinate}")   # three value cells in one box
    for ref in merged:
        ws.merge_cells(ref)
    src = tmp_path / "合并.xlsx"
    wb.save(src)
    out = tmp_path / "合并-标注.xlsx"
    run = xxgk("check", src, "--annotate", out)
    assert_clean(run)
    assert run.code == 1, run.text
    ann = openpyxl.load_workbook(out)[ws.title]
    notes = [ann[ref.split(":")[0]].comment for ref in merged]
    assert all(n is not None and "xxgk" in n.text for n in notes), merged   # flagged on the visible box
