"""PDF reports (pdfplumber): the tables by their ruling lines, the rest of the page as text lines.

Each page gives, in reading order (top to bottom), its text lines and its ruled tables' rows. A
text line is cut into cells at wide gaps (a table printed without rules reads like `pdftotext
-layout`); a ruled table's cells come from pdfplumber, a merged cell once (the cells it covers are
dropped, not read as blanks). Page headers and footers (`-1-`, `第1页 共3页`) are left out. All pages'
rows go to the grid matcher in one sequence, so a table that continues on the next page is read as
one table; a row whose label ran over the page break is joined back (see `_join_split_rows`).
Locations are "第N页第M行": M counts the page's text lines and table rows from the top.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..findings import make
from ..model import Report
from . import ReadError
from . import labels as L
from . import cutoff, pdfcolumns
from .cellsplit import label_and_numbers
from .document import Document, file_bytes, to_reports
from .grid import GridCell

# A page number as printed in a header or footer: `-1-`, `— 2 —`, `第 3 页`, `第3页 共5页`, `3/5`, `3`.
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－‐·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4})?(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?[\s\-—–－‐·•]*$")
_MARGIN = 0.1          # header/footer band: this share of the page height at the top and the bottom
_CELL_GAP = 1.0        # a gap wider than this many character widths separates two cells
_WORD_GAP = 0.2        # a gap wider than this (but not a cell gap) is a space inside a cell


@dataclass
class _Item:
    """One row of a page in reading order: a text line, or a ruled table's row."""
    top: float
    bottom: float
    cells: list[tuple[str, int]]      # (text, column) — column 1-based
    table: int | None = None          # index of the ruled table on the page, None for text
    ncols: int = 0                    # columns of that table
    text: str = ""                    # a text line as printed (for the prose analysis)
    margin: bool = False              # printed in the header/footer band of the page
    xs: list[int] | None = None       # a text line's cells' positions, in half-character columns
    spans: list[tuple[float, float]] | None = None   # a text line's cells' true extents (points)
    size: float = 10.0                # a text line's character height
    columns: dict[int, tuple[int, int]] | None = None   # cell index -> (column, columns): pdfcolumns
    drawn: list[tuple[float, float]] | None = None     # a ruled row's cells' drawn extents (points)


def read(path: Path) -> list[Report]:
    path = Path(path)
    data = file_bytes(path)
    data_head = data[:1024]
    if not data_head.strip():
        raise ReadError(f"文件“{path.name}”是空文件，没有可读取的内容。")
    if b"%PDF" not in data_head:
        raise ReadError(f"文件“{path.name}”不是 PDF 文件（文件头不是 %PDF），可能扩展名有误或文件已损坏。")
    cut = _cut_short(data)
    try:
        pages, widths, broken, past_edge = _pages(path)
    except ImportError:
        raise   # the optional reader is missing: the caller names the extra to install, not a damaged file
    except Exception as e:
        # pdfplumber wraps pdfminer's error: PdfminerException(PDFPasswordIncorrect())
        causes = " ".join(type(x).__name__ for x in (e, *e.args) if isinstance(x, BaseException)).lower()
        encrypted = "password" in causes or "encrypt" in causes
        rebuilt = _rebuilt(data) if not encrypted and cut else None
        if rebuilt is None:
            reason = "文件已加密，需要打开密码，请提供未加密的文件" if encrypted else _CUT_SHORT if cut \
                else f"文件已损坏或不是有效的 PDF（技术信息：{type(e).__name__}）"
            raise ReadError(f"文件“{path.name}”无法读取：{reason}。") from None
        try:
            pages, widths, broken, past_edge = _pages(io.BytesIO(rebuilt))
        except Exception:
            raise ReadError(f"文件“{path.name}”无法读取：{_CUT_SHORT}。") from None
    if not any(it.cells for items in pages for it in items):
        raise ReadError(f"文件“{path.name}”中没有可提取的文字（可能是扫描图片生成的 PDF），"
                        "请提供文字版 PDF 或先进行文字识别。")
    _drop_running_heads(pages)
    _join_split_rows(pages)
    _place_columns(pages, widths)
    reports = to_reports(pages_document(pages, str(path), path.name))
    for part in reports:    # each report of a bundle (`multireport`): the cut pages its own cells stand on
        cutoff.beyond_edge(part, past_edge, f"{path.name}（{part.place}）" if part.place else path.name)
    report = reports[0]     # a page that failed goes with the file's first report
    if cut:     # read all the same: only the index at the end was lost
        report.findings.append(make(
            "F4", unit=report.unit, year=report.year, source=str(path), where=path.name, severity="warning",
            detail=f"PDF 文件可能不完整：结尾缺少结束标记（%%EOF），多半是下载或复制时在最后的索引（交叉引用表）处"
                   f"中断；其前的内容都在文件中，已读取（共 {len(pages)} 页）；请取得完整的文件核对。"))
    for n, why in broken.items():
        report.findings.append(make(
            "F5", unit=report.unit, year=report.year, source=str(path), where=f"{path.name} 第{n}页",
            detail=f"这一页无法解析（{why}），其内容未读取，其余各页照常读取；请核对原文件。"))
    return reports


