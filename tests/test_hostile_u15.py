"""Hostile and odd files, round 15 (u15): one sheet over the limits no longer refuses the whole
workbook; each case through the real CLI."""
from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from hostile import assert_clean, digest, make_collection, pages_read_as_plain, xxgk


def _findings(doc: dict, book: str) -> set[tuple]:
    """(rule, unit, message with the workbook's name taken out) of a check's JSON."""
    return {(f["rule"], f.get("unit"), f["message"].replace(book, "…")) for f in doc["findings"]}


def _cells(book: Path) -> dict[str, dict]:
    """`xxgk extract` of a workbook: each report's cells, by unit."""
    run = xxgk("extract", book)
    assert_clean(run)
    return {r["unit"]: r["cells"] for r in json.loads(run.out)["reports"]}


def _with_far_cells(collection: Path, out: Path, far: dict[str, str]) -> Path:
    """The collection with a value typed at a far cell of some sheets (`far`: sheet -> cell)."""
    wb = openpyxl.load_workbook(collection)
    for sheet, cell in far.items():
        wb[sheet][cell] = 7 if cell.startswith("XFD") else "误输入"
    wb.save(out)
    return out


def test_a_sheet_over_the_limits_is_left_out_alone(tmp_path):
    """Before: one stray value typed at A1048576 of a unit's sheet (Ctrl+↓, then a keystroke) made
    the whole collection workbook one F5 — no unit's report checked, not even the 单位清单 read. Now
    that sheet alone is left out (an F5 naming it and the far cell to delete), every other report is
    checked exactly as in the clean workbook, and the units list still serves (its unit is said to
    have no report, U1, so no district sum counts it as complete)."""
    clean = make_collection(tmp_path / "c", 5)
    base = xxgk("check", clean, "--format", "json")
    assert_clean(base)
    units = {r["unit"]: r for r in json.loads(base.out)["reports"]}
    cells = _cells(clean)
    assert len(units) == 5
    wb = openpyxl.load_workbook(clean)
    sheet_of = {wb[n]["B2"].value: n for n in wb.sheetnames if wb[n]["A2"].value == "单位"}
    assert set(sheet_of) == set(units), sheet_of
    first, second = sorted(units)[:2]
    cases = {
        "one-a.xlsx": {sheet_of[first]: "A1048576"},
        "one-xfd.xlsx": {sheet_of[second]: "XFD1048576"},      # python-calamine would abort (512 GB)
        "two.xlsx": {sheet_of[first]: "A1048576", sheet_of[second]: "XFD1048576"},
        "index.xlsx": {"单位清单": "A1048576"},
    }
    clean_findings = _findings(json.loads(base.out), clean.name)
    for name, far in cases.items():
        book = _with_far_cells(clean, tmp_path / name, far)
        before = digest([book])
        run = xxgk("check", book, "--format", "json")
        assert_clean(run)
        assert run.code == 2, (name, run.text[-2000:])           # an input (a sheet) could not be read
        assert digest([book]) == before
        doc = json.loads(run.out)
        f5 = [f for f in doc["findings"] if f["rule"] == "F5"]
        assert len(f5) == len(far), (name, f5)
        for sheet, cell in far.items():
            (said,) = [f["message"] for f in f5 if f"工作表“{sheet}”" in f["where"]]
            assert f"最远的一格是 {cell}）" in said and "1,048,576 行" in said and "请删去后再检查" in said, said
        left_out = {u for u, s in sheet_of.items() if s in far}
        read = {r["unit"] for r in doc["reports"]}
        assert read == set(units) - left_out, (name, read)
        got = _findings(doc, name)
        got_cells = _cells(book)
        assert set(got_cells) == read, (name, set(got_cells))
        for unit in read:      # every other report: its cells and findings as in the clean workbook
            assert got_cells[unit] == cells[unit], (name, unit)
            assert {f for f in got if f[1] == unit} == {f for f in clean_findings if f[1] == unit}, (name, unit)
        if "单位清单" not in far:       # the units list is read: the unit left out has no report there
            assert {f[1] for f in got if f[0] == "U1"} == left_out, (name, [f for f in got if f[0] == "U1"])
        assert "其余输入照常处理" in run.err, run.err


