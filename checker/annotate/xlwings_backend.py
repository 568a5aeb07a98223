"""Apply an annotation plan to an open workbook through xlwings: desktop Excel (Windows/macOS,
`xw.Book.caller()`), or the remote engine behind xlwings Server and Lite (`xw.Book(json=...)`),
which has the same Book/Sheet/Range API but turns each change into an action for the client."""
from __future__ import annotations

from . import state as st
from .plan import Plan

TABLE_NAME = "xxgk_results"
SEVERITY_FILLS = {"错误": "#FFC7CE", "警告": "#FFEB9C", "提示": "#DDEBF7"}
LEGEND_FILLS = {"红色": "#FF7C80", "橙色": "#FFD966", "绿色": "#C6EFCE"}


def sheet_values(sheet) -> list[list]:
    """All values from A1 to the last used cell as a 2-D list (the shape calamine gives)."""
    used = sheet.used_range
    last = used.last_cell
    if last.row == 1 and last.column == 1 and used.value is None:
        return []
    values = sheet.range((1, 1), (last.row, last.column)).options(ndim=2).value
    return [list(r) for r in values]


class XlwingsView:
    """The plan's read-only view of a workbook opened through xlwings."""
    def __init__(self, book):
        self.book = book

    def sheet_names(self) -> list[str]:
        return [s.name for s in self.book.sheets]

    def values(self, sheet: str) -> list[list] | None:
        if sheet not in self.sheet_names():
            return None
        return sheet_values(self.book.sheets[sheet])

    def original(self, sheet: str, row: int, col: int) -> st.Original:
        rng = self.book.sheets[sheet].range((row, col))
        try:                       # desktop Excel reads fills and notes back
            color = rng.color
            fill = "#{:02X}{:02X}{:02X}".format(*color) if color else None
        except NotImplementedError:  # the remote engine cannot: assume none (our own sheets have none)
            fill = None
        note = rng.note
        if note is None:
            return st.Original(fill, None)
        try:
            return st.Original(fill, note.text)
        except NotImplementedError:  # an existing note we cannot read is left alone
            return st.Original(fill, st.KEEP)


# Notes written at most: each is one round trip in Excel on the web, and a huge workbook's
# thousands would stall it; 校验结果 lists every finding anyway.
MAX_NOTES = 1000


def apply(plan: Plan, book) -> None:
    notes, unsupported = 0, False
    for op in plan.cells:
        rng = book.sheets[op.sheet].range((op.row, op.col))
        rng.color = op.fill if op.fill and op.fill.startswith("#") else None
        if op.note == st.KEEP or unsupported:
            continue
        try:
            existing = rng.note
            if op.note is None:
                if existing is not None:
                    existing.delete()
            elif notes >= MAX_NOTES:
                continue
            elif existing is not None:
                existing.text = op.note
                notes += 1
            else:
                rng.add_note(op.note)
                notes += 1
        except NotImplementedError:   # "Notes require ExcelApi 1.18": flags and 校验结果 still go on
            unsupported = True
    wanted = sum(1 for op in plan.cells if op.note not in (None, st.KEEP))
    _write_results(plan, book, _notes_line(wanted, notes, unsupported))
    _write_state(plan, book)


def _notes_line(wanted: int, written: int, unsupported: bool) -> str | None:
    """What the results sheet says when not every flagged cell got its note."""
    if unsupported:
        return ("批注未写入：此版本的 Excel 不支持批注（需要 ExcelApi 1.18），"
                "各问题的说明见本表；单元格底色照常标出。")
    if written < wanted:
        return f"批注只写入前 {written} 条（共 {wanted} 条），全部问题见本表。"
    return None


def status(book, text: str | None) -> None:
    """Excel's status bar where there is one (desktop); the remote engine has none."""
    try:
        book.app.status_bar = text if text else False
    except Exception:
        pass


def _replace_sheet(book, name: str, first: bool):
    if name in [s.name for s in book.sheets]:
        book.sheets[name].delete()
    if first:
        return book.sheets.add(name, before=book.sheets[0])
    return book.sheets.add(name, after=book.sheets[len(book.sheets) - 1])


def _write_results(plan: Plan, book, notes_line: str | None = None) -> None:
    ws = _replace_sheet(book, st.RESULTS_SHEET, first=True)
    width = len(plan.header)
    ws.range("A1").value = [plan.header] + [r.values for r in plan.results]
    header = ws.range((1, 1), (1, width))
    header.font.bold = True
    header.color = "#DDEBF7"
    link_col = plan.header.index("可疑单元格") + 1
    for i, row in enumerate(plan.results, 2):
        ws.range((i, 3)).color = SEVERITY_FILLS.get(row.values[2])
        if row.status == "已核实":
            ws.range((i, 2)).color = "#C6EFCE"
        if row.link:
            sheet, r, c = row.link
            target = ws.range((i, link_col))
            addr = book.sheets[sheet].range((r, c)).get_address(False, False)
            target.add_hyperlink(f"#'{sheet}'!{addr}", row.values[link_col - 1] or f"{sheet}!{addr}")
    ws.tables.add(source=ws.range((1, 1), (1 + max(len(plan.results), 1), width)), has_headers=True,
                  name=TABLE_NAME)
    _freeze_header(ws)
    ws.range((1, width)).columns.hidden = True
    _side_block(plan, ws, width + 2)
    if notes_line:
        ws.range((2, width + 2)).value = notes_line


def _freeze_header(ws) -> None:
    """Freeze row 1. The remote engine has `freeze_panes`; desktop xlwings does not (yet), so on
    Windows Excel's own window object does it; elsewhere the header simply stays unfrozen."""
    try:
        ws.freeze_panes.freeze_at("1:1")
        return
    except (AttributeError, NotImplementedError):
        pass
    try:
        ws.activate()
        window = ws.book.app.api.ActiveWindow
        window.FreezePanes = False
        window.SplitColumn, window.SplitRow = 0, 1
        window.FreezePanes = True
    except Exception:
        pass


def _side_block(plan: Plan, ws, col: int) -> None:
    ws.range((1, col)).value = f"待处理 {plan.open} 条，已核实 {plan.accepted} 条"
    ws.range((1, col)).font.bold = True
    ws.range((3, col)).value = [list(x) for x in plan.legend]
    for i, (name, _) in enumerate(plan.legend):
        if name in LEGEND_FILLS:
            ws.range((3 + i, col)).color = LEGEND_FILLS[name]
    row = 3 + len(plan.legend) + 1
    ws.range((row, col)).value = "各报告问题数"
    ws.range((row, col)).font.bold = True
    ws.range((row + 1, col)).value = plan.counts


def _write_state(plan: Plan, book) -> None:
    ws = _replace_sheet(book, st.STATE_SHEET, first=False)
    ws.range("A1").value = plan.state
    ws.visible = False
