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
from .grid import GridCell, merged_number

BODY = "正文"


def read(path: Path) -> list[Report]:
    import docx
    path = Path(path)
    try:
        document = docx.Document(_transitional(path) or str(path))
    except Exception as e:  # PackageNotFoundError, BadZipFile, KeyError for a broken package
        if "Excessive depth" in str(e):      # lxml's limit: 256 levels (tables in tables, for one)
            raise ReadError(f"Word 文档“{path.name}”的正文嵌套过深（XML 超过 256 层，例如表格套表格八十多层），"
                            "超过可读取的上限，没有读取。") from None
        raise ReadError(f"Word 文档“{path.name}”无法打开：文件已损坏、不完整或不是 .docx 文档"
                        f"（技术信息：{type(e).__name__}）。") from None
    if not hasattr(document.element, "body"):   # the main part is XML, but not a Word body (w:document)
        raise ReadError(f"Word 文档“{path.name}”无法打开：文件已损坏或不是 .docx 文档"
                        f"（正文部分不是 Word 文档格式：{document.element.tag[:120]}）。")
    body = _Body()
    body.walk(document, path.name)
    return to_reports(Document(source=str(path), where=path.name, style="docx", rows=body.rows,
                               lines=body.lines, parts=body.parts))


class _Body:
    """The rows, lines and parts of a document body walked in order (an imported chunk, `w:altChunk`,
    walked in its place: Word shows it there, and saves it there as ordinary paragraphs and tables)."""

    def __init__(self) -> None:
        self.rows: list[list[GridCell]] = []
        self.lines: list[str] = []
        self.parts = [BODY]
        self.para_no = 0
        self.depth = 0

    def paragraph(self, text: str) -> None:
        self.para_no += 1
        if text.strip():
            self.lines.append(text)
            # a table typed with tab stops (or a text report pasted into Word): its cells are
            # the tab-separated parts, as in a text report's tab rows
            self.rows.append([GridCell(t, self.para_no, c, 0) for c, t in enumerate(text.split("\t"), 1)])

    def table(self, grid: list[list[GridCell]]) -> None:
        self.parts.append(f"第{len(self.parts)}个表格")
        self.rows.extend(grid)
        self.lines.extend("\t".join(t for t in (g.text.strip() for g in row) if t) for row in grid
                          if any(g.text.strip() for g in row))

    def walk(self, document, where: str) -> None:
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        body = document.element.body
        as_shown(body, _hidden_styles(document))
        todo = [iter(body.iterchildren())]      # a stack, not recursion: layout tables nest deep
        while todo:
            el = next(todo[-1], None)
            if el is None:
                todo.pop()
                continue
            tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
            if tag == "p":
                self.paragraph(Paragraph(el, document).text)
            elif tag == "tbl" and _holds_blocks(el):
                todo.append(iter(el.xpath("./w:tr/w:tc/*")))
            elif tag == "tbl":
                self.table(_table_rows(Table(el, document), len(self.parts)))
            elif tag == "altChunk":
                self.chunk(document, el, where)

    def chunk(self, document, el, where: str) -> None:
        """An imported chunk (`w:altChunk`: a CMS's or a program's way of putting a web page or another
        document into a .docx; Word converts it on opening). HTML, plain text and Word chunks are read
        in their place (an MHT chunk: the page in it); any other kind (RTF) is said unread, never
        silently left out."""
        import docx
        part = document.part.related_parts.get(el.get(_r("id")) or "")
        kind = (getattr(part, "content_type", "") or "").lower()
        blob = getattr(part, "blob", b"") or b""
        if part is None or self.depth >= 3:
            raise ReadError(f"Word 文档“{where}”中有无法读取的嵌入内容（altChunk）：文件可能已损坏。")
        if kind == "message/rfc822":          # a single-file web page (MHT): the page in it
            from .sniff import mime_html
            try:
                blob, kind = mime_html(blob) or b"", "text/html"
            except RecursionError:
                blob = b""
            if not blob:
                raise ReadError(f"Word 文档“{where}”中嵌入的单个文件网页（altChunk）中没有可读的网页部分。")
        if "html" in kind or kind == "text/plain":
            from .html import decode_page, page_blocks, table_grid
            from .safety import MAX_FILE_BYTES
            if len(blob) > MAX_FILE_BYTES["html"]:
                raise ReadError(f"Word 文档“{where}”中嵌入的网页（altChunk）有 {len(blob) >> 20} MB，超过可读取的上限 "
                                f"{MAX_FILE_BYTES['html'] >> 20} MB，没有读取。")
            text, _ = decode_page(blob, where)
            if kind == "text/plain":
                for line in text.splitlines():
                    self.paragraph(line)
                return
            for block in page_blocks(text, where):
                if isinstance(block, str):
                    self.paragraph(block)
                else:
                    self.table(table_grid(block, len(self.parts), where))
        elif "wordprocessingml" in kind or "macroenabled" in kind:
            from .safety import check_package
            check_package(Path(where), blob)     # the imported document's own zip-bomb limits
            try:
                inner = docx.Document(io.BytesIO(blob))
            except Exception:
                raise ReadError(f"Word 文档“{where}”中嵌入的 Word 文档（altChunk）无法打开：已损坏。") from None
            self.depth += 1
            self.walk(inner, where)
            self.depth -= 1
        else:
            raise ReadError(f"Word 文档“{where}”中有以“{kind or '未知格式'}”嵌入的内容（altChunk），本工具读不了："
                            "请在 Word 中打开并另存为 .docx 后再检查（Word 会把嵌入的内容转成普通段落和表格）。")


