"""Hidden rows and merged cells of a workbook open in Excel, read through xlwings' object model, so
that the 运行校验 button reads a sheet as `xxgk check` reads the same workbook from disk (the file
path gets both from the file: `readers.hiddenrows`, calamine's merged ranges).

Desktop Excel (Windows, macOS) answers `Range.rows.hidden`, `Range.merge_cells` and
`Range.merge_area` synchronously. A few calls answer for a whole sheet (used range unmerged, no row
hidden); only the rows that have some are asked cell by cell. xlwings' remote engine (xlwings Server)
and xlwings Lite cannot read either synchronously (NotImplementedError: Lite only by `await`, one
round trip a range): there both are unknown and the sheet is read as values only, which README says.
"""
from __future__ import annotations

Range = tuple[tuple[int, int], tuple[int, int]]     # (first row, col), (last row, col): 0-based


def sheet_marks(sheet, height: int, width: int) -> tuple[set[int], list[Range]] | None:
    """(hidden rows, merged ranges) of the sheet's first `height` rows and `width` columns, 0-based
    as its values; None when the engine cannot tell (remote engine, Lite)."""
    if not height or not width:
        return set(), []
    try:
        return _hidden(sheet, height), _merged(sheet, height, width)
    except NotImplementedError:
        return None


def _hidden(sheet, height: int) -> set[int]:
    state = sheet.range((1, 1), (height, 1)).rows.hidden      # False: none; True: all; None: some
    if state is not None:
        return set(range(height)) if state else set()
    return {r for r in range(height) if sheet.range((r + 1, 1)).rows.hidden}


def _merged(sheet, height: int, width: int) -> list[Range]:
    if sheet.range((1, 1), (height, width)).merge_cells is False:
        return []
    found: list[Range] = []
    seen: set[tuple[int, int]] = set()
    for r in range(height):
        if sheet.range((r + 1, 1), (r + 1, width)).merge_cells is False:
            continue
        for c in range(width):
            if (r, c) in seen or not sheet.range((r + 1, c + 1)).merge_cells:
                continue
            area = sheet.range((r + 1, c + 1)).merge_area
            rows, cols = area.shape
            first = (area.row - 1, area.column - 1)
            last = (first[0] + rows - 1, first[1] + cols - 1)
            found.append((first, last))
            seen.update((i, j) for i in range(first[0], last[0] + 1) for j in range(first[1], last[1] + 1))
    return found
