"""Saved web pages (`.html`/`.htm`, UTF-8 or GBK, as a browser saves them).

The page is decoded (BOM, else strict UTF-8, else its `<meta charset>`, else GB18030), parsed
with lxml's HTML parser with the network off (no DTD, no entity expansion beyond HTML's own), and
stripped of what is not the report: scripts, styles, navigation, headers, footers, menus,
breadcrumbs, blocks made of links. What is left is walked in document order: each innermost
`<table>` becomes a grid (rowspan/colspan expanded: a spanned cell is read once, at its top-left
position), the text between tables becomes lines. Both are the rows of `GridCell`s of a
`Document`, and the lines its prose (`document.to_report` does the rest).
Locations read "表格2第5行第3列" (the page's 2nd data table, its 5th row, 3rd grid column) or
"正文第12行" for text lines.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..model import Report
from . import ReadError
from .cellsplit import label_and_numbers
from .document import Document, file_bytes, to_reports
from .grid import GridCell, merged_number
from .text import split_line

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# Elements that are never the report's content.
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "select", "button", "object", "embed", "svg", "template", "head")
# HTML5's empty elements that libxml2 (an HTML 4 parser) does not know: there `<embed src=…>` (a Flash
# banner, an embedded PDF) held everything after it, and the whole report went with it (`_unwrap`).
_VOID_TAGS = ("embed", "source", "track", "wbr")
# Dropped elements that wrap the whole page on some sites (ASP.NET's `<form id="form1">` around the
# body) or hold the rest of it when left open (`<button>打印`): dropped only when they hold no table
# cell and less text than a report (a search box, a login, a "print" button).
_WRAPPERS = frozenset({"form", "button"})
# An `<svg>`/`<math>` left open (an icon written `<svg class=icon/>`: the slash is the value's) holds the
# rest of the page here; a browser ends it at the first HTML element such as these (HTML5's "breakout"
# tags of foreign content), and shows the rest as the page.
_FOREIGN = ("svg", "math")
_BREAKOUT = frozenset({"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
                       "embed", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "menu", "ol", "p",
                       "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u",
                       "ul", "var", "font"})
_WRAPPER_TEXT = 200
# Elements whose content a browser reads as plain text up to their end tag (HTML5's raw text and
# RCDATA elements), and those the report is never inside (dropped above): one left open (`<iframe
# src=…>` or `<textarea>`/`<title>` without its end tag) takes the rest of the page with it — to a
# browser too, which then shows a blank page. The report is still in the file: such a start tag is
# taken out (`_open_swallowing`), and what followed it is read as the page.
_SWALLOWING = ("iframe", "textarea", "title", "xmp", "noembed", "noframes", "noscript", "script", "style",
               "plaintext", "select", "object", "template")
_SWALLOWING_TAG = re.compile(r"<(/?)(%s)\b[^>]*>" % "|".join(_SWALLOWING), re.I)
# class/id words of site chrome (Chinese government sites use pinyin too: daohang = navigation).
_CHROME = re.compile(r"(^|[\s_\-])(nav|navbar|menu|header|footer|breadcrumb|crumb|sidebar|share|copyright|"
                     r"daohang|dh|top-?bar|site-?map|weizhi|position|banner|toolbar|login|search)([\s_\-]|$)", re.I)
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                    "section", "article", "main", "blockquote", "pre", "dd", "dt", "dl", "center", "hr",
                    "caption", "tbody", "thead", "tfoot", "body", "html", "td", "th", "address"})
_LINK_SHARE = 0.7      # a block whose text is mostly links is navigation
_WS = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def decode_page(data: bytes, name: str) -> tuple[str, bool]:
    """The page's text: BOM, else UTF-8 if it decodes, else the declared charset, else GB18030
    (a superset of GBK/GB2312); and whether the page ended inside its last character (a download
    cut short: read up to that character, as a text report is, `encoding.before_cut`)."""
    from .encoding import before_cut
    if not data.strip():
        raise ReadError(f"文件“{name}”是空文件，没有可读取的内容。")
    for bom, enc, body in ((codecs.BOM_UTF8, "utf-8", data[3:]), (codecs.BOM_UTF16_LE, "utf-16", data),
                           (codecs.BOM_UTF16_BE, "utf-16", data)):
        if data.startswith(bom):
            try:
                return body.decode(enc), False
            except UnicodeDecodeError as e:
                cut = before_cut(body, enc, e)
                return (cut, True) if cut is not None else (body.decode(enc, errors="replace"), False)
    declared = _META_CHARSET.search(data[:4096])
    # strict UTF-8 first: Chinese text in GBK practically never decodes as UTF-8, while GB18030
    # decodes almost any bytes (a UTF-8 page that still declares gb2312 would turn to mojibake)
    tries = ["utf-8"]
    if declared:
        enc = declared.group(1).decode("ascii").lower()
        tries.append("gb18030" if enc in ("gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "gb18030") else enc)
    tries.append("gb18030")
    for enc in tries:
        try:
            return data.decode(enc), False
        except UnicodeDecodeError as e:
            cut = before_cut(data, enc, e)    # UTF-8 first: a cut UTF-8 page is never read as GB18030
            if cut is not None:
                return cut, True
        except LookupError:
            continue
    raise ReadError(f"文件“{name}”的编码无法识别（声明为 {declared.group(1).decode() if declared else '未声明'}，"
                    "按 UTF-8 和 GBK 都无法解码）。")


def read(path: Path) -> list[Report]:
    path = Path(path)
    data = file_bytes(path)
    from .sniff import is_mime_page, mime_html
    if is_mime_page(data[:4096].lstrip()):       # a single-file web page (.mht/.mhtml): the page in it
        try:
            page = mime_html(data)
        except RecursionError:      # Python's email parser walks nested parts recursively
            raise ReadError(f"文件“{path.name}”是单个文件网页（MHT），但其中的部件嵌套过深（正常的只有两三层），"
                            "没有读取；文件可能已损坏或是恶意构造的。") from None
        if page is None:
            raise ReadError(f"文件“{path.name}”是单个文件网页（MHT），但其中没有网页（text/html）部分。")
        data = page
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ReadError(f"文件“{path.name}”不是网页文件（含有二进制内容）。")
    text, cut = decode_page(data, path.name)
    # a page saved whole ends with a tag (`</html>`); one ending in text was cut short there, and a
    # number it ends with may have gone on (`<td>15` cut to `<td>1` is never read as 1)
    open_end = not cut and not text.rstrip().endswith(">")
    if open_end:
        from .encoding import less_cut_number
        text = less_cut_number(text.rstrip())
    reports = read_html(text, str(path), path.name)
    # a page cut right after a tag (`…<td>15</td>`) ends in ">" too; it is known cut when it ends
    # inside a table: `</table>` is never left out of a whole page (HTML requires it)
    inside = _ends_in_table(text) if reports else False
    if (cut or open_end or inside) and reports:          # said on the last report
        from .cutoff import CUT_MID_CHARACTER, mid_character
        part, row = _last_row(reports[-1]) if inside else (None, None)
        mid_character(reports[-1], row, "网页在正文中途结束（结尾不是网页标签，下载或复制不完整）：已读到文件末尾为止"
                      if open_end else CUT_MID_CHARACTER if cut else
                      "网页在表格中途结束（最后一张表格没有结束标签 </table>，下载或复制不完整）：已读到文件末尾为止",
                      part=part)
    return reports


_NOT_MARKUP = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->", re.I | re.S)
_TABLE_TAG = re.compile(r"<(/?)table[\s>/]", re.I)


def _ends_in_table(text: str) -> bool:
    """The page's last table tag (outside scripts, styles and comments) opens a table."""
    last = None
    for m in _TABLE_TAG.finditer(_NOT_MARKUP.sub("", text)):
        last = m
    return last is not None and not last.group(1)