def _holds_blocks(tbl) -> bool:
    """A layout table: one whose cells hold tables or imported chunks of their own (a web page copied
    into Word, a CMS's export, a template framing the report in a one-cell table). Word shows the
    inner tables as tables; python-docx gives a cell's own paragraphs only, so the report's tables
    were not seen (F4, 0 cells) or, a chunk in a cell, silently nothing. Its cells' content is read
    in their order, as the body's."""
    return bool(tbl.xpath("./w:tr/w:tc/w:tbl | ./w:tr/w:tc/w:altChunk"))


# Wrappers whose content Word shows in place: tracked insertions and moves (修订), content controls
# (内容控件: a template's fill-in fields), smart tags, custom XML, simple fields (`=SUM(ABOVE)`: the
# cached result is what is printed), bidi runs. python-docx reads only a paragraph's own runs, a
# row's own cells, the body's own tables: a number inside any of these was read as blank, a cell
# inside one was left out of its row, a table inside one was not seen at all.
_SHOWN = ("ins", "moveTo", "sdt", "smartTag", "customXml", "fldSimple", "dir", "bdo")
_PROPS = ("pPr", "rPr", "trPr", "tcPr", "tblPr", "sectPr")   # the same tags as marks there: left alone
# a toggle property is on unless its w:val says off (hidden text, `w:vanish`: neither shown nor printed)
_ON = "not(@w:val) or not(@w:val='0' or @w:val='false' or @w:val='off')"


def as_shown(body, hidden: tuple[dict[str, bool], set[str]] = ({}, set())) -> None:
    """The body as Word shows and prints it, every tracked change accepted: deleted text, rows and
    cells gone, hidden text (`w:vanish`, on the run or through its character or paragraph style: `hidden`,
    `_hidden_styles`) gone, the content of the wrappers in `_SHOWN` in their place (a
    content control still showing its placeholder, `单击或点击此处输入文字`, is not filled in: dropped),
    text boxes' paragraphs and tables after the paragraph they are anchored in (`_text_boxes`)."""
    not_a_mark = " and ".join(f"not(parent::w:{t})" for t in _PROPS)
    for el in body.xpath(f".//w:del[{not_a_mark}] | .//w:moveFrom[{not_a_mark}] | .//w:tr[w:trPr/w:del]"
                         " | .//w:tc[w:tcPr/w:cellDel]"
                         " | .//w:sdt[w:sdtPr/w:showingPlcHdr]/w:sdtContent/*"
                         f" | .//w:r[w:rPr/w:vanish[{_ON}]]"):
        if el.getparent() is not None:
            el.getparent().remove(el)
    _hide_styled(body, *hidden)
    _text_boxes(body)
    _legacy_merges(body)
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