def test_an_annotated_copy_keeps_the_sheet_left_out(tmp_path):
    """`check 汇总.xlsx --annotate`: before, a stray far value on one sheet refused the annotation
    ("无法标注", nothing written). openpyxl holds the cells a sheet has, not their span, so a sheet
    whose span alone is too wide (few cells) no longer stops the copy: the other reports are flagged
    as in the clean workbook's copy, the sheet left out is kept as it was (its stray value too) and
    校验结果 lists its F5. A sheet over the limits by a merged range (which openpyxl expands cell by
    cell) still writes nothing, and says why; the check itself reads the other sheets."""
    from bombs import parts_of, write_zip
    from checker.readers.safety import sheet_parts
    clean = make_collection(tmp_path / "c", 3)
    wb = openpyxl.load_workbook(clean)
    sheets = [n for n in wb.sheetnames if wb[n]["A2"].value == "单位"]
    stray = _with_far_cells(clean, tmp_path / "stray.xlsx", {sheets[0]: "A1048576"})
    base = xxgk("check", clean, "--annotate", tmp_path / "clean-标注.xlsx")
    assert_clean(base)
    run = xxgk("check", stray, "--annotate", tmp_path / "stray-标注.xlsx")
    assert_clean(run)
    assert run.code == 2, run.text[-2000:]
    out = openpyxl.load_workbook(tmp_path / "stray-标注.xlsx")
    assert out[sheets[0]]["A1048576"].value == "误输入" and out[sheets[0]]["B2"].value == wb[sheets[0]]["B2"].value

    def results(path: Path) -> list[tuple]:
        book = openpyxl.load_workbook(path)
        return [r for r in book["校验结果"].iter_rows(min_row=2, values_only=True) if r and r[5]]

    def notes(book, name: str, file: str) -> dict[str, str]:
        return {c.coordinate: c.comment.text.replace(file, "…") for c in book[name]._cells.values() if c.comment}

    got, clean_rows = results(tmp_path / "stray-标注.xlsx"), results(tmp_path / "clean-标注.xlsx")
    (f5,) = [r for r in got if r[5] == "F5"]
    assert sheets[0] in f5[7] and "A1048576" in f5[7], f5
    assert not any(isinstance(v, str) and v.startswith("=") for r in got for v in r)
    copy = openpyxl.load_workbook(tmp_path / "clean-标注.xlsx")
    for name in sheets[1:]:         # the other reports flagged as in the clean workbook's copy
        assert notes(out, name, stray.name) == notes(copy, name, clean.name), name
    assert len(got) == len([r for r in clean_rows if sheets[0] not in str(r[7])]) + 1, (len(got), len(clean_rows))
    # a merged range over the limits on one sheet: checked apart, but no copy
    parts = parts_of(clean)
    part = next(p for p, n in sheet_parts(zipfile.ZipFile(clean)).items() if n == sheets[1])
    xml = parts[part].decode("utf-8")
    xml = xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A200:XFD400"/></mergeCells>', 1) \
        if "<mergeCells" not in xml else xml.replace("<mergeCells", '<mergeCells><mergeCell ref="A200:XFD400"/></mergeCells'
                                                                    "><mergeCells", 1)
    merged = write_zip(tmp_path / "merged.xlsx", {**parts, part: xml.encode("utf-8")})
    checked = xxgk("check", merged, "--format", "json")
    assert_clean(checked)
    assert checked.code == 2 and len(json.loads(checked.out)["reports"]) == 2, checked.text[-2000:]
    refused = xxgk("check", merged, "--annotate", tmp_path / "merged-标注.xlsx")
    assert_clean(refused)
    assert refused.code != 0 and not (tmp_path / "merged-标注.xlsx").exists(), refused.text[-2000:]
    assert "无法标注" in refused.err and "A200:XFD400" in refused.err, refused.err


def test_a_workbook_whose_every_sheet_is_over_the_limits_is_one_f5(tmp_path):
    """A workbook with nothing left to read once its oversized sheet is left out (an office's own
    one-sheet report) is refused whole, as before: one F5, no report, no 'no standard tables' F5."""
    wb = openpyxl.Workbook()
    wb.active.title = "统计表"
    wb.active.append(["规章", 1, 2, 3])
    wb.active["A1048576"] = "x"
    wb.save(tmp_path / "one.xlsx")
    run = xxgk("check", tmp_path / "one.xlsx", "--format", "json")
    assert_clean(run)
    assert run.code == 2
    doc = json.loads(run.out)
    assert doc["reports"] == []
    (f5,) = [f["message"] for f in doc["findings"] if f["rule"] == "F5"]
    assert "“统计表”" in f5 and "A1048576" in f5 and "标准表格" not in f5, f5


def test_an_xls_collection_with_a_far_cell_leaves_out_that_sheet(tmp_path):
    """The same in an Excel 97-2003 collection (`.xls`: no package to measure, the sheet is measured
    as python-calamine reads it): before, the whole workbook was refused."""
    sys.path.insert(0, str(Path(__file__).parent / "readers"))
    from docfill import convert, soffice
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    clean = make_collection(tmp_path / "c", 3)
    wb = openpyxl.load_workbook(clean)
    sheets = [n for n in wb.sheetnames if wb[n]["A2"].value == "单位"]
    wb[sheets[0]]["IV65536"] = 1          # 65,536 rows × 256 columns: over the 2,000,000 cells
    wb.save(tmp_path / "far.xlsx")
    xls = convert(tmp_path / "far.xlsx", tmp_path, "xls")
    run = xxgk("check", xls, "--format", "json")
    assert_clean(run)
    assert run.code == 2, run.text[-2000:]
    doc = json.loads(run.out)
    (f5,) = [f for f in doc["findings"] if f["rule"] == "F5"]
    assert f"工作表“{sheets[0]}”" in f5["where"] and "65,536 行" in f5["message"], f5
    assert len(doc["reports"]) == 2, [r["unit"] for r in doc["reports"]]


