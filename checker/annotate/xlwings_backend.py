"""Apply an annotation plan to an open workbook through xlwings: desktop Excel (Windows/macOS,
`xw.Book.caller()`), or the remote engine behind xlwings Server and Lite (`xw.Book(json=...)`),
which has the same Book/Sheet/Range API but turns each change into an action for the client."""
from __future__ import annotations

from . import layout
from . import state as st
from ..safetext import quoted, quoted_rows, sheet_ref
from .plan import Plan


def sheet_values(sheet) -> list[list]:
    """All values from A1 to the last used cell as a 2-D list (the shape calamine gives)."""
    used = sheet.used_range
    last = used.last_cell
    if last.row == 1 and last.column == 1 and used.value is None:
        return []
    cells = sheet.range((1, 1), (last.row, last.column))
    try:
        values = cells.options(ndim=2).value
    except ValueError:
        # the remote engine (xlwings Server, Lite) takes a text cell shaped like a date and time
        # ('2021-01-01T00:00:00', a date pasted as text) for one of its own dates and fails on it:
        # read the values as the client sent them, such a text kept as text
        raw = cells.raw_value
        rows = raw if isinstance(raw, (list, tuple)) and raw and isinstance(raw[0], (list, tuple)) else [raw]
        values = [[_client_value(v) for v in (row if isinstance(row, (list, tuple)) else [row])] for row in rows]
    return [list(r) for r in values]


EXCEL_ERRORS = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#DATA!"))


def _client_value(v):
    """One value of an Office.js payload as xlwings would give it, where xlwings cannot: "" is an
    empty cell, an error value none, an ISO date with its 'Z' a datetime, any other text text."""
    if v == "" or (isinstance(v, str) and v in EXCEL_ERRORS):
        return None
    if isinstance(v, str) and v.endswith("Z") and len(v) >= 20 and v[10:11] == "T":
        import datetime as dt
        try:
            return dt.datetime.fromisoformat(v[:-1])
        except ValueError:
            return v
    return v


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
    plan.notes_line = _notes_line(wanted, notes, unsupported)
    for sheet in plan.sheets():
        _draw(sheet, book)
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
    return _new_sheet(book, name, 0 if first else None)


def _new_sheet(book, name: str, position: int | None):
    """A new empty sheet `name` replacing one of that name, at `position` (None: last)."""
    names = [s.name for s in book.sheets]
    if names == [name]:
        # the workbook's only sheet (a workbook left with just an earlier run's 校验结果): Excel keeps
        # at least one sheet, so the new one comes first, then the old one goes and the new one is named
        ws = book.sheets.add(after=book.sheets[0])
        book.sheets[name].delete()
        ws.name = name
        return ws
    if name in names:
        book.sheets[name].delete()
    if position == 0:
        return book.sheets.add(name, before=book.sheets[0])
    last = len(book.sheets) if position is None else min(position, len(book.sheets))
    # after its predecessor (the remote engine mis-places `before=` any sheet but the first)
    return book.sheets.add(name, after=book.sheets[last - 1])