def _last_row(report: Report) -> tuple[int | None, int | None]:
    """The last table's last row that holds a cell (where a page cut inside that table ends)."""
    if report.loc is None or report.present is None or "正文" not in report.parts:
        return None, None
    part = report.parts.index("正文") - 1
    rows = report.loc[report.present & (report.loc[:, 0] == part), 1]
    return (part, int(rows.max())) if len(rows) else (None, None)


def read_html(text: str, source: str, where: str) -> list[Report]:
    limits: list[str] = []
    body = _parse(text, where, limits)
    blocks = list(_walk(body))
    tables = [b for b in blocks if not isinstance(b, str)]
    if not tables and not any(s.strip() for s in blocks if isinstance(s, str)):
        if limits:
            raise ReadError(f"文件“{where}”的网页标签嵌套超过 256 层（正常网页只有几十层），解析到那一层就停止了，"
                            "在此之前没有找到正文文字或表格；文件可能已损坏或是恶意构造的。")
        raise ReadError(f"文件“{where}”中没有找到正文文字或表格。")
    text_part = len(tables)
    rows: list[list[GridCell]] = []
    lines: list[str] = []
    table_no = 0
    text_no = 0
    for b in blocks:
        if isinstance(b, str):
            text_no += 1
            lines.append(b)
            cells = []
            for c in split_line(b, text_no):
                cells.extend(label_and_numbers(c.text))   # `……申请数量640020470`, `规章 1 0 3`
            rows.append([GridCell(x, text_no, i, text_part) for i, x in enumerate(cells, 1)])
        else:
            grid = _grid(b, table_no, where)
            rows.extend(grid)
            # the prose analysis sees the table rows too, as the text reader gives them
            lines.extend("\t".join(c.text for c in row) for row in grid if row)
            table_no += 1
    return to_reports(Document(source=source, where=where, style="html", rows=rows, lines=lines,
                              parts=[f"表格{i}" for i in range(1, len(tables) + 1)] + ["正文"]))


