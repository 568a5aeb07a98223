"""Apply an annotation plan to a workbook loaded with openpyxl (then saved to a file)."""
from __future__ import annotations

from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.colors import COLOR_INDEX, Color
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from . import state as st
from ..safetext import keep_as_text
from ..workbook.styles import print_fit_width
from .plan import Plan, SEVERITY_LABELS

AUTHOR = "xxgk-checker"
SEVERITY_FILLS = {"错误": "FFC7CE", "警告": "FFEB9C", "提示": "DDEBF7"}


class OpenpyxlView:
    """The plan's read-only view of an openpyxl workbook."""
    def __init__(self, wb):
        self.wb = wb
        self.sheets = _by_name(wb)

    def sheet_names(self) -> list[str]:
        return list(self.sheets)

    def values(self, sheet: str) -> list[list] | None:
        if sheet not in self.sheets:
            return None
        return [list(r) for r in self.sheets[sheet].iter_rows(values_only=True)]

    def original(self, sheet: str, row: int, col: int) -> st.Original:
        cell = self.sheets[sheet].cell(row, col)
        note = cell.comment.text if cell.comment is not None else None
        return st.Original(fill=_fill_code(cell.fill), note=note)


def _by_name(wb) -> dict:
    """Sheets by name: `wb[name]` walks the sheet list on every call (slow on 500 sheets)."""
    return {ws.title: ws for ws in wb.worksheets}


def apply(plan: Plan, wb) -> None:
    sheets = _by_name(wb)
    noted: dict[int, str] = {}
    for op in plan.cells:
        cell = _visible(sheets[op.sheet], op.row, op.col)
        cell.fill = _fill(op.fill)
        if op.note == st.KEEP:
            continue
        if op.note and id(cell) in noted:     # two flagged cells merged into one box: both notes
            noted[id(cell)] += "\n\n" + op.note
        elif op.note:
            noted[id(cell)] = op.note
        cell.comment = _comment(noted[id(cell)]) if op.note else None
    _write_results(plan, wb)
    _write_state(plan, wb)


def _visible(ws, row: int, col: int):
    """The cell a reviewer sees at (row, col): inside a merged range, the range's top-left cell (the
    others cannot hold a note or show a fill)."""
    cell = ws.cell(row, col)
    if isinstance(cell, MergedCell):
        for rng in ws.merged_cells.ranges:
            if rng.min_row <= row <= rng.max_row and rng.min_col <= col <= rng.max_col:
                return ws.cell(rng.min_row, rng.min_col)
    return cell


def _comment(text: str) -> Comment:
    c = Comment(text, AUTHOR)
    c.width, c.height = 360, max(120, min(600, 18 * text.count("\n") + 60))
    return c


def _fill_code(fill) -> str | None:
    """A cell's fill as text the state sheet can keep: "#RRGGBB", "theme:N:tint" or None."""
    if fill is None or fill.fill_type != "solid":
        return None
    color: Color = fill.fgColor
    if color.type == "rgb" and isinstance(color.rgb, str):
        return "#" + color.rgb[-6:]
    if color.type == "indexed" and color.indexed is not None and color.indexed < len(COLOR_INDEX):
        return "#" + COLOR_INDEX[color.indexed][-6:]
    if color.type == "theme":
        return f"theme:{color.theme}:{color.tint}"
    return None


def _fill(code: str | None) -> PatternFill:
    if not code:
        return PatternFill(fill_type=None)
    if code.startswith("theme:"):
        _, theme, tint = code.split(":")
        return PatternFill("solid", fgColor=Color(theme=int(theme), tint=float(tint)))
    return PatternFill("solid", fgColor="FF" + code.lstrip("#").upper())


def _write_results(plan: Plan, wb) -> None:
    if st.RESULTS_SHEET in wb.sheetnames:
        wb.remove(wb[st.RESULTS_SHEET])
    ws = wb.create_sheet(st.RESULTS_SHEET, 0)
    ws.append(plan.header)
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
    link_col = plan.header.index("可疑单元格") + 1
    for row in plan.results:
        ws.append(row.values)
        r = ws.max_row
        sev = ws.cell(r, 3)
        sev.fill = _fill(SEVERITY_FILLS.get(sev.value))
        if row.status == "已核实":
            ws.cell(r, 2).fill = _fill("C6EFCE")
        if row.link:
            cell = ws.cell(r, link_col)
            sheet, lr, lc = row.link
            # an internal link (location), not an external target "#..." that some viewers open as a file
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!{get_column_letter(lc)}{lr}")
            cell.value = cell.value or f"{sheet}!{get_column_letter(lc)}{lr}"
            cell.style = "Hyperlink"
    last = get_column_letter(len(plan.header))
    ws.auto_filter.ref = f"A1:{last}{max(ws.max_row, 2)}"
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHIJKLMN", (6, 10, 8, 24, 6, 6, 22, 70, 22, 10, 10, 10, 16, 18)):
        ws.column_dimensions[col].width = width
    ws.column_dimensions[last].hidden = True
    print_fit_width(ws)
    _side_block(ws, plan, len(plan.header) + 2)
    keep_as_text(ws)


def _side_block(ws, plan: Plan, col: int) -> None:
    """Legend and per-report counts to the right of the findings, outside the filter range."""
    row = 1
    ws.cell(row, col, f"待处理 {plan.open} 条，已核实 {plan.accepted} 条").font = Font(bold=True)
    row += 2
    for i, (name, text) in enumerate(plan.legend):
        a = ws.cell(row + i, col, name)
        ws.cell(row + i, col + 1, text)
        if i == 0:
            a.font = Font(bold=True)
    fills = {"红色": "FF7C80", "橙色": "FFD966", "绿色": "C6EFCE"}
    for i, (name, _) in enumerate(plan.legend):
        if name in fills:
            ws.cell(row + i, col).fill = _fill(fills[name])
    row += len(plan.legend) + 1
    ws.cell(row, col, "各报告问题数").font = Font(bold=True)
    for i, line in enumerate(plan.counts, 1):
        for j, v in enumerate(line):
            cell = ws.cell(row + i, col + j, v)
            if i == 1:
                cell.font = Font(bold=True)
    ws.column_dimensions[get_column_letter(col)].width = 22
    ws.column_dimensions[get_column_letter(col + 1)].width = 40


def _write_state(plan: Plan, wb) -> None:
    if st.STATE_SHEET in wb.sheetnames:
        wb.remove(wb[st.STATE_SHEET])
    ws = wb.create_sheet(st.STATE_SHEET)
    for row in plan.state:
        ws.append(row)
    keep_as_text(ws)
    ws.sheet_state = "hidden"


__all__ = ["OpenpyxlView", "apply", "SEVERITY_LABELS"]