# ---- web pages: elements an HTML 4 parser reads otherwise than a browser ---------------------------

PAGE = Path(__file__).parent / "fixtures" / "corpus" / "renditions-real-2" / "pingtan_jsp_2021.html"


def test_pages_wrapped_in_a_form_or_with_an_embed_are_read_as_shown(tmp_path):
    """A real page (平潭 君山片区 2021, 200 cells) as other sites serve the same report. Before, each of
    these was "no body text or tables" (F5), or read with none of its cells: the whole body wrapped in
    a `<form id="form1">` (ASP.NET WebForms pages: the form was dropped as site chrome, with the
    report in it); an `<embed src=….swf>` banner or an `<embed src=….pdf>` before the report (an empty
    element in HTML5, which libxml2's HTML 4 parser does not know: it held everything after it, and
    was dropped); a "print" `<button>` left open; an `<svg>` or `<math>` left open (an icon written
    `<svg class=icon/>`), which a browser ends at the first HTML element. Now each reads cell for cell as the page itself,
    with its findings; a small search form is still left out."""
    page = PAGE.read_text(encoding="utf-8")
    assert page.count("<body>") == 1 and '<div class="article_content' in page
    content = '<div class="article_content'
    variants = {
        "form.html": page.replace("<body>", '<body><form name="form1" method="post" action="./show.aspx?id=3" '
                                            'id="form1"><input type="hidden" name="__VIEWSTATE" value="/wEPDw">')
                         .replace("</body>", "</form></body>"),
        "embed-swf.html": page.replace("<body>", '<body><embed src="/flash/banner.swf" width="980" height="120" '
                                                 'type="application/x-shockwave-flash">'),
        "embed-pdf.html": page.replace(content, '<p>附件：<embed src="/u/nb2021.pdf" type="application/pdf" '
                                                'width="100%" height="600">年度报告全文</p>' + content, 1),
        "button.html": page.replace("<body>", "<body><button type=button onclick=print()>打印本页"),
        "void.html": page.replace("<body>", "<body><video controls><source src=a.mp4><track src=a.vtt></video>")
                         .replace("年度报告", "年度<wbr>报告"),
        # an icon `<svg class=icon/>` (the slash is the attribute's: the svg stays open), an svg or math
        # formula left open: a browser ends it at the first HTML element (HTML5's foreign content)
        "svg-icon.html": page.replace("<body>", '<body><a href="/"><svg class=icon/><span>首页</span></a>'),
        "svg-open.html": page.replace("<body>", '<body><svg viewBox="0 0 9 9"><path d="M0 0L9 9"/>'),
        "math-open.html": page.replace("<body>", "<body><math><mi>x</mi>"),
        "search.html": page.replace("<body>", '<body><form action="/search"><input name="q"><button>搜索</button>'
                                              "</form>"),
    }
    pages_read_as_plain(tmp_path, page, variants)


# ---- file names that reorder the terminal's line ---------------------------------------------------

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidirectional_controls_in_file_names_are_shown_not_obeyed(tmp_path):
    """A file named `报告\\u202egnp.exe.txt` (RIGHT-TO-LEFT OVERRIDE, never closed): a terminal that lays
    text out both ways showed the rest of each line naming it reversed ("Trojan Source"), so the
    message no longer read as written. Before, the terminal table, the summary and stderr printed the
    control as is; now it is shown as `\\u202e`, as control characters already were (`\\x1b`). JSON
    keeps the name exactly (it is data, for programs)."""
    from hostile import SEEDS
    folder = tmp_path / "in"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    named = folder / "报告\u202egnp.exe.txt"
    named.write_bytes(seed.read_bytes())
    (folder / "坏\u2067文件.txt").write_bytes(b"")            # unreadable: named on stderr and in F5
    for args in (("check", folder), ("check", folder, "--summary"), ("extract", folder, "--format", "table")):
        run = xxgk(*args)
        assert_clean(run)
        assert run.code in (1, 2), (args, run.text[-2000:])
        assert not any(ch in run.text for ch in BIDI), (args, [ch for ch in BIDI if ch in run.text])
        assert "\\u2067" in run.text, args
        if args[0] == "extract" or "--summary" not in args:
            assert "\\u202e" in run.text, (args, run.text[-2000:])
    run = xxgk("check", folder, "--format", "json")
    assert_clean(run)
    sources = {f["source"] for f in json.loads(run.out)["findings"]}
    assert str(named) in sources, sorted(sources)
