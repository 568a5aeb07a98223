"""Apply an annotation plan to a workbook loaded with openpyxl (then saved to a file)."""
from __future__ import annotations

from openpyxl.cell.cell import MergedCell
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.colors import COLOR_INDEX, Color
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from . import layout
from . import state as st
from ..safetext import keep_as_text, sheet_ref
from ..workbook.styles import print_fit_width
from .plan import Plan

AUTHOR = "xxgk-checker"
POINTS_PER_CM = 72 / 2.54


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
        if cell is None:          # inside merged ranges that overlap and lead to no cell: its row in 校验结果 says it
            continue
        cell.fill = _fill(op.fill)
        if op.note == st.KEEP:
            continue
        if op.note and id(cell) in noted:     # two flagged cells merged into one box: both notes
            noted[id(cell)] += "\n\n" + op.note
        elif op.note:
            noted[id(cell)] = op.note
        cell.comment = _comment(noted[id(cell)]) if op.note else None
    for sheet in plan.sheets():
        _draw(sheet, wb)
    _write_state(plan, wb)


def _visible(ws, row: int, col: int):
    """The cell a reviewer sees at (row, col): inside a merged range, the range's top-left cell (the
    others cannot hold a note or show a fill). Ranges that overlap (Excel repairs such a file, other
    tools write them) may put that top-left inside another range: followed on to a cell that can
    hold one, or None when there is none."""
    cell, seen = ws.cell(row, col), set()
    while isinstance(cell, MergedCell):
        seen.add((cell.row, cell.column))
        corner = next(((r.min_row, r.min_col) for r in ws.merged_cells.ranges
                       if r.min_row <= cell.row <= r.max_row and r.min_col <= cell.column <= r.max_col
                       and (r.min_row, r.min_col) not in seen), None)
        if corner is None:
            return None
        cell = ws.cell(*corner)
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


def _draw(sheet: layout.Sheet, wb) -> None:
    """One sheet of the plan's layout, replacing an earlier run's."""
    if sheet.name in wb.sheetnames:
        wb.remove(wb[sheet.name])
    ws = wb.create_sheet(sheet.name, sheet.position)
    for r0, c0, values in sheet.blocks:
        for i, line in enumerate(values):
            for j, v in enumerate(line):
                if v is not None:
                    ws.cell(r0 + i, c0 + j, v)
    for row, first, last in sheet.bold:
        for c in range(first, last + 1):
            ws.cell(row, c).font = Font(bold=True)
    for (row, col), colour in sheet.fills.items():
        if colour:
            ws.cell(row, col).fill = _fill(colour)
    for col in sheet.wrap_columns:
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row, col, (target, lr, lc), text in sheet.links:
        cell = ws.cell(row, col)
        # an internal link (location), not an external target "#..." that some viewers open as a file
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=sheet_ref(target, f"{get_column_letter(lc)}{lr}"))
        cell.value = cell.value or text or f"{target}!{get_column_letter(lc)}{lr}"
        cell.style = "Hyperlink"
    keep_as_text(ws)      # unit names, messages, sheet names in link texts: text, never formulas
    if sheet.table:
        r1, c1, r2, c2 = sheet.table
        ws.auto_filter.ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
    if sheet.freeze_row:
        ws.freeze_panes = f"A{sheet.freeze_row}"
    for col, width in sheet.widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    for col in sheet.hidden_columns:
        ws.column_dimensions[get_column_letter(col)].hidden = True
    for row, height in sheet.heights.items():
        ws.row_dimensions[row].height = height
    for chart in sheet.charts:
        ws.add_chart(_bar_chart(ws, chart), f"{get_column_letter(chart.anchor[1])}{chart.anchor[0]}")
    print_fit_width(ws)


def _bar_chart(ws, spec: layout.Chart) -> BarChart:
    """A native horizontal bar chart of one column, largest first (at the top)."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = spec.title
    chart.legend = None
    col, first, last = spec.values
    chart.add_data(Reference(ws, min_col=col, min_row=first, max_row=last), titles_from_data=True)
    col, first, last = spec.categories
    chart.set_categories(Reference(ws, min_col=col, min_row=first, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"      # the first row (most problems) at the top
    chart.x_axis.delete = chart.y_axis.delete = False    # openpyxl hides both axes by default
    chart.width, chart.height = spec.width / POINTS_PER_CM, spec.height / POINTS_PER_CM
    return chart


def _write_state(plan: Plan, wb) -> None:
    if plan.state_name in wb.sheetnames:      # an earlier run's (a sheet of theirs gets ours named apart)
        wb.remove(wb[plan.state_name])
    ws = wb.create_sheet(plan.state_name)
    for row in plan.state:
        ws.append(row)
    keep_as_text(ws)
    ws.sheet_state = "hidden"


__all__ = ["OpenpyxlView", "apply"]
