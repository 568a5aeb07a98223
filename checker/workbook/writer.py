"""The collection workbook: one sheet per report laid out like the official tables (the format:
`checker.collection`), a `单位清单` index sheet, and blank templates for offices to fill in."""
from __future__ import annotations

import re
from collections.abc import Sequence
from copy import copy
from pathlib import Path
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange

from ..collection import (FACTS_SHEET, HEADER_CELLS, HEADER_FIELDS, HEADER_ROWS, INDEX_SHEET, PRIVATE_PREFIX,
                          is_reserved, source_shown)
from ..collection import departures, unread
from ..collection import facts as sheetfacts
from ..model import Finding, Report
from ..safetext import SHEET_NAME_UNITS, keep_as_text, same_sheet_name, sheet_name_cut, sheet_ref, storable
from .layout import SheetLayout, report_layout
from .sources import shown_findings, shown_sources
from .styles import Styler, print_fit_width, style_label

INDEX_COLUMNS = ("单位", "上级单位", "年度", "格式", "来源", "工作表")
FORMAT_LABELS = {"2021": "2021", "2019": "2019", "legacy": "legacy"}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\']")


@dataclass
class Collection:
    """The written workbook and where every report's cells went: placements[i][cell] = (sheet, row, col)."""
    workbook: Workbook
    sheets: list[str] = field(default_factory=list)
    placements: list[dict[str, tuple[str, int, int]]] = field(default_factory=list)
    # the header block's value cells by finding pseudo-cell (meta.period -> 统计期限), per report
    headers: list[dict[str, tuple[str, int, int]]] = field(default_factory=list)

    def locate(self, unit: str | None, year: int | None, cell: str | None,
               reports: list[Report]) -> tuple[str, int, int] | None:
        """The sheet cell of `cell` in the report (unit, year); its sheet's A1 when `cell` is None."""
        for i, r in enumerate(reports):
            if r.unit == unit and r.year == year:
                if cell is None:
                    return (self.sheets[i], 1, 1)
                return self.placements[i].get(cell) or self.headers[i].get(cell)
        return None


def sheet_name(unit: str | None, year: int | None, taken: set[str], fallback: str = "报告") -> str:
    """A unique sheet name (≤31 characters as Excel counts them, none of []:*?/\\', unique whatever
    the case: `safetext.sheet_name_cut`, `same_sheet_name`) from unit and year (or, for a report whose
    unit was not recognised, from its file name). `taken`: the names given so far, as compared."""
    base = _BAD_SHEET_CHARS.sub("", storable(f"{unit}{year or ''}" if unit else fallback)).strip() or "报告"
    if base.startswith(PRIVATE_PREFIX):     # no numbered suffix makes such a name free: drop the `_`
        base = base.lstrip("_")
    name, n = sheet_name_cut(base), 2
    while same_sheet_name(name) in taken or is_reserved(name):
        suffix = f"({n})"
        name, n = sheet_name_cut(base, SHEET_NAME_UNITS - len(suffix)) + suffix, n + 1
    taken.add(same_sheet_name(name))
    return name


def write_collection(reports: list[Report], parents: dict[str, str] | None = None,
                     inputs: Sequence[Path] | None = None, failures: Sequence[Finding] = ()) -> Collection:
    """One sheet per report (in the given order), then `单位清单`. `parents` maps unit -> 上级单位
    where the reports do not say it themselves; `inputs`, the files and folders given on the
    command line: each 来源 is written below them (`sources.shown_sources`), else as read.
    `failures`: the F5s of the inputs that could not be read, listed on a sheet `未导入`."""
    shown = shown_sources([*(r.source for r in reports), *(f.source for f in failures)], inputs) \
        if inputs is not None else {}
    wb = Workbook()
    wb.remove(wb.active)
    coll = Collection(wb)
    taken: set[str] = set()
    styler = Styler()
    for r in reports:
        name = sheet_name(r.unit, r.year, taken, Path(r.source).stem if r.source else "报告")
        ws = wb.create_sheet(name)
        parent = r.parent or (parents or {}).get(r.unit or "")
        coll.sheets.append(name)
        coll.placements.append(_write_report(ws, r, parent, styler, source_shown(shown.get(r.source or ""), r.place)))
        coll.headers.append({cid: (name, HEADER_ROWS[field], 2) for cid, field in HEADER_CELLS.items()})
    _write_index(wb, reports, coll.sheets, parents, shown)
    if failures:
        _write_unread(wb, shown_findings(failures, shown))
    _write_facts(wb, {name: sheetfacts.record(r, shown.get(r.source or "")) for name, r in zip(coll.sheets, reports)})
    for ws in wb.worksheets:      # unit names, titles, sources come from the documents
        keep_as_text(ws)
    return coll


