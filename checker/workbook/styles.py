"""The look of the collection workbook (openpyxl styles), kept apart from the layout."""
from __future__ import annotations

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
