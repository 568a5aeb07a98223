"""Word reports (`.docx`, python-docx): the tables are real tables, the rest is prose.

The body is walked in document order, so the section headings (二、主动公开政府信息情况 …) that
stand between the tables open the grid matcher's table regions. python-docx repeats a merged cell
once per grid column it spans; a row keeps each cell once, at its first grid column, so the header
rows still place the columns. Locations read `第2个表格第5行第4列`.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..model import Report
from . import ReadError
from .document import Document, to_reports
from .grid import GridCell

BODY = "正文"


def read(path: Path) -> list[Report]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    path = Path(path)
    try:
        document = docx.Document(_transitional(path) or str(path))
    except Exception as e:  # PackageNotFoundError, BadZipFile, KeyError for a broken package
        raise ReadError(f"Word 文档“{path.name}”无法打开：文件已损坏、不完整或不是 .docx 文档"
                        f"（技术信息：{type(e).__name__}）。") from None
    if not hasattr(document.element, "body"):   # the main part is XML, but not a Word body (w:document)
        raise ReadError(f"Word 文档“{path.name}”无法打开：文件已损坏或不是 .docx 文档"
                        f"（正文部分不是 Word 文档格式：{document.element.tag[:120]}）。")
    as_shown(document.element.body)
    rows: list[list[GridCell]] = []
    lines: list[str] = []
    parts = [BODY]
    para_no = 0
    for el in document.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para_no += 1
            text = Paragraph(el, document).text
            if text.strip():
                lines.append(text)
                # a table typed with tab stops (or a text report pasted into Word): its cells are
                # the tab-separated parts, as in a text report's tab rows
                rows.append([GridCell(t, para_no, c, 0) for c, t in enumerate(text.split("\t"), 1)])
        elif tag == "tbl":
            parts.append(f"第{len(parts)}个表格")
            rows.extend(_table_rows(Table(el, document), len(parts) - 1, lines))
    return to_reports(Document(source=str(path), where=path.name, style="docx", rows=rows, lines=lines,
                               parts=parts))


# Wrappers whose content Word shows in place: tracked insertions and moves (修订), content controls
# (内容控件: a template's fill-in fields), smart tags, custom XML, simple fields (`=SUM(ABOVE)`: the
# cached result is what is printed), bidi runs. python-docx reads only a paragraph's own runs, a
# row's own cells, the body's own tables: a number inside any of these was read as blank, a cell
# inside one was left out of its row, a table inside one was not seen at all.
_SHOWN = ("ins", "moveTo", "sdt", "smartTag", "customXml", "fldSimple", "dir", "bdo")
_PROPS = ("pPr", "rPr", "trPr", "tcPr", "tblPr", "sectPr")   # the same tags as marks there: left alone
# a toggle property is on unless its w:val says off (hidden text, `w:vanish`: neither shown nor printed)
_ON = "not(@w:val) or not(@w:val='0' or @w:val='false' or @w:val='off')"


def as_shown(body) -> None:
    """The body as Word shows and prints it, every tracked change accepted: deleted text and rows
    gone, hidden text (`w:vanish`) gone, the content of the wrappers in `_SHOWN` in their place (a
    content control still showing its placeholder, `单击或点击此处输入文字`, is not filled in: dropped)."""
    not_a_mark = " and ".join(f"not(parent::w:{t})" for t in _PROPS)
    for el in body.xpath(f".//w:del[{not_a_mark}] | .//w:moveFrom[{not_a_mark}] | .//w:tr[w:trPr/w:del]"
                         " | .//w:sdt[w:sdtPr/w:showingPlcHdr]/w:sdtContent/*"
                         f" | .//w:r[w:rPr/w:vanish[{_ON}]]"):
        if el.getparent() is not None:
            el.getparent().remove(el)
    wrappers = " | ".join(f".//w:{t}[{not_a_mark}]" for t in _SHOWN)
    for el in body.xpath(wrappers):          # document order: an outer wrapper before one inside it
        parent = el.getparent()
        if parent is None:
            continue
        content = el.find(_w("sdtContent")) if el.tag == _w("sdt") else el
        kids = [] if content is None else [k for k in content
                                           if not (isinstance(k.tag, str) and k.tag.endswith("Pr"))]
        at = parent.index(el)
        parent.remove(el)
        for i, k in enumerate(kids):
            parent.insert(at + i, k)


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/(\w+)/(\w+)")


def _transitional(path: Path) -> io.BytesIO | None:
    """A document saved as "Strict Open XML" (Word's 另存为 offers it) in the usual (Transitional)
    namespaces, which python-docx reads: the parts are the same, only their namespace names differ
    (`http://purl.oclc.org/ooxml/wordprocessingml/main` for `.../wordprocessingml/2006/main`).
    None for any other file (read as it is)."""
    try:
        with zipfile.ZipFile(path) as z:
            if b"purl.oclc.org/ooxml" not in z.read("_rels/.rels"):
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
                for info in z.infolist():
                    data = z.read(info)
                    if info.filename.endswith((".xml", ".rels")):
                        data = STRICT.sub(rb"http://schemas.openxmlformats.org/\1/2006/\2", data)
                    w.writestr(info, data)
        out.seek(0)
        return out
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError):
        return None       # python-docx says what is wrong with it


def _table_rows(table, part: int, lines: list[str]) -> list[list[GridCell]]:
    out = []
    for r, row in enumerate(table.rows, 1):
        cells, seen = [], None
        try:
            row_cells = row.cells
        except Exception:   # a malformed row (gridSpan beyond the grid): read what it holds
            row_cells = [c for c in (row._tr.tc_lst or [])]
            row_cells = [table.cell(r - 1, i) for i in range(len(row_cells))]
        for c, cell in enumerate(row_cells, 1):
            if cell._tc is seen:
                continue     # the same merged cell, repeated for the grid columns it spans
            seen = cell._tc
            cells.append(GridCell(cell.text, r, c, part, bounded=True))   # a drawn table cell
        texts = [g.text.strip() for g in cells if g.text.strip()]
        if texts:
            lines.append("\t".join(texts))
        out.append(cells)
    return out
