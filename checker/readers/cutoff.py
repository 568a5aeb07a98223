"""A file that does not hold the whole report: what a reviewer should be told about the cells it lacks.

Two ways a real file is cut off, each seen in the renditions people hold:
- **The file ends inside a table** (a download or copy broken off, a PDF missing its last pages): the
  rows after the last one printed are not in the file at all. "没有找到 N 行…请核对表格是否为标准版式"
  would send the reviewer hunting for a layout problem; the table breaks off and the file is incomplete.
  Said only when the file holds nothing after that row (no later line of the report, no later table)
  and the rows not read are exactly the table's last rows.
- **A table wider than the page** (a web page's `nowrap` table turned into a PDF): the columns beyond
  the page's right edge are not drawn, and their numbers are not in the file. A row that prints no
  number on such a page is not known to be blank: its numbers may stand in the cut-off columns. Its
  cells are reported unread (not F1 "为空"), naming the edge. The evidence is the PDF's own: text (or
  a ruled table's drawn cells) reaching past the page's right edge.
- **A text file that ends inside its last character** (one byte of UTF-16's two, a UTF-8 or GBK
  character's first bytes): read up to that character (`encoding.decode_text`), and said, since what
  followed is not in the file.
"""
from __future__ import annotations

from typing import Any, Callable, NamedTuple, Sequence

import numpy as np

from ..findings import make
from ..model import Finding, Report
from ..templates import template
from . import labels as L


class Cut(NamedTuple):
    """Where a file breaks off inside a table (`breaks_off`)."""
    part: int
    row: int
    line: Any           # the printed line of the last row read
    last_line: bool     # nothing of the file after that line: it may end inside that row


def breaks_off(report: Report, lines: Sequence, tid: str, missing_ids: set[str], found: set[str],
               heading: Callable[[Any], bool] | None = None) -> Cut | None:
    """Where the last row printed of table `tid` stands when the file ends inside it: the rows not
    read (`missing_ids`) are the table's last rows, no later table was found, and no line of the
    file (`lines`: the printed rows, `part`/`row` each) comes after that row but (the first part
    of) the next row's label, without numbers, and the headings `heading` tells (表一's
    `第二十条第（五）项` and its column headers, printed above the next rows). Else None."""
    if report.format is None or report.loc is None:
        return None
    later = L.TABLE_ORDER[L.TABLE_ORDER.index(tid) + 1:]
    if any(t in found for t in later):
        return None
    tpl = template(report.format)
    ids = [row.id for row in tpl.table(tid).rows]
    k = next((i for i, rid in enumerate(ids) if rid in missing_ids), None)
    if not k or set(ids[k:]) != missing_ids:
        return None
    places = {(int(report.loc[j][0]), int(report.loc[j][1])) for row in tpl.table(tid).rows[:k] for c in row.columns
              for j in (tpl.index[f"{tid}.{row.id}.{c.id}"],) if report.loc[j][1] > 0}
    # the line each cell was read from, in the file's order (a Word or HTML reader numbers paragraphs
    # and tables apart; a cell printed on a line of its own belongs to the labelled line above it)
    seen = [i for i in (_line_of(lines, p) for p in places) if i is not None]
    if not seen:
        return None
    end = max(seen)
    # what may follow: the next row's label (or its group's), whole or its first part, without
    # numbers: the file ends inside that row. Any other line means the file goes on (and a table
    # printing its last rows' labels without numbers is a blank table, said so elsewhere).
    nxt = tpl.table(tid).rows[k]
    heads = [L.norm(t) for t in (nxt.label, nxt.group or "") if t]
    after = [ln for ln in lines[end + 1:] if heading is None or ln.has_values or not heading(ln)]
    opens = [t for t in (nxt.group, nxt.label) if t]
    if len(after) > _TAIL or any(not _opens(ln, opens) and (
            ln.has_values or not ln.last or not any(h.startswith(ln.last) for h in heads)) for ln in after):
        return None
    return Cut(lines[end].part, lines[end].row, lines[end], end == len(lines) - 1)


def _opens(ln, labels: list[str]) -> bool:
    """The line is only the first characters of the next label, its enumerator's opening bracket
    among them (`(` of `（三）不予公开`, 路北区住建局 2022 cut there), which normalising leaves empty."""
    text = "".join(c.text for c in ln.cells).strip().translate(_WIDE)
    return bool(text) and not any(ch.isdigit() for ch in text) and any(t.startswith(text) for t in labels)


_WIDE = str.maketrans("()", "（）")


def _line_of(lines: Sequence, place: tuple[int, int]) -> int | None:
    """The index of the last line of `place`'s part at or above its row."""
    best = None
    for i, ln in enumerate(lines):
        if ln.part == place[0] and ln.row <= place[1] and (best is None or ln.row >= lines[best].row):
            best = i
    return best


# Lines a file may hold after the last row read when it ends inside the next row: a group label and
# the first part of the row's own label.
_TAIL = 2


