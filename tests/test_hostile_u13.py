"""Hostile and odd files, round 13: what Word shows but python-docx does not hand over (text hidden
through a style, text boxes, imported chunks); each case through the real CLI."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from bombs import Repeat, parts_of, write_zip
from hostile import assert_clean, extracted, same_as_plain, xxgk

MB = 1 << 20

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMBER_RUN = re.compile(r"<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t(?: [^>]*)?>([0-9]+)</w:t></w:r>")
TABLE = re.compile(r"<w:tbl>.*?</w:tbl>", re.S)
BODY = re.compile(r"(<w:body>)(.*?)(<w:sectPr)", re.S)
HIDDEN_STYLES = (  # 字体 → 隐藏 saved in a style: a character style, one based on it, a paragraph style
    '<w:style w:type="character" w:styleId="HiddenNote"><w:name w:val="隐藏批注"/><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="HiddenChild"><w:name w:val="隐藏批注2"/>'
    '<w:basedOn w:val="HiddenNote"/><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="HiddenPara"><w:name w:val="隐藏段落"/><w:rPr><w:vanish/></w:rPr></w:style>')
# a table in a text box, saved as Word saves a drawing: DrawingML for Word 2010+, VML for older readers
BOX = ('<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
       '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
       '2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
       '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps='
       '"http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>{0}'
       '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
       '<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>{0}'
       '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')


DELETED_CELL = ('<w:tc><w:tcPr><w:cellDel w:id="90" w:author="审核" w:date="2024-01-05T00:00:00Z"/></w:tcPr>'
                '<w:p><w:r><w:t>999</w:t></w:r></w:p></w:tc>')


def _hide(m: re.Match, style: str) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:t>99</w:t></w:r>' + m.group(0)


def _hidden_paragraphs(x: str) -> str:
    """Before each table, a paragraph in a hidden paragraph style holding an old row of figures."""
    return TABLE.sub(lambda m: '<w:p><w:pPr><w:pStyle w:val="HiddenPara"/></w:pPr><w:r><w:t>'
                     '主动公开总数量\t999\t999</w:t></w:r></w:p>' + m.group(0), x)


WORD_SHAPES = {  # name: (document.xml change, styles.xml change)
    "char-style.docx": (lambda x: NUMBER_RUN.sub(lambda m: _hide(m, "HiddenNote"), x), None),
    "based-style.docx": (lambda x: NUMBER_RUN.sub(lambda m: _hide(m, "HiddenChild"), x), None),
    "para-style.docx": (_hidden_paragraphs, None),
    "text-boxes.docx": (lambda x: TABLE.sub(lambda m: BOX.format(m.group(0)), x), None),
    # 修订 on, a cell deleted from each row (a tracked cell deletion: the row's other cells keep their place)
    "deleted-cells.docx": (lambda x: re.sub(r"(<w:tr[ >].*?)(<w:tc>)", lambda m: m.group(1) + DELETED_CELL + m.group(2),
                                            x, flags=re.S), None),
}


def _with_styles(styles: str) -> str:
    return styles.replace("</w:styles>", HIDDEN_STYLES + "</w:styles>")


def _rewrite(plain: Path, out: Path, document, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(plain) as zi, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info)
            if info.filename == "word/document.xml":
                data = document(data.decode("utf-8")).encode("utf-8")
            elif info.filename == "word/styles.xml":
                data = _with_styles(data.decode("utf-8")).encode("utf-8")
            elif info.filename in (extra or {}):
                data = (extra or {}).pop(info.filename)
            zo.writestr(info, data)
        for name, data in (extra or {}).items():
            zo.writestr(name, data)
    return out


def _plain(tmp_path: Path) -> tuple[Path, str]:
    from bench import renditions
    plain = renditions.word(renditions.reports(1, 7)[0], tmp_path / "plain.docx")
    return plain, zipfile.ZipFile(plain).read("word/document.xml").decode("utf-8")


def test_word_text_hidden_through_a_style_and_tables_in_text_boxes_read_as_word_shows_them(tmp_path):
    """Before: a 99 hidden through a character style (or one based on it) before each number was
    read (990 for 0, 9912 for 12: every cell wrong), a paragraph in a hidden paragraph style was
    read as a row, and tables in text boxes were not seen at all (F4, no tables). Now every cell
    is the plain document's and the findings are the same."""
    plain, xml = _plain(tmp_path)
    for name, (change, _) in WORD_SHAPES.items():
        assert change(xml) != xml, name
        _rewrite(plain, tmp_path / name, change)
    reports, errors = extracted(tmp_path)
    assert errors == {}
    same_as_plain(reports, WORD_SHAPES, {99, 999, 990, 9999})


