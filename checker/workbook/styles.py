"""The look of the collection workbook (openpyxl styles), kept apart from the layout."""
from __future__ import annotations

from copy import copy

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
FONTS = {
    "title": Font(bold=True, size=14),
    "section": Font(bold=True, size=12),
    "header": Font(bold=True),
    "meta": Font(bold=True),
    "label": Font(),
}
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
WRAP_LEFT = Alignment(wrap_text=True, vertical="center", horizontal="left")
NUMBER_FORMATS = {"wan": "0.00", "money": "#,##0.##"}


class Styler:
    """Styles cells of one workbook; the first cell of each kind is styled in full and the others
    copy its style array (openpyxl's documented `copy(cell._style)`): big imports spend their time
    styling (bench/NOTES.md)."""
    def __init__(self):
        self._done: dict[tuple, object] = {}

    def label(self, cell, style: str) -> None:
        self._apply(cell, ("label", style), lambda: style_label(cell, style))

    def value(self, cell, kind: str) -> None:
        self._apply(cell, ("value", kind), lambda: style_value(cell, kind))

    def _apply(self, cell, key: tuple, first) -> None:
        done = self._done.get(key)
        if done is None:
            first()
            self._done[key] = copy(cell._style)
        else:
            cell._style = copy(done)


def style_label(cell, style: str) -> None:
    cell.font = FONTS[style]
    if style in ("header", "label"):
        cell.border = BORDER
        cell.alignment = WRAP_CENTER if style == "header" else WRAP_LEFT
    if style == "header":
        cell.fill = HEADER_FILL


def style_value(cell, kind: str) -> None:
    cell.border = BORDER
    cell.alignment = Alignment(horizontal="right", vertical="center")
    if kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[kind]


def print_fit_width(ws) -> None:
    """Landscape, one page wide: the tables print (and render) the way the templates look."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
