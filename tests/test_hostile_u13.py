"""Hostile and odd files, round 13: what Word shows but python-docx does not hand over (text hidden
through a style, text boxes, imported chunks); each case through the real CLI."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from hostile import extracted, same_as_plain

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
    _chunked(plain, good / "docx-chunk.docx", "chunk.docx",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document", plain.read_bytes())
    _chunked(plain, bad / "rtf-chunk.docx", "chunk.rtf", "application/rtf", rb"{\rtf1\ansi 2021}")
    reports, errors = extracted(good)
    assert errors == {}
    same_as_plain(reports, ["docx-chunk.docx"], set())
    from_page, _ = extracted(page_dir)
    assert reports["html-chunk.docx"]["cells"] == from_page["page.html"]["cells"]
    assert sum(v is not None for v in from_page["page.html"]["cells"].values()) >= 190
    _, unread = extracted(bad)
    said = unread["rtf-chunk.docx"]["message"]
    assert "altChunk" in said and "application/rtf" in said and "另存为 .docx" in said