# A PDF ends with `%%EOF` (after its cross-reference table, which says where every object is): one
# with no such marker after its last object was cut short — a download or copy interrupted — not
# damaged otherwise, and a whole copy of the same file reads. (Bytes appended after the marker, as
# some servers do, are not a cut.)
_CUT_SHORT = ("文件不完整：结尾缺少 PDF 文件的结束标记（%%EOF），文件在中途截断，多半是下载或复制时中断；"
              "请重新下载或复制完整的文件后再检查")


def _pages(source) -> tuple[list[list[_Item]], list[float], dict[int, str], set[int]]:
    """Each page's items and width, the pages that could not be read (number -> why) and those whose
    table is wider than the page (0-based, `cutoff`)."""
    import pdfplumber
    pages: list[list[_Item]] = []
    widths: list[float] = []
    broken: dict[int, str] = {}
    past_edge: set[int] = set()
    with pdfplumber.open(source) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            widths.append(round(float(page.width)))
            try:
                pages.append(_page_items(page))
                if _past_edge(pages[-1], float(page.bbox[2])):
                    past_edge.add(n - 1)
            except Exception as e:  # one broken page must not lose the others
                pages.append([])
                broken[n] = type(e).__name__
    return pages, widths, broken, past_edge


def _cut_short(data: bytes) -> bool:
    return b"%%EOF" not in data[max(data.rfind(b"endobj"), 0):]


_OBJ = re.compile(rb"(?<![0-9])([0-9]+)\s+([0-9]+)\s+obj\b")
_REF = re.compile(rb"(?<![0-9])([0-9]+)\s+([0-9]+)\s+R\b")
_CATALOG = re.compile(rb"/Type\s*/Catalog\b")


def _rebuilt(data: bytes) -> bytes | None:
    """A PDF cut short before its cross-reference table (the index at its end), when nothing else
    was lost: the file up to its last complete object, with a trailer naming its catalogue (pdfminer
    then finds the objects by scanning, as pdf.js and mutool do). None when an object referred to is
    not in the file (cut off, or in a compressed object stream this scan cannot see), or no
    catalogue: such a file is not read at all, rather than read in part unsaid."""
    end = data.rfind(b"endobj")
    if end < 0 or b"/ObjStm" in data:
        return None
    body = data[:end + len(b"endobj")]
    objects = {(m.group(1), m.group(2)): m.start() for m in _OBJ.finditer(body)}
    if not objects or any((m.group(1), m.group(2)) not in objects for m in _REF.finditer(body)):
        return None
    catalogs = [key for key, at in objects.items() if _CATALOG.search(body, at, body.find(b"endobj", at))]
    if len(catalogs) != 1:
        return None
    return body + b"\ntrailer\n<</Root %s %s R>>\n%%%%EOF\n" % catalogs[0]