def _draw(sheet: layout.Sheet, book) -> None:
    """One sheet of the plan's layout, replacing an earlier run's: one write per block of values."""
    ws = _new_sheet(book, sheet.name, sheet.position)
    for r0, c0, values in sheet.blocks:
        ws.range((r0, c0)).value = quoted_rows(values)   # report text stays text
    for row, first, last in sheet.bold:
        ws.range((row, first), (row, last)).font.bold = True
    _fills(ws, sheet.fills)
    for row, col, (target, r, c), text in sheet.links:
        addr = book.sheets[target].range((r, c)).get_address(False, False)
        # the shown text is report text (a unit name): Excel would take `=…` as a formula there too
        ws.range((row, col)).add_hyperlink("#" + sheet_ref(target, addr), quoted(text or f"{target}!{addr}"))
    if sheet.table:
        r1, c1, r2, c2 = sheet.table
        ws.tables.add(source=ws.range((r1, c1), (r2, c2)), has_headers=True, name=sheet.table_name)
    if sheet.freeze_row:
        _freeze_rows(ws, sheet.freeze_row - 1)
    in_points = _widths_in_points(book)
    for col, width in sheet.widths.items():      # before hiding: setting a width shows a column again
        _try(lambda: setattr(ws.range((1, col)), "column_width", points(width) if in_points else width))
    for col in sheet.hidden_columns:
        ws.range((1, col)).columns.hidden = True
    for col in sheet.wrap_columns:
        _try(lambda: setattr(ws.range((2, col), (sheet.table[2] if sheet.table else 2, col)), "wrap_text", True))
    for row, height in sheet.heights.items():
        _try(lambda: setattr(ws.range((row, 1)), "row_height", height))
    for chart in sheet.charts:
        _bar_chart(ws, chart)


def _widths_in_points(book) -> bool:
    """The layout's widths are in characters, as desktop Excel's `ColumnWidth` takes them; the
    remote engine (Office.js `RangeFormat.columnWidth`, xlwings Server and Lite) takes points."""
    try:
        return book.app.engine.name == "remote"
    except Exception:
        return False


def points(characters: float) -> float:
    """A column width in characters as points: Excel's default font draws a digit 7 pixels wide,
    a column has 5 pixels of padding, and a pixel is 3/4 point (8.43 characters = 64 px = 48 pt)."""
    return round((characters * 7 + 5) * 0.75, 2)


def _try(write) -> None:
    """A format the engine may not support (the remote engine lacks some): the sheet is still right."""
    try:
        write()
    except (AttributeError, NotImplementedError):
        pass


def _fills(ws, fills: dict) -> None:
    """Fills, a run of same-coloured cells in a row as one range (the header: one action, not 14)."""
    cells = sorted((rc, colour) for rc, colour in fills.items() if colour)
    i = 0
    while i < len(cells):
        (row, col), colour = cells[i]
        j = i
        while j + 1 < len(cells) and cells[j + 1][0] == (row, cells[j][0][1] + 1) and cells[j + 1][1] == colour:
            j += 1
        ws.range((row, col), (row, cells[j][0][1])).color = colour
        i = j + 1


def _bar_chart(ws, spec: layout.Chart):
    """A native bar chart of the layout's two columns (names and numbers, with their header)."""
    source = ws.range((spec.header_row, spec.column), (spec.last_row, spec.column + 1))
    anchor = ws.range(spec.anchor)
    try:       # the remote engine places a chart at a cell
        chart = ws.charts.add(0, 0, spec.width, spec.height, chart_type="bar_clustered", anchor=anchor)
    except TypeError:  # desktop Excel: by points, from the cell's position
        chart = ws.charts.add(anchor.left, anchor.top, spec.width, spec.height)
        chart.chart_type = "bar_clustered"
    chart.set_source_data(source)
    try:
        chart.title = spec.title
    except (AttributeError, NotImplementedError):   # an engine without chart titles: the sheet says it
        pass
    return chart


def _freeze_rows(ws, rows: int) -> None:
    """Freeze the top `rows`. The remote engine has `freeze_panes`; desktop xlwings does not (yet),
    so on Windows Excel's own window object does it; elsewhere the header simply stays unfrozen."""
    try:
        ws.freeze_panes.freeze_at(f"1:{rows}")
        return
    except (AttributeError, NotImplementedError):
        pass
    try:
        ws.activate()
        window = ws.book.app.api.ActiveWindow
        window.FreezePanes = False
        window.SplitColumn, window.SplitRow = 0, rows
        window.FreezePanes = True
    except Exception:
        pass


def _write_state(plan: Plan, book) -> None:
    ws = _replace_sheet(book, plan.state_name, first=False)
    ws.range("A1").value = quoted_rows(plan.state)
    ws.visible = False