def write_template(fmt: str) -> Workbook:
    """A blank collection workbook of format `fmt` for an office to fill in."""
    wb = Workbook()
    ws = wb.active
    ws.title = "年报表格"
    lay = report_layout(fmt, "（单位名称）____年政府信息公开工作年度报告")
    styler = Styler()
    _apply(ws, lay, styler)
    ws.cell(lay.meta_rows["格式"], 2, FORMAT_LABELS[fmt])
    for slot in lay.slots:
        styler.value(ws.cell(slot.row, slot.col), slot.kind)
    _header_prompts(ws, lay)
    return wb


# What a unit fills in the blank template's header block (shown when the cell is selected, as
# Excel's 输入信息; nothing is written into the cells, so nothing is read as a value).
HEADER_PROMPTS = {
    "单位": ("必填", "本单位全称，如：哈尔滨市道里区教育局"),
    "上级单位": ("选填", "汇总本单位报告的上级单位，如：哈尔滨市道里区人民政府"),
    "年度": ("必填", "报告所属年度，四位数字，如：2021"),
    "格式": ("已填好", "本模板的表格版式，请勿修改"),
    "来源": ("不必填写", "由校验工具记录报告来自哪个文件"),
    "标题": ("必填", "年报标题，如：道里区教育局2021年政府信息公开工作年度报告"),
    "统计期限": ("必填", "如：2021-01-01 至 2021-12-31"),
    "落款日期": ("必填", "报告落款日期，如：2022-01-20"),
}
PROMPT_FILL = "FFF2CC"      # pale yellow: the cells a unit fills in


def _header_prompts(ws, lay: SheetLayout) -> None:
    from openpyxl.styles import PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation
    for name, (title, prompt) in HEADER_PROMPTS.items():
        cell = ws.cell(lay.meta_rows[name], 2)
        dv = DataValidation(type=None, allow_blank=True, showInputMessage=True, promptTitle=title, prompt=prompt)
        dv.add(cell.coordinate)
        ws.add_data_validation(dv)
        if title == "必填":       # (the label itself stays as is: the reader finds the header by it)
            cell.fill = PatternFill("solid", fgColor=PROMPT_FILL)


def _write_report(ws, report: Report, parent: str | None, styler: Styler | None = None,
                  source: str | None = None) -> dict[str, tuple[str, int, int]]:
    styler = styler or Styler()
    fmt = report.format or "2021"
    title = report.title or (f"{report.unit}{report.year or ''}年政府信息公开工作年度报告" if report.unit
                             else f"政府信息公开工作年度报告（{Path(report.source).name}）")
    printed = report.cells
    lay = report_layout(fmt, title, only=set(printed) if report.format else set())
    _apply(ws, lay, styler)
    meta = {"单位": report.unit, "上级单位": parent, "年度": report.year,
            "格式": FORMAT_LABELS.get(fmt, fmt) if report.format else None, "来源": source or source_shown(report.source, report.place),
            "标题": report.title, "统计期限": sheetfacts.show_period(report.period), "落款日期": report.published}
    for name in HEADER_FIELDS:
        ws.cell(lay.meta_rows[name], 2, meta[name])
    placed: dict[str, tuple[str, int, int]] = {}
    for slot in lay.slots:
        cell = ws.cell(slot.row, slot.col)
        styler.value(cell, slot.kind)
        if slot.cell in printed:
            cell.value = _value(report, slot.cell, printed[slot.cell])
        placed[slot.cell] = (ws.title, slot.row, slot.col)
    placed |= _write_departures(ws, report, lay.last_row + 3, styler)
    return placed


def _write_departures(ws, report: Report, row: int, styler: Styler) -> dict[str, tuple[str, int, int]]:
    """The cells the documents printed in the other template generation, below the tables (the
    block's format: `checker.collection.departures`): nothing the report printed is lost."""
    items = departures.block_rows(report)
    if not items:
        return {}
    styler.label(ws.cell(row, 1, departures.title(report)), "section")
    for j, text in enumerate(departures.HEADER):
        styler.label(ws.cell(row + 1, 1 + j, text), "header")
    placed = {}
    for k, (label, value, tag, kind) in enumerate(items):
        at = row + 2 + k
        styler.label(ws.cell(at, 1, label), "label")
        cell = ws.cell(at, 2, value)
        styler.value(cell, kind)
        styler.label(ws.cell(at, 3, tag), "label")
        placed[tag.split(":", 1)[1]] = (ws.title, at, 2)
    return placed