def _hidden_styles(document) -> tuple[dict[str, bool], set[str]]:
    """The character styles that say whether their text is hidden (`w:vanish` in the style's run
    properties, or inherited through `w:basedOn`): id -> hidden; and the ids of the paragraph
    styles that hide their text. A number formatted with a hiding style is neither shown nor printed,
    as one hidden run by run."""
    try:
        root = document.styles.element
    except Exception:           # a package without a styles part: nothing hidden through styles
        return {}, set()
    own: dict[str, tuple[str, bool | None, str | None]] = {}
    for st in root.iterchildren(_w("style")):
        sid = st.get(_w("styleId"))
        if not sid:
            continue
        based = st.find(_w("basedOn"))
        own[sid] = (st.get(_w("type")) or "paragraph",
                    bool(st.xpath(f"w:rPr/w:vanish[{_ON}]")) if st.xpath("w:rPr/w:vanish") else None,
                    None if based is None else based.get(_w("val")))
    said: dict[str, bool | None] = {}
    for sid in own:             # along each basedOn chain once (a chain may be long, or a loop)
        path: list[str] = []
        on_path: set[str] = set()
        at: str | None = sid
        while at is not None and at in own and at not in said and at not in on_path:
            path.append(at)
            on_path.add(at)
            at = own[at][2] if own[at][1] is None else None
        value = said.get(at) if at is not None else None
        for s in reversed(path):
            value = own[s][1] if own[s][1] is not None else value
            said[s] = value
    chars = {s: bool(v) for s, v in said.items() if own[s][0] == "character" and v is not None}
    paras = {s for s, v in said.items() if own[s][0] == "paragraph" and v}
    return chars, paras


def _hide_styled(body, chars: dict[str, bool], paras: set[str]) -> None:
    """Remove the runs hidden through their style: the run's own `w:vanish` decides, else its
    character style's, else its paragraph style's (Word's order)."""
    if not any(chars.values()) and not paras:
        return
    for r in list(body.iter(_w("r"))):
        props = r.find(_w("rPr"))
        if props is not None and props.find(_w("vanish")) is not None:
            continue          # the run says itself (a hidden one is already gone)
        style = None if props is None else props.find(_w("rStyle"))
        hidden = chars.get(style.get(_w("val")) or "") if style is not None else None
        if hidden is None:
            p = r.getparent()
            while p is not None and p.tag != _w("p"):
                p = p.getparent()
            pstyle = None if p is None else p.find(f"{_w('pPr')}/{_w('pStyle')}")
            hidden = pstyle is not None and pstyle.get(_w("val")) in paras
        if hidden:
            r.getparent().remove(r)


def _legacy_merges(body) -> None:
    """Cells merged across columns the old way (`w:hMerge`: a `restart` cell, then `continue` cells;
    older converters and Word 97-era documents write it, Word still shows one cell): as one cell
    spanning their columns (`w:gridSpan`), which python-docx knows. Read as separate cells, the
    merged header or label cell left empty cells that shifted nothing but named no column, and the
    rows under it went unread (F3)."""
    for cont in body.xpath(".//w:tc[w:tcPr/w:hMerge[not(@w:val) or @w:val='continue']]"):
        first = cont.getprevious()
        while first is not None and first.tag != _w("tc"):
            first = first.getprevious()
        if first is None:
            continue              # nothing to merge into: read as the cell it is
        _set_span(first, _span(first) + _span(cont))
        cont.getparent().remove(cont)
    for mark in body.xpath(".//w:tc/w:tcPr/w:hMerge"):
        mark.getparent().remove(mark)


