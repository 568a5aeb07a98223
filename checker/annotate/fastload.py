"""Loading a big workbook with openpyxl without its merged-cell restyling.

openpyxl's reader replaces every cell of a merged range by an empty `MergedCell` and then
recomputes the range's edge borders from its top-left cell, comparing and hashing style objects
cell by cell: for a 500-sheet collection (16,000 merged ranges) that was two thirds of the
annotation time. Here each `MergedCell` simply keeps the style the file gave that very cell, which
is also more faithful (the workbook is written back as it was read), and costs a dictionary look-up.
"""
from __future__ import annotations

from contextlib import contextmanager

from openpyxl.cell.cell import MergedCell
from openpyxl.worksheet import _reader
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.merge import MergedCellRange


def _bind_merged_cells(self) -> None:
    """Drop-in for `WorksheetReader.bind_merged_cells` (openpyxl 3.1), without `format()`."""
    if not self.parser.merged_cells:
        return
    ws = self.ws
    cells = ws._cells
    ranges = []
    for cr in self.parser.merged_cells.mergeCell:
        mcr = MergedCellRange.__new__(MergedCellRange)     # its __init__ restyles the corner cell
        CellRange.__init__(mcr, range_string=cr.ref)
        mcr.ws = ws
        mcr.start_cell = cells.get((mcr.min_row, mcr.min_col)) or ws.cell(mcr.min_row, mcr.min_col)
        for row in range(mcr.min_row, mcr.max_row + 1):
            for col in range(mcr.min_col, mcr.max_col + 1):
                if (row, col) == (mcr.min_row, mcr.min_col):
                    continue
                read = cells.get((row, col))
                merged = MergedCell(ws, row, col)
                if read is not None and read.has_style:
                    merged._style = read._style
                cells[row, col] = merged
        ranges.append(mcr)
    ws.merged_cells = MultiCellRange(ranges)


@contextmanager
def fast_merges():
    """Within this block, `openpyxl.load_workbook` binds merged ranges the fast way."""
    original = _reader.WorksheetReader.bind_merged_cells
    _reader.WorksheetReader.bind_merged_cells = _bind_merged_cells
    try:
        yield
    finally:
        _reader.WorksheetReader.bind_merged_cells = original


def load_workbook(path, **kwargs):
    from openpyxl import load_workbook as load
    with fast_merges():
        return load(path, **kwargs)