def page_blocks(text: str, where: str) -> list:
    """A page's text lines (str) and innermost tables (for `table_grid`), in order: what a Word
    document's imported web page (`w:altChunk`) holds."""
    return list(_walk(_parse(text, where)))


def table_grid(table, part: int, where: str) -> list[list[GridCell]]:
    return _grid(table, part, where)


# --- parsing ----------------------------------------------------------------------------------

def _parse(text: str, where: str, limits: list[str] | None = None):
    from lxml import etree, html
    # no_network: nothing is fetched; HTML mode has no DTD, so no custom entities to expand
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)   # lxml refuses a str that declares its encoding
    text = _open_swallowing(text)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise ReadError(f"文件“{where}”无法解析为网页（技术信息：{e}）。") from None
    for el in reversed(list(root.iter(*_VOID_TAGS))):    # (the innermost first)
        _unwrap(el)
    for el in reversed(list(root.iter(*_FOREIGN))):
        at = next((i for i, kid in enumerate(el) if kid.tag in _BREAKOUT), None)
        if at is not None:
            _unwrap(el, at)
    for el in list(root.iter(*_DROP_TAGS)):
        if el.tag in _WRAPPERS and (el.xpath("boolean(.//td)") or len(el.text_content()) >= _WRAPPER_TEXT):
            continue
        _drop(el)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        names = f"{el.get('class', '')} {el.get('id', '')}"
        if names.strip() and _CHROME.search(names) and not el.xpath(".//table//td"):
            _drop(el)
        elif el.get("style") and re.search(r"display\s*:\s*none", el.get("style"), re.I):
            _drop(el)
    _drop_link_lists(root)
    body = root.find("body")
    # libxml2 stops at 256 levels of nesting (its guard against hostile pages): said if nothing was read
    if limits is not None and any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        limits.append("depth")
    return body if body is not None else root


def _open_swallowing(text: str) -> str:
    """The page without the start tag of the one `_SWALLOWING` element left open, if any. Inside such
    an element only its own end tag counts (as in a browser): the one open at the end of the page is
    the one left open (`<plaintext>` has no end tag: always). One inside a comment goes from there:
    no change."""
    open_at: dict[str, re.Match] = {}
    inside: str | None = None
    for m in _SWALLOWING_TAG.finditer(text):
        tag = m.group(2).lower()
        if inside is None and not m.group(1):
            inside, open_at[tag] = tag, m
        elif inside == tag and m.group(1) and tag != "plaintext":
            inside = None
    if inside is None or open_at[inside].group(0).endswith("/>"):
        return text
    start = open_at[inside]
    return text[:start.start()] + text[start.end():]


def _drop_link_lists(root) -> None:
    """Menus and "related links" blocks whatever their class names: mostly the text of 3+ links.
    Deepest first, so a list inside the article goes, and the article (few links) stays."""
    for el in reversed(list(root.iter("ul", "ol", "dl", "div", "td", "section", "p"))):
        if el.getparent() is None or el.xpath(".//table//td"):
            continue
        links = el.xpath(".//a")
        if len(links) < 3:
            continue
        total = len(_WS.sub("", el.text_content()))
        linked = sum(len(_WS.sub("", a.text_content())) for a in links)
        if total and linked / total > _LINK_SHARE:
            _drop(el)


def _unwrap(el, start: int = 0) -> None:
    """An element the parser gave what follows it (`_VOID_TAGS`; `_FOREIGN` from its child `start`
    on): that text and those elements follow it again, in their order."""
    parent = el.getparent()
    if parent is None or (not len(el) and not el.text):
        return
    kids, text, tail = list(el)[start:], el.text if start == 0 else None, el.tail
    if start == 0:
        el.text = None
    at = parent.index(el)
    for k, kid in enumerate(kids, 1):
        parent.insert(at + k, kid)        # (moved out of `el`)
    if kids:
        el.tail = text
        kids[-1].tail = (kids[-1].tail or "") + (tail or "")
    else:
        el.tail = (text or "") + (tail or "")