CHUNK_REL = ('<Relationship Id="rIdChunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/aFChunk" Target="{}"/>')


def _chunked(plain: Path, out: Path, name: str, content_type: str, data: bytes) -> Path:
    """The document whose body is one imported chunk (`w:altChunk`) of `data`: how CMSs and report
    programs export a web page as .docx (Word converts the chunk when it opens the file)."""
    rels = zipfile.ZipFile(plain).read("word/_rels/document.xml.rels").decode("utf-8")
    types = zipfile.ZipFile(plain).read("[Content_Types].xml").decode("utf-8")
    extra = {
        "word/_rels/document.xml.rels": rels.replace("</Relationships>", CHUNK_REL.format(name) + "</Relationships>")
        .encode("utf-8"),
        "[Content_Types].xml": types.replace(
            "</Types>", f'<Override PartName="/word/{name}" ContentType="{content_type}"/></Types>').encode("utf-8"),
        f"word/{name}": data,
    }
    return _rewrite(plain, out, lambda x: BODY.sub(
        lambda m: m.group(1) + '<w:altChunk r:id="rIdChunk1" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"/>' + m.group(3), x), extra)


def test_word_documents_made_of_an_imported_web_page_or_document_are_read(tmp_path):
    """Before: a .docx whose body is an imported chunk (a web page, or a whole Word document) read
    as an empty document (F4: no tables, 0 cells). Now the page's (the document's) cells are read
    in their place, the same as the page itself; a chunk of a kind not read (RTF) is said unread."""
    from bench import renditions
    good, page_dir, bad = (tmp_path / d for d in ("good", "page", "bad"))
    for d in (good, page_dir, bad):
        d.mkdir()
    plain, _ = _plain(good)
    page = renditions.html_page(renditions.reports(1, 7)[0])
    (page_dir / "page.html").write_text(page, encoding="utf-8")
    _chunked(plain, good / "html-chunk.docx", "chunk.html", "text/html", page.encode("utf-8"))
    _chunked(plain, good / "mht-chunk.docx", "chunk.mht", "message/rfc822", _mht(page, "utf-8", "<Saved by Blink>"))
    _chunked(plain, good / "docx-chunk.docx", "chunk.docx",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document", plain.read_bytes())
    chunked = zipfile.ZipFile(good / "docx-chunk.docx").read("word/document.xml").decode("utf-8")
    _rewrite(good / "docx-chunk.docx", good / "boxed-chunk.docx",       # the chunk inside a text box
             lambda _: re.sub(r"<w:altChunk[^>]*/>", lambda m: BOX.format(m.group(0)), chunked))
    _chunked(plain, bad / "rtf-chunk.docx", "chunk.rtf", "application/rtf", rb"{\rtf1\ansi 2021}")
    reports, errors = extracted(good)
    assert errors == {}
    same_as_plain(reports, ["docx-chunk.docx", "boxed-chunk.docx"], set())
    from_page, _ = extracted(page_dir)
    assert reports["html-chunk.docx"]["cells"] == from_page["page.html"]["cells"]
    assert reports["mht-chunk.docx"]["cells"] == from_page["page.html"]["cells"]
    assert sum(v is not None for v in from_page["page.html"]["cells"].values()) >= 190
    _, unread = extracted(bad)
    said = unread["rtf-chunk.docx"]["message"]
    assert "altChunk" in said and "application/rtf" in said and "另存为 .docx" in said


def _mht(page: str, charset: str, saved_by: str) -> bytes:
    """A single-file web page as a browser (multipart/related, UTF-8) or Word (GB2312, quoted-printable)
    saves it: the page inside a MIME message."""
    import email.message
    m = email.message.EmailMessage()
    m["From"] = saved_by
    m["MIME-Version"] = "1.0"
    m.make_related()
    part = email.message.EmailMessage()
    part.set_content(page.encode("gb18030" if charset == "gb2312" else charset), "text", "html",
                     cte="quoted-printable")
    part.set_param("charset", charset)
    part["Content-Location"] = "file:///C:/年报/2021.htm"
    m.attach(part)
    return m.as_bytes()


def test_files_whose_name_lies_are_read_by_what_they_hold(tmp_path):
    """Before: a CMS's "导出 Excel" (an HTML table named .xls), a page Word saved as HTML named .doc, a
    .xlsx served as .xls or renamed .et, a .docx renamed .doc or .wps, a single-file web page
    (.mht/.mhtml) were each refused ("不支持的文件类型" / "工作簿已损坏"), though Excel, Word and WPS
    open them all. Now each is read by its content, cell for cell as the plain rendition; an OLE .doc
    and a .doc of plain text are still "save as .docx", and a zip bomb named .xls is still refused."""
    from bench import renditions
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir(), bad.mkdir()
    report = renditions.reports(1, 7)[0]
    plain = renditions.word(report, good / "plain.docx")
    book = renditions.workbook(report, tmp_path / "book.xlsx")
    page = renditions.html_page(report)
    lying = {"html-as.doc": page.encode("utf-8"), "html-as.xls": page.encode("utf-8"),
             "docx-as.doc": plain.read_bytes(), "docx-as.wps": plain.read_bytes(),
             "xlsx-as.xls": book.read_bytes(), "xlsx-as.et": book.read_bytes(),
             "chrome.mhtml": _mht(page, "utf-8", "<Saved by Blink>"),
             "word.mht": _mht(page.replace('charset="UTF-8"', 'charset="gb2312"'), "gb2312", "<由 Microsoft Word 保存>")}
    for name, data in lying.items():
        (good / name).write_bytes(data)
    reports, errors = extracted(good)
    assert errors == {}
    same_as_plain(reports, lying, set())
    one = xxgk("extract", good / "html-as.xls")          # named alone, not found in a folder
    assert_clean(one)
    assert one.code == 0 and json.loads(one.out)["reports"][0]["cells"] == reports["plain.docx"]["cells"]

    (bad / "ole.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    (bad / "notes.doc").write_text("本单位2021年度报告见附件。", encoding="utf-8")
    bomb = {**parts_of(book), "xl/sharedStrings.xml": Repeat(
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>', b"A" * MB, 600,
        b"</t></si></sst>")}
    write_zip(bad / "bomb.xls", bomb)
    _, unread = extracted(bad)
    assert set(unread) == {"ole.doc", "notes.doc", "bomb.xls"}
    assert "另存为 .docx" in unread["ole.doc"]["message"] and "另存为 .docx" in unread["notes.doc"]["message"]
    assert "压缩炸弹" in unread["bomb.xls"]["message"]


def test_hostile_imported_chunks_and_saved_pages_are_refused_by_name(tmp_path):
    """A Word chunk that is a decompression bomb is measured as the file's own body would be (before
    it was not looked into at all); a single-file web page nested 20,000 levels deep is an F5 naming
    it, not "意外错误" (Python's email parser recursing)."""
    import docx
    from bench import renditions
    plain = renditions.word(renditions.reports(1, 7)[0], tmp_path / "plain.docx")
    small = tmp_path / "small.docx"
    docx.Document().save(small)
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    inner = write_zip(tmp_path / "inner.docx", {**parts_of(small), "word/document.xml": Repeat(
        body, b"C" * MB, 300, b"</w:t></w:r></w:p></w:body></w:document>")})
    (tmp_path / "in").mkdir()
    _chunked(plain, tmp_path / "in" / "bomb-chunk.docx", "chunk.docx",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document", inner.read_bytes())
    deep = b"".join(b'--b%d\r\nContent-Type: multipart/related; boundary="b%d"\r\n\r\n' % (i - 1, i)
                    for i in range(1, 20000))
    (tmp_path / "in" / "deep.mht").write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n' + deep
        + b"--b19999\r\nContent-Type: text/html\r\n\r\n<html><body>x</body></html>\r\n")
    reports, unread = extracted(tmp_path / "in")
    assert reports == {} and set(unread) == {"bomb-chunk.docx", "deep.mht"}
    assert "“word/document.xml”达 300 MB" in unread["bomb-chunk.docx"]["message"]
    assert "压缩炸弹" in unread["bomb-chunk.docx"]["message"]
    assert "嵌套过深" in unread["deep.mht"]["message"]


PAGE = Path(__file__).parent / "fixtures" / "corpus" / "renditions-real-2" / "pingtan_shs_2024.html"


def test_a_web_page_cut_right_after_a_tag_inside_its_last_table_never_reads_blanks(tmp_path):
    """A download that stops right after a tag (`…<td>15</td>`, then nothing) ends in ">" like a
    whole page. Before, the row it stops in read its cells after the cut as blank (a real page's 15
    read as an empty cell: a wrong cell and a false F1 "为空"). A whole page never ends inside a
    table (HTML requires `</table>`): now the cells after the cut are unread, never blank, every cell
    read is the whole page's, and an F4 warning says the page ends inside a table. Real page, cut
    after each `</td>` and `</tr>` of its last table."""
    whole_text = PAGE.read_text(encoding="utf-8")
    start = whole_text.lower().rfind("<table")
    cuts = [m.end() for m in re.finditer(r"</t[dr]>", whole_text[start:], re.I)]
    assert len(cuts) > 30
    (tmp_path / "whole.html").write_text(whole_text, encoding="utf-8")
    for i, at in enumerate(cuts):
        (tmp_path / f"cut{i:03d}.html").write_text(whole_text[:start + at], encoding="utf-8")
    reports, errors = extracted(tmp_path)
    assert errors == {}
    whole = reports["whole.html"]["cells"]
    assert sum(v is not None for k, v in whole.items() if k.startswith("appeals.")) > 10
    for i in range(len(cuts)):
        r = reports[f"cut{i:03d}.html"]
        wrong = {k: (v, whole.get(k)) for k, v in r["cells"].items() if whole.get(k) != v}
        assert wrong == {}, (i, wrong)
        assert all(k.startswith("appeals.") for k in set(whole) - set(r["cells"])), i
        blanks = {k for k, v in whole.items() if v is None}
        assert all(c["cell"] in blanks for f in r["findings"] if f["rule"] == "F1" for c in f["cells"]), i
        assert any(f["rule"] == "F4" and "网页在表格中途结束" in f["message"] for f in r["findings"]), i
    assert not any("网页在表格中途结束" in f["message"] for f in reports["whole.html"]["findings"])


def test_an_xls_with_a_password_to_open_says_so(tmp_path):
    """Before: an .xls with an open password (its FILEPASS record right after BOF, where Excel
    writes it) was "已损坏、不完整或不是 Excel 工作簿（技术信息：Workbook is password protected）";
    now it says it is encrypted and how to remove the password, as an encrypted .xlsx does."""
    import shutil
    import struct
    import subprocess

    import olefile
    import pytest
    from bench import renditions
    office = renditions.soffice()
    if office is None:
        pytest.skip("LibreOffice (make system) writes the .xls")
    book = renditions.workbook(renditions.reports(1, 7)[0], tmp_path / "book.xlsx")
    subprocess.run([office, "--headless", "--convert-to", "xls:MS Excel 97", "--outdir", str(tmp_path / "xls"),
                    str(book)], capture_output=True, timeout=180, check=True)
    locked = tmp_path / "in" / "加密.xls"
    locked.parent.mkdir()
    shutil.copy(tmp_path / "xls" / "book.xls", locked)
    ole = olefile.OleFileIO(str(locked), write_mode=True)
    stream = bytearray(ole.openstream("Workbook").read())
    assert struct.unpack("<H", stream[:2])[0] == 0x0809                  # BOF
    at = 4 + struct.unpack("<H", stream[2:4])[0]
    stream[at:at + 2] = struct.pack("<H", 0x002F)                        # the next record: FILEPASS
    ole.write_stream("Workbook", bytes(stream))
    ole.close()
    shutil.copy(tmp_path / "xls" / "book.xls", tmp_path / "in" / "open.xls")
    reports, unread = extracted(tmp_path / "in")
    assert set(reports) == {"open.xls"} and set(unread) == {"加密.xls"}
    said = unread["加密.xls"]["message"]
    assert "已加密（设置了打开密码）" in said and "删除密码" in said and "已损坏" not in said


def test_a_zip_named_xls_whose_mimetype_is_a_bomb_is_not_decompressed_to_be_sniffed(tmp_path):
    """Telling what a `.xls` holds read its zip's whole `mimetype` part before the package was checked:
    a 1.5 MB file whose mimetype unpacks to 1,500 MB took 3.1 GB of memory before being refused. Only the
    part's first bytes are read now; the package check then names the bomb."""
    bomb = write_zip(tmp_path / "报告.xls", {"mimetype": Repeat(b"", b"\0" * MB, 600, b"")})
    run = xxgk("extract", bomb)
    assert run.code == 2 and "压缩炸弹" in run.err and "“mimetype”达 600 MB" in run.err
    assert run.peak_mb < 300, run.peak_mb
