"""Hostile and odd files, round 16 (u16); each case through the real CLI."""
from __future__ import annotations

import json
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