def pages_document(pages: list[list[_Item]], source: str, where: str) -> Document:
    rows: list[list[GridCell]] = []
    lines: list[str] = []
    for p, items in enumerate(pages):
        for n, it in enumerate(items, 1):
            if not it.cells:
                continue
            # a ruled table's cells are drawn: an empty one is a cell of its own
            xs = it.xs if it.xs is not None and len(it.xs) == len(it.cells) else [-1] * len(it.cells)
            columns = it.columns or {}
            rows.append([GridCell(text, n, col, p, x, it.table is not None, column=columns.get(i))
                         for i, ((text, col), x) in enumerate(zip(it.cells, xs))])
            # the prose analysis sees every line, table rows too, as the text reader gives them
            lines.append(it.text if it.table is None else "\t".join(t for t, _ in it.cells))
    return Document(source=source, where=where, style="page", rows=rows, lines=lines,
                    parts=[f"第{i}页" for i in range(1, len(pages) + 1)])


# --- one page ---------------------------------------------------------------------------------

def _page_items(page) -> list[_Item]:
    # a one-column "table" is a frame drawn around text (a boxed paragraph): read it as text
    tables = [t for t in page.find_tables() if max((len(r.cells) for r in t.rows), default=0) >= 2]
    # a table's text is read from its cells; a character in no cell (a column drawn without its
    # outer rule is no cell of the table, though inside its box) is read as text, beside the rows
    cell_boxes = [c for t in tables for c in t.cells]
    items: list[_Item] = []
    for ti, t in enumerate(tables):
        ncols = max((len(r.cells) for r in t.rows), default=0)
        for row, texts in zip(t.rows, t.extract()):
            top = min((c[1] for c in row.cells if c), default=t.bbox[1])
            bottom = max((c[3] for c in row.cells if c), default=t.bbox[3])
            # None: a cell covered by a merged one, not a cell of its own (a blank cell is "")
            cells = [(_cell_text(x), i) for i, x in enumerate(texts, 1) if x is not None]
            drawn = [(float(c[0]), float(c[2])) for c, x in zip(row.cells, texts) if x is not None and c]
            items.append(_Item(top, bottom, cells, ti, ncols, drawn=drawn if len(drawn) == len(cells) else None))
    outside = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, cell_boxes))
    height = float(page.height)
    for ln in outside.extract_text_lines(return_chars=True, strip=True):
        placed = _line_cells(ln["chars"])
        if not placed:
            continue
        text = " ".join(t for t, *_ in placed)
        in_margin = ln["top"] < height * _MARGIN or ln["bottom"] > height * (1 - _MARGIN)
        if in_margin and _PAGE_NUMBER.match(text):
            continue
        cells, xs, spans = _numbers_apart(placed)
        size = max((float(c.get("size") or 10) for c in ln["chars"]), default=10.0)
        items.append(_Item(ln["top"], ln["bottom"], cells, text=text, margin=in_margin, xs=xs, spans=spans,
                           size=size))
    _side_labels(items)
    items.sort(key=lambda it: (it.top, it.table is not None))
    return items


