"""The book payload of xlwings' remote engine (behind xlwings Server and Lite), built from sheet
values: what the Office.js client sends with a request. Used to run the Excel entry point and
the xlwings backend without Excel (tests, `make demo`), exactly as a Server request would."""
from __future__ import annotations

import datetime as dt
import math


def book_json(name: str, sheets: dict[str, list[list]], notes: dict[str, list[str]] | None = None,
              hidden: tuple[str, ...] = ()) -> dict:
    """`sheets`: name -> 2-D values from A1; `notes`: name -> addresses ("B2") that hold a note."""
    import xlwings as xw
    return {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": name, "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": [_sheet(n, v, (notes or {}).get(n, []), n in hidden) for n, v in sheets.items()],
    }


def workbook_json(path) -> dict:
    """The payload for an .xlsx/.xlsm file as Excel would send it (values, hidden sheets, notes)."""
    from openpyxl import load_workbook
    wb = load_workbook(path, data_only=True)
    sheets, notes, hidden = {}, {}, []
    for ws in wb.worksheets:
        sheets[ws.title] = [list(r) for r in ws.iter_rows(values_only=True)]
        notes[ws.title] = [c.coordinate for row in ws.iter_rows() for c in row if c.comment is not None]
        if ws.sheet_state != "visible":
            hidden.append(ws.title)
    return book_json(path.name if hasattr(path, "name") else str(path), sheets, notes, tuple(hidden))


def _sheet(name: str, values: list[list], notes: list[str], hidden: bool) -> dict:
    return {
        "name": name, "values": _clean(values) or [[]], "pictures": [], "shapes": [], "charts": [],
        "notes": [{"address": a} for a in notes], "tables": [], "pivot_tables": [], "print_area": None,
        "visibility": "Hidden" if hidden else "Visible", "show_gridlines": True,
    }


def _clean(values: list[list]) -> list[list]:
    """Rectangular, JSON-friendly values as the client sends them ("" for an empty cell)."""
    width = max((len(r) for r in values), default=0)
    out = []
    for row in values:
        row = list(row) + [None] * (width - len(row))
        out.append([_value(v) for v in row])
    return out


def _value(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()
    return v