def _value(report: Report, cell_id: str, value):
    """The number; for a cell the reader could not read as one, the text as printed (so the
    reviewer sees it and the check flags it again), never a silent 0."""
    if value is not None:
        return value
    meta = report.cell_meta.get(cell_id) or {}
    if meta.get("runtogether"):
        # the text is the whole row's run of digits (`7713` for three cells), not this cell's: written
        # into each cell it would read back as a number; the F3 kept in the facts sheet names the run
        return None
    text = meta.get("text")
    return text if text not in (None, "") else None


def _apply(ws, lay: SheetLayout, styler: Styler) -> None:
    for lab in lay.labels:
        styler.label(ws.cell(lab.row, lab.col, lab.text), lab.style)
    for m in lay.merges:
        _merge(ws, m)
    for col, width in lay.widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    for col in range(4, 16):
        ws.column_dimensions[get_column_letter(col)].width = 11
    _fit_label_rows(ws, lay)
    print_fit_width(ws)


def _fit_label_rows(ws, lay: SheetLayout) -> None:
    """Rows tall enough for their wrapped labels: a long 表三 row name (（六）其他处理's "申请人无正当
    理由逾期不补正…") in one 15-point row overlapped the rows below it."""
    spans = {(m.first_row, m.first_col): m for m in lay.merges}
    heights: dict[int, float] = {}
    for lab in lay.labels:
        m = spans.get((lab.row, lab.col))
        cols = range(lab.col, (m.last_col if m else lab.col) + 1)
        rows = (m.last_row - m.first_row + 1) if m else 1
        width = sum(ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in cols)
        text = str(lab.text or "")
        lines = -(-sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) // max(int(width * 0.95), 1))
        per_row = -(-lines // rows)
        if per_row > 1:
            heights[lab.row] = max(heights.get(lab.row, 0), 15.0 * per_row)
    for row, height in heights.items():
        ws.row_dimensions[row].height = height


def _merge(ws, m) -> None:
    """Merge a range whose every cell carries the top-left cell's style (so the borders of the
    merged box are whole). openpyxl's merge_cells recomputes the edge borders cell by cell, which
    made a 500-report import take minutes; copying one style array is what it amounts to here."""
    anchor = ws.cell(m.first_row, m.first_col)
    for r in range(m.first_row, m.last_row + 1):
        for c in range(m.first_col, m.last_col + 1):
            if (r, c) != (m.first_row, m.first_col):
                ws.cell(r, c)._style = copy(anchor._style)
    # MergedCellRange(ws, ref) adds the bottom-right cell's right and bottom borders to the anchor's:
    # here they are the anchor's own (copied above), so the sum is the anchor's border, but computing
    # it hashes two Border objects a merge (half of a 500-report import's writing time)
    merged = MergedCellRange.__new__(MergedCellRange)
    CellRange.__init__(merged, min_col=m.first_col, min_row=m.first_row, max_col=m.last_col, max_row=m.last_row)
    merged.ws, merged.start_cell = ws, anchor
    ws.merged_cells.add(merged)


def _write_facts(wb: Workbook, records: dict[str, dict]) -> None:
    """What the documents said beyond the tables (prose, outline, reading findings), for the
    reader to restore; veryHidden: a reviewer cannot unhide it by accident, Excel keeps it."""
    ws = wb.create_sheet(FACTS_SHEET)
    for row in sheetfacts.rows(records):
        ws.append(row)
    ws.sheet_state = "veryHidden"


def _write_unread(wb: Workbook, failures: list[Finding]) -> None:
    """The inputs not imported, right after `单位清单`: what the collection lacks is seen in it."""
    ws = wb.create_sheet(unread.UNREAD_SHEET, 1)
    ws.append([unread.INTRO])
    ws.append(list(unread.COLUMNS))
    for c in ws[2]:
        style_label(c, "header")
    for row in unread.rows(failures):
        ws.append(row)
    ws.freeze_panes = "A3"
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 40, 100
    print_fit_width(ws)


def _write_index(wb: Workbook, reports: list[Report], sheets: list[str], parents, shown: dict[str, str]) -> None:
    ws = wb.create_sheet(INDEX_SHEET, 0)
    ws.append(list(INDEX_COLUMNS))
    for c in ws[1]:
        style_label(c, "header")
    for r, name in zip(reports, sheets):
        ws.append([r.unit, r.parent or (parents or {}).get(r.unit or ""), r.year, r.format,
                   source_shown(shown.get(r.source or "", r.source), r.place), name])
        link = ws.cell(ws.max_row, len(INDEX_COLUMNS))
        link.hyperlink = Hyperlink(ref=link.coordinate, location=sheet_ref(name, "A1"))
        link.style = "Hyperlink"
    ws.freeze_panes = "A2"
    print_fit_width(ws)
    for col, width in zip("ABCDEF", (30, 24, 8, 8, 40, 30)):
        ws.column_dimensions[col].width = width