def _side_labels(items: list[_Item]) -> None:
    """A ruled table whose label column is drawn without its outer rule (Word's `border-left:none`) is
    found without that column: its labels are text lines beside the rows, a little below each row's
    top, so in reading order each label came after its row's values and was taken for the next row's
    label (`规章` read with `行政规范性文件`'s 0 0 11). A text line wholly left of a row's first drawn
    cell and within that row's height is the row's label (a wrapped label's lines, top to bottom)."""
    rows = [it for it in items if it.table is not None]
    if not rows:
        return
    beside: dict[int, list[_Item]] = {}
    for it in items:
        if it.table is not None or it.margin or not it.spans:
            continue
        right = max(b for _, b in it.spans)
        hits = [r for r in rows if r.drawn and right <= r.drawn[0][0] + 1
                and r.top - 1 <= it.top and it.bottom <= r.bottom + 1]
        if len(hits) == 1:
            beside.setdefault(id(hits[0]), []).append(it)
    if not beside:
        return
    for r in rows:
        lines = sorted(beside.get(id(r), []), key=lambda it: it.top)
        if not lines:
            continue
        label = "".join(it.text.replace(" ", "") for it in lines)
        r.cells = [(label, 1)] + [(t, c + 1) for t, c in r.cells]
        if r.drawn is not None:
            r.drawn = [(min(a for it in lines for a, _ in it.spans), max(b for it in lines for _, b in it.spans))] + r.drawn
        for it in lines:
            it.cells = []


def _past_edge(items: list[_Item], right: float) -> bool:
    """Does the page's text (or a ruled table's drawn cell) reach past its right edge? A table wider
    than the page (a web page's `nowrap` table printed to PDF) does: what lies beyond the edge is
    not drawn, and the numbers of its columns there are not in the file."""
    for it in items:
        ext = it.drawn if it.table is not None else it.spans
        if ext and max(b for _, b in ext) > right + _EDGE:
            return True
    return False


# Text this far (points) past the page's right edge is off the page (not a rounding of the edge).
_EDGE = 1.0


def _inside(obj, boxes) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _cell_text(text: str) -> str:
    """A ruled cell's text: its lines joined (a label wraps inside the cell: `三、本\\n年度办\\n理结果`);
    lines of digits are joined without a space, so a wrapped number stays one number."""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    out = ""
    for p in parts:
        if out and (out[-1].isascii() and out[-1].isalnum()) and (p[0].isascii() and p[0].isalnum()) \
                and not (out[-1].isdigit() and p[0].isdigit()):
            out += " "
        out += p
    return out


def _line_cells(chars: list[dict]) -> list[tuple[str, int, list[int], list[tuple[float, float]]]]:
    """A text line's characters, left to right, cut into cells at gaps wider than a character:
    (text, column, the position of each character of the text, its true extent). Positions are in
    half-character columns, as `pdftotext -layout` counts (a 汉字 two, a digit one), so a table
    printed without rules is placed as layout text is."""
    chars = sorted((c for c in chars if c["text"].strip() or c["text"] == " "), key=lambda c: c["x0"])
    cells: list[tuple[str, int, list[int], list[tuple[float, float]]]] = []
    buf = ""
    xs: list[int] = []
    ext: list[tuple[float, float]] = []
    prev = None
    for c in chars:
        if c["text"].isspace():
            continue
        x = round(float(c["x0"]) * 2 / max(float(c.get("size") or 10), 1.0))
        if prev is not None:
            size = max(float(prev.get("size") or 10), 1.0)
            gap = c["x0"] - prev["x1"]
            if gap > _CELL_GAP * size:
                cells.append((buf, len(cells) + 1, xs, ext))
                buf, xs, ext = "", [], []
            # a space only between Latin letters/digits: the gap between 汉字 and digits is the
            # typesetter's CJK spacing (`2021年` prints as `2021 年`), not a space in the text
            elif gap > _WORD_GAP * size and buf and buf[-1].isascii() and c["text"].isascii():
                buf += " "
                xs.append(x)
                ext.append((float(c["x0"]), float(c["x0"])))
        buf += c["text"]
        xs.extend([x] * len(c["text"]))
        ext.extend([(float(c["x0"]), float(c["x1"]))] * len(c["text"]))
        prev = c
    if buf:
        cells.append((buf, len(cells) + 1, xs, ext))
    return cells


