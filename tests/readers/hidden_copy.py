"""An office's workbook whose 规章 row was kept with last year's figures (77) and hidden above the
visible one, instead of deleted (what offices do): a generated report's workbook, changed so."""
from __future__ import annotations

import openpyxl

from bench.renditions import reports, workbook


def hidden_copy_book(folder, hide_copy: bool = True, hide_own: str | None = None):
    """(the report, the sheet row of the copy, the workbook's path); `hide_own`: a row label whose
    own row is hidden too."""
    r = reports(2, 7)[-1]
    path = workbook(r, folder / "年报.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    row = next(c.row for c in ws["A"] if c.value == "规章")
    ws.insert_rows(row)
    ws.cell(row, 1, "规章")
    for col in range(2, ws.max_column + 1):
        if ws.cell(row + 1, col).value is not None:
            ws.cell(row, col, 77)
    ws.row_dimensions[row].hidden = hide_copy
    if hide_own:
        own = next(c.row for c in ws["A"] if c.value == hide_own)
        ws.row_dimensions[own].hidden = True
    wb.save(path)
    return r, row, path