def broken_off_detail(table_label: str, after: str, names: list[str], shown: str,
                      inside: tuple[int, int] | None = None) -> str:
    """`inside`: the file ends on that row's line, which prints fewer numbers than the row's columns
    (numbers, columns): the row itself is cut, its printed numbers unplaced (each cell unread)."""
    if inside is None:
        return (f"表格“{table_label}”在“{after}”一行处中断，文件到此结束：其后 {len(names)} 行（{shown}）"
                "的数值不在文件中，这些单元格未读取（不是空白）。文件可能不完整（下载、复制或转换时被截断），"
                "请取得完整的报告核对。")
    rest = f"其余的数值和其后 {len(names)} 行（{shown}）的数值" if names else "其余的数值"   # (the table's last row)
    return (f"表格“{table_label}”在“{after}”一行中途中断，文件到此结束：这一行只印出 {inside[0]} 个数值"
            f"（模板有 {inside[1]} 列），{rest}不在文件中。"
            "这一行无法确定印出的是哪几格，这些单元格都未读取（不是空白）。文件可能不完整（下载、复制或转换时"
            "被截断），请取得完整的报告核对。")


CUT_MID_CHARACTER = "文件在最后一个字符的中途结束（下载或复制不完整）：已读到该字符之前为止"


def mid_character(report: Report, line: int | None, head: str = CUT_MID_CHARACTER, part: int | None = None) -> None:
    """The report's text file ended inside its last character, on `line`: the cells of that line
    after its last number were never in the file (unread, not blank: their F1 goes), and a warning
    says the file is cut short. A web page cut inside a table: `line` is the table's last row and
    `part` the table; cut elsewhere (`line` None), the warning only."""
    unread = 0
    if line is not None and report.format is not None and report.loc is not None and report.present is not None:
        on_line = report.present & (report.loc[:, 1] == line)
        if part is not None:
            on_line &= report.loc[:, 0] == part
        read = on_line & ~np.isnan(report.values)
        after = report.loc[:, 2] > (report.loc[read, 2].max() if read.any() else 0)
        gone = np.flatnonzero(on_line & ~read & after)
        report.present[gone] = False
        ids = {template(report.format).cell_ids[i] for i in gone}
        report.findings[:] = [f for f in report.findings
                              if not (f.rule == "F1" and f.cells and all(c.cell in ids for c in f.cells))]
        unread = len(ids)
    where = report.text_where(line or 0) if part is None else f"{report.text_where(0)} {report.parts[part]}第{line}行"
    report.findings.append(make(
        "F4", unit=report.unit, year=report.year, source=report.source, where=where, severity="warning",
        detail=head + "（紧挨着它的数字可能不完整，未读取）"
               + (f"，这一行其后的 {unread} 格不在文件中，未读取（不是空白）" if unread else "")
               + "；原文其后如还有内容，也不在文件中，请取得完整的报告核对。"))


def later_table_detail(table_label: str, cut_in: str) -> str:
    return (f"缺少标准表格“{table_label}”：文件在表格“{cut_in}”中途结束，其后的内容不在文件中"
            "（文件可能不完整，请取得完整的报告核对）。")


def beyond_edge(report: Report, pages: set[int], where: str) -> None:
    """Table `pages` (0-based) reach past the page's right edge: the F1s of rows on them become one
    F4 a page naming the same cells as not known (their numbers may be in the columns cut off)."""
    if not pages or report.format is None or report.loc is None:
        return
    tpl = template(report.format)
    keep: list[Finding] = []
    cut: dict[int, list[Finding]] = {}
    for f in report.findings:
        page = _page_of(report, tpl, f) if f.rule == "F1" else None
        if page is not None and page in pages:
            cut.setdefault(page, []).append(f)
        else:
            keep.append(f)
    if not cut:
        return
    for page, fs in sorted(cut.items()):
        cells = [c for f in fs for c in f.cells]
        rows = list(dict.fromkeys(_row_name(tpl, c.cell) for c in cells))
        shown = "、".join(rows[:6]) + ("等" if len(rows) > 6 else "")
        keep.append(make(
            "F4", unit=report.unit, year=report.year, source=report.source, cells=cells,
            where=f"{where} 第{page + 1}页",
            detail=f"这一页的表格比页面宽，超出页面右边缘的列被截去，文件中没有这些列的数值。{len(rows)} 行"
                   f"（{shown}）在页面内没有印出数值，无法判断是空白还是数值印在被截去的列里，"
                   "这些单元格未读取（不按空白计）。请取得完整的报告（原网页或原文件）核对。"))
    report.findings[:] = keep


def _page_of(report: Report, tpl, f: Finding) -> int | None:
    """The page (0-based part) all of an F1's cells stand on, or None."""
    parts = {int(report.loc[tpl.index[c.cell]][0]) for c in f.cells if c.cell in tpl.index}
    return parts.pop() if len(parts) == 1 else None


def _row_name(tpl, cid: str) -> str:
    """A cell's row as messages name it (`三（三）不予公开2.其他法律行政法规禁止公开`)."""
    from .grid import _row_label     # (grid imports this module)
    spec = tpl.cell(cid)
    return _row_label(spec.table, next(row for row in tpl.table(spec.table).rows if row.id == spec.row))