def _numbers_apart(cells) -> tuple[list[tuple[str, int]], list[int], list[tuple[float, float]]]:
    """Numbers after a label, set apart from it by a narrow gap only (a tab that jumped to a near
    tab stop: `其他对外管理服务事项 0`) or by none (`行政事业性收费0`): the label and its cells,
    each with its position (that of its first character) and its true extent."""
    out: list[str] = []
    xs: list[int] = []
    spans: list[tuple[float, float]] = []
    for text, _, at, ext in cells:
        start = 0
        for part in label_and_numbers(text):
            k = text.find(part, start)
            xs.append(at[k] if 0 <= k < len(at) else -1)
            inside = ext[k:k + len(part)] if k >= 0 else []
            spans.append((min(a for a, _ in inside), max(b for _, b in inside)) if inside else (-1.0, -1.0))
            start = k + len(part) if k >= 0 else start
            out.append(part)
    return [(t, i) for i, t in enumerate(out, 1)], xs, spans


# --- across pages -----------------------------------------------------------------------------

_VALUE = re.compile(r"[+\-－]?\d[\d,]*(?:\.\d+)?")


def _place_columns(pages: list[list[_Item]], widths: list[float]) -> None:
    """Tables printed without ruling lines: the column of each number, from the header's and the
    full rows' true positions (`pdfcolumns`). A row printed on two baselines (a line of numbers
    only, a character height from its row) is joined into its row's line."""
    lines: list[pdfcolumns.Line] = []
    owner: dict[int, _Item] = {}
    for p, items in enumerate(pages):
        for it in items:
            spans = it.spans if it.table is None else it.drawn
            if not it.cells or spans is None or len(spans) != len(it.cells):
                continue
            texts = [t for t, _ in it.cells]
            last_label = max((i for i, t in enumerate(texts) if L.is_label(t)), default=-1)
            numbers = [i for i, t in enumerate(texts) if i > last_label and _VALUE.fullmatch(t.strip())]
            ln = pdfcolumns.Line(p, it.top, it.bottom, it.size, widths[p] if p < len(widths) else 0.0,
                                 [pdfcolumns.Word(t, a, b) for t, (a, b) in zip(texts, spans)], numbers)
            lines.append(ln)
            owner[id(ln)] = it
    pdfcolumns.place(lines, lambda text: L.title_of(L.norm(text)) is not None)
    for ln in lines:
        it = owner[id(ln)]
        if it.table is not None:
            _in_drawn_columns(it, ln)
        elif ln.merged_into is not None and (ln.merged_into.slots or not ln.merged_into.numbers):
            target = owner[id(ln.merged_into)]
            _merge_into(target, ln.merged_into, it, ln)
        elif ln.slots and ln.merged_into is None and it.columns is None:
            it.columns = {i: (c, ln.ncols) for i, c in ln.slots.items()}


def _in_drawn_columns(it: _Item, ln: pdfcolumns.Line) -> None:
    """A ruled row: each cell in the drawn column its extent lies in (the header's drawn cells). An
    empty drawn cell left of the first value column is a label column's (`四、结转下年 | | | 0 …`
    printed with a second, empty label cell and an empty 自然人): it is dropped, so the row's
    values are exactly its columns, the empty ones blanks in their own place."""
    if not ln.slots or not ln.spans or it.drawn is None or len(ln.slots) != len(ln.numbers):
        return
    spans = ln.spans
    by_col: dict[int, str] = {}
    labels: list[str] = []
    for i, ((text, _), (x0, x1)) in enumerate(zip(it.cells, it.drawn)):
        mid = (x0 + x1) / 2
        inside = [k for k, (a, b) in enumerate(spans) if a - 1 <= mid <= b + 1]
        if i in ln.slots:
            col = ln.slots[i]
        elif len(inside) == 1 and not text.strip():
            col = inside[0]
        elif not inside and mid < spans[0][0]:
            if text.strip():
                labels.append(text)
            continue
        else:
            return        # text in a value column, or a cell the header's columns do not place
        if col in by_col:
            return
        by_col[col] = text
    if not labels:
        return
    values = [by_col.get(k, "") for k in range(ln.ncols)]
    it.cells = [(t, i) for i, t in enumerate(labels + values, 1)]
    it.drawn = None


