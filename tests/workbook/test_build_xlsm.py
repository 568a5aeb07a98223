"""workbooks/xxgk-checker.xlsm: built from our VBA module and Form button, read back with oletools,
kept through an openpyxl round trip (keep_vba=True), and understood by LibreOffice."""
import importlib.util
import io
import random
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import olefile
import pytest
from openpyxl import load_workbook
from oletools.olevba import VBA_Parser, decompress_stream

ROOT = Path(__file__).resolve().parents[2]
WORKBOOKS = ROOT / "workbooks"


def _module(name):
    spec = importlib.util.spec_from_file_location(name, WORKBOOKS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    subprocess.run([sys.executable, str(WORKBOOKS / "build_xlsm.py"), "--out-dir", str(out)], check=True,
                   capture_output=True, timeout=300)
    return out / "xxgk-checker.xlsm"


def _macros(path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    try:
        return {name: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def _button(path) -> str:
    """The VML of the legacy drawing of sheet 校验说明, found through the workbook's relationships."""
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
        sheet_rid = re.search(r'<sheet [^>]*name="校验说明"[^>]*r:id="([^"]+)"', book).group(1)
        sheet = "xl/" + _target(z.read("xl/_rels/workbook.xml.rels").decode(), sheet_rid).lstrip("/").removeprefix("xl/")
        rid = re.search(r'<legacyDrawing [^>]*r:id="([^"]+)"', z.read(sheet).decode()).group(1)
        rels = sheet.replace("worksheets/", "worksheets/_rels/") + ".rels"
        return z.read(_target(z.read(rels).decode(), rid).lstrip("/")).decode()


def _target(rels: str, rid: str) -> str:
    rel = next(r for r in re.findall(r"<Relationship [^>]*>", rels) if f'Id="{rid}"' in r)
    return re.search(r'Target="([^"]+)"', rel).group(1)


def _assert_button_and_module(path):
    macros = _macros(path)
    assert 'RunPython "import checker.excel; checker.excel.run_check()"' in macros["xxgk.bas"]
    assert "Sub RunXxgkCheck()" in macros["xxgk.bas"]
    assert "Public Function RunPython" in macros["xlwings.bas"]      # standalone: no add-in needed
    vml = _button(path)
    assert 'ObjectType="Button"' in vml and "<x:FmlaMacro>[0]!RunXxgkCheck</x:FmlaMacro>" in vml
    assert "运行校验" in vml


def test_built_workbook_has_the_module_and_a_button_bound_to_it(built):
    _assert_button_and_module(built)
    wb = load_workbook(built)
    assert wb.sheetnames[0] == "校验说明" and "运行校验" in (wb.active["A9"].value or "")


def test_survives_an_openpyxl_round_trip_with_keep_vba(built, tmp_path):
    wb = load_workbook(built, keep_vba=True)
    wb["校验说明"]["A20"] = "用户自己的内容"
    wb.save(tmp_path / "again.xlsm")
    _assert_button_and_module(tmp_path / "again.xlsm")


def test_annotating_a_user_xlsm_keeps_its_macros(built, tmp_path):
    from checker.annotate import annotate_file
    from checker.check import check_paths
    from checker.model import Report
    from checker.templates import template
    from checker.workbook.writer import _write_report
    wb = load_workbook(built, keep_vba=True)
    r = Report("x.docx", unit="道外区教育局", year=2021)
    r.set_format("2021")
    for cell in template("2021").cell_ids:
        r.set(cell, 1 if cell != "requests.received.total" else 9)
    _write_report(wb.create_sheet("道外区教育局2021"), r, None)
    wb.save(tmp_path / "user.xlsm")
    result = check_paths([tmp_path / "user.xlsm"])
    assert any(f.rule == "R3" for f in result.findings)
    out = annotate_file(result, tmp_path / "user-annotated.xlsm", engine="openpyxl")
    _assert_button_and_module(out)
    assert "校验结果" in load_workbook(out).sheetnames


def test_the_vba_project_is_rebuilt_identically(built):
    """The committed workbook is what the script builds (the project bytes are deterministic)."""
    with zipfile.ZipFile(built) as a, zipfile.ZipFile(WORKBOOKS / "xxgk-checker.xlsm") as b:
        assert a.read("xl/vbaProject.bin") == b.read("xl/vbaProject.bin")
        assert a.read("xl/drawings/vmlDrawing1.vml") == b.read("xl/drawings/vmlDrawing1.vml")


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed (make system)")
def test_libreoffice_reads_the_module_and_binds_the_button(built, tmp_path):
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "ods", "--outdir", str(tmp_path), str(built)], check=True,
                   capture_output=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "xxgk-checker.ods") as z:
        content = z.read("content.xml").decode()
        assert "Basic/VBAProject/xxgk.xml" in z.namelist()
    assert re.search(r'<form:button [^>]*form:label="运行校验"', content)
    assert "RunXxgkCheck" in content


def test_vba_compression_round_trips_through_oletools():
    ovba = _module("ovba")
    source = (Path(sys.modules["xlwings"].__file__).parent / "xlwings.bas").read_bytes() \
        if "xlwings" in sys.modules else b"Sub A()\r\n    MsgBox 1\r\nEnd Sub\r\n" * 300
    for data in (b"", b"abc", b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" * 50, source,
                 random.Random(7).randbytes(8192) + b"x" * 100):
        assert bytes(decompress_stream(bytearray(ovba.compress(data)))) == data


def test_compound_file_writer_round_trips_through_olefile():
    cfb = _module("cfb")
    streams = {"PROJECT": b"ID=1\r\n", "VBA/dir": b"d" * 5000, "VBA/_VBA_PROJECT": b"\xcc\x61\xff\xff\0\0\0",
               **{f"VBA/m{i}": bytes([i]) * (i * 700) for i in range(1, 12)}}
    ole = olefile.OleFileIO(io.BytesIO(cfb.write(streams)))
    assert sorted("/".join(p) for p in ole.listdir()) == sorted(streams)
    for path, data in streams.items():
        assert ole.openstream(path).read() == data