def _span(tc) -> int:
    span = tc.find(f"{_w('tcPr')}/{_w('gridSpan')}")
    try:
        return max(1, int(span.get(_w("val")))) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _set_span(tc, n: int) -> None:
    from lxml import etree
    props = tc.find(_w("tcPr"))
    if props is None:
        props = etree.Element(_w("tcPr"))
        tc.insert(0, props)
    span = props.find(_w("gridSpan"))
    if span is None:
        span = etree.SubElement(props, _w("gridSpan"))
    span.set(_w("val"), str(n))


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _text_boxes(body) -> None:
    """Text boxes and shapes with text (`w:txbxContent`, in a drawing or a VML picture): Word shows
    their paragraphs and tables where the box is drawn; python-docx reads none of it (a table put in
    a text box was not seen). Their content goes after the paragraph it is anchored in. A drawing
    saved twice for older readers (`mc:AlternateContent`: the same box as DrawingML and as VML) is
    read once: its first branch kept (Word's own Choice; the fallback only where there is none)."""
    for alt in list(body.iter(f"{{{_MC}}}AlternateContent")):
        branches = [b for b in alt if b.tag in (f"{{{_MC}}}Choice", f"{{{_MC}}}Fallback")]
        for b in branches[1:]:          # the first (a Choice, if any) is what Word reads
            alt.remove(b)
    moved = True
    while moved:              # a box inside a box: lifted out of the outer one's paragraphs next time
        moved = False
        for box in list(body.iter(_w("txbxContent"))):
            if box.getparent() is None or next(box.iterancestors(_w("txbxContent")), None) is not None:
                continue          # inside another box: moved with it first
            anchor = next(box.iterancestors(_w("p")), None)
            kids = [k for k in box if k.tag in (_w("p"), _w("tbl"), _w("altChunk"))]
            box.getparent().remove(box)          # a box outside any paragraph: nothing Word places
            if anchor is None or anchor.getparent() is None:
                continue
            at = anchor.getparent().index(anchor)
            for i, k in enumerate(kids, 1):
                anchor.getparent().insert(at + i, k)
            moved = True


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _r(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}" + tag


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


def _table_rows(table, part: int) -> list[list[GridCell]]:
    out = []
    above: list = []                      # the previous row's cell element at each grid column
    top_of: dict = {}                     # a cell element -> the GridCell of its top place
    below: dict[int, list[GridCell]] = {}   # id(top GridCell) -> the places under it of a number merged down
    for r, row in enumerate(table.rows, 1):
        cells: list[GridCell] = []
        seen = None
        here: list = []
        try:
            row_cells = row.cells
        except Exception:   # a malformed row (gridSpan beyond the grid): read what it holds
            row_cells = [c for c in (row._tr.tc_lst or [])]
            row_cells = [table.cell(r - 1, i) for i in range(len(row_cells))]
        for c, cell in enumerate(row_cells, 1):
            tc = cell._tc
            here.append(tc)
            if tc is seen:
                cells[-1].end = c   # the same merged cell, repeated for the grid columns it spans: its last
                continue
            seen = tc
            top = top_of.get(tc) if c <= len(above) and tc is above[c - 1] else None
            if top is not None and merged_number(top.text):
                # a number merged down (vMerge): python-docx gives the top cell again in each row below;
                # the place keeps no text (never the number read twice), `down` says which rows it spans
                place = GridCell("", r, c, part, bounded=True)
                below.setdefault(id(top), [top]).append(place)
                cells.append(place)
                continue
            made = GridCell(cell.text, r, c, part, bounded=True)   # a drawn table cell
            top_of[tc] = top or made
            cells.append(made)
        above = here
        out.append(cells)
    for box in below.values():
        for place in box:
            place.down = (box[0].row, box[-1].row)
    return out