def _merge_into(target: _Item, tline: pdfcolumns.Line, bare: _Item, bline: pdfcolumns.Line) -> None:
    """The numbers of `bare` (a line of numbers only) become cells of `target`, by position."""
    ncols = tline.ncols or bline.ncols
    cols = {i: (c, ncols) for i, c in tline.slots.items()}
    labels = [(t, x, s, None) for i, ((t, _), x, s) in enumerate(zip(target.cells, target.xs or [], target.spans or []))
              if i not in tline.slots]
    numbers = [(t, x, s, cols[i]) for i, ((t, _), x, s) in enumerate(zip(target.cells, target.xs or [], target.spans or []))
               if i in tline.slots]
    numbers += [(t, x, s, (bline.slots[i], ncols))
                for i, ((t, _), x, s) in enumerate(zip(bare.cells, bare.xs or [], bare.spans or []))]
    numbers.sort(key=lambda n: n[3][0])
    merged = labels + numbers
    target.cells = [(t, i) for i, (t, _, _, _) in enumerate(merged, 1)]
    target.xs = [x for _, x, _, _ in merged]
    target.spans = [s for _, _, s, _ in merged]
    target.columns = {i: c for i, (_, _, _, c) in enumerate(merged) if c is not None}
    target.text = " ".join(t for t, _ in target.cells)
    bare.cells = []

def _drop_running_heads(pages: list[list[_Item]]) -> None:
    """A running header or footer (`某某区人民政府办公室`, a document number) repeats in the margin
    band of most pages: it is page furniture, not the report's text."""
    if len(pages) < 2:
        return
    seen: dict[str, int] = {}
    for items in pages:
        for key in {_digitless(it.text) for it in items if it.margin and it.table is None}:
            seen[key] = seen.get(key, 0) + 1
    running = {k for k, n in seen.items() if k and n >= max(2, (len(pages) + 1) // 2)}
    for items in pages:
        for it in items:
            if it.margin and it.table is None and _digitless(it.text) in running:
                it.cells = []


def _digitless(text: str) -> str:
    """Running heads differ only in their page number (`第1页` / `第2页`)."""
    return re.sub(r"\d+", "#", text.replace(" ", ""))


def _join_split_rows(pages: list[list[_Item]]) -> None:
    """A table row broken by a page break prints its label's end (and nothing else) at the top of
    the next page, in the same table's columns: glue that fragment back onto the row it ends."""
    for p in range(1, len(pages)):
        prev = [it for it in pages[p - 1] if it.cells]
        cur = [it for it in pages[p] if it.cells]
        if not prev or not cur or prev[-1].table is None or cur[0].table is None:
            continue
        last, first = prev[-1], cur[0]
        if last.ncols != first.ncols:
            continue
        label_cols = {c for t, c in first.cells if t and not _is_number(t)}
        value_texts = [t for t, _ in first.cells if t and _is_number(t)]
        if value_texts or not label_cols:
            continue
        if any(_ENUMERATED.match(t) for t, _ in first.cells if t):
            continue      # a row of its own whose cells are all blank (`3.其他`), not a label's end
        # the fragment continues the last row's label cells, column by column
        texts = {c: t for t, c in last.cells}
        if not all(c in texts and texts[c] for c in label_cols):
            continue
        if any(_is_number(texts.get(c, "")) for c in label_cols):
            continue
        last.cells = [(t + dict((c2, t2) for t2, c2 in first.cells).get(c, "") if c in label_cols else t, c)
                      for t, c in last.cells]
        first.cells = []


# A row label's own enumerator (`3.`, `（六）`, `四、`): a label's continuation never starts with one.
_ENUMERATED = re.compile(r"\s*(?:\d+[.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[\d.,，\s]+", text.strip())) and any(ch.isdigit() for ch in text)