def _drop(el) -> None:
    """Remove an element but keep the text that follows it (lxml stores it on the element)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _walk(root):
    """Yield, in document order, text lines (str) and innermost <table> elements."""
    buf: list[str] = []

    def flush():
        # the page's own spacing (&nbsp; runs) survives as 2+ spaces: columns of a pasted table
        line = _SPACE.sub(" ", "".join(buf)).replace("\u00a0", " ").strip()
        buf.clear()
        return line

    def visit(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table" and not el.xpath(".//table"):
            line = flush()
            if line:
                yield line
            yield el
        elif tag in ("pre", "textarea"):   # preformatted: its own lines and tabs are the layout
            line = flush()
            if line:
                yield line
            for raw in el.text_content().splitlines():
                if raw.strip():
                    yield raw.replace("\u00a0", " ").rstrip()
        else:
            block = tag in _BLOCK
            if block:
                line = flush()
                if line:
                    yield line
            if el.text and tag:
                buf.append(el.text)
            for child in el:
                yield from visit(child)
            if block:
                line = flush()
                if line:
                    yield line
        if el.tail:
            buf.append(el.tail)

    yield from visit(root)
    line = flush()
    if line:
        yield line


def _cell_text(td) -> str:
    parts = [_WS.sub(" ", s).strip() for s in td.itertext()]
    out = ""
    for p in parts:
        if not p:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum() \
                and not (out[-1].isdigit() and p[0].isdigit()):
            out += " "
        out += p
    return out


def _span(td, name: str) -> int:
    try:
        return max(1, min(int(re.sub(r"\D", "", td.get(name, "1")) or 1), 1000))
    except ValueError:
        return 1


def _grid(table, part: int, where: str = "") -> list[list[GridCell]]:
    """The table's rows with spans expanded: each cell at its top-left grid position; the positions
    it covers are left out (they are the same printed cell, not blanks). A rowspan ends at the last
    row, as browsers end it; a table whose spans cover more than a workbook sheet may hold
    (MAX_SHEET_CELLS: `colspan=1000 rowspan=1000` in every row took 8 GB) is not read."""
    from .safety import MAX_SHEET_CELLS
    taken: set[tuple[int, int]] = set()
    rows: list[list[GridCell]] = []
    down: list[tuple[GridCell, int]] = []      # numbers spanning rows, each with its last row
    trs = [tr for tr in table.iter("tr") if tr.getparent() is not None]
    for r, tr in enumerate(trs, 1):
        cells: list[GridCell] = []
        col = 1
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            while (r, col) in taken:
                col += 1
            rs, cs = min(_span(td, "rowspan"), len(trs) - r + 1), _span(td, "colspan")
            if len(taken) + rs * cs > MAX_SHEET_CELLS:
                raise ReadError(f"文件“{where}”的第 {part + 1} 个表格的合并单元格（rowspan/colspan）展开后超过 "
                                f"{MAX_SHEET_CELLS:,} 格（正常的年报表格只有几百格），没有读取；文件可能已损坏或是恶意构造的。")
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, col + dc))
            # a <td> is a drawn cell: its number is that column's value, an empty one a blank cell; a
            # spanned one keeps the last column it covers (named when its row cannot be read)
            cell = GridCell(_cell_text(td), r, col, part, bounded=True, end=col + cs - 1 if cs > 1 else -1)
            if rs > 1 and merged_number(cell.text):
                down.append((cell, r + rs - 1))
            cells.append(cell)
            col += cs
        rows.append(cells)
    for cell, last in down:
        # a number spanning rows: which row's the table does not say (`grid._merged_down`); each row
        # under it gets a place without text that says so
        cell.down = (cell.row, last)
        for r in range(cell.row + 1, last + 1):
            rows[r - 1].append(GridCell("", r, cell.col, part, bounded=True, down=cell.down))
            rows[r - 1].sort(key=lambda g: g.col)
    # a row that stops short of the table's width (a CMS drops trailing empty <td>s) shows blank
    # cells there: give them their positions, so they are read as blanks, not as a short row
    width = max((c for _, c in taken), default=0)
    if width * len(rows) > MAX_SHEET_CELLS:
        raise ReadError(f"文件“{where}”的第 {part + 1} 个表格有 {len(rows):,} 行 × {width:,} 列，超过可读取的上限 "
                        f"{MAX_SHEET_CELLS:,} 格，没有读取。")
    for r, cells in enumerate(rows, 1):
        missing = [c for c in range(1, width + 1) if (r, c) not in taken]
        if missing and cells:
            cells.extend(GridCell("", r, c, part, bounded=True) for c in missing)
            cells.sort(key=lambda g: g.col)
    return rows
