"""`CellWriter.flush` sets the plain-digit cells kept by `digits` (GridCells) and `digits_at` (a tab
row's texts) exactly as `Report.set` sets each cell: value, present and place (part, row, col)."""
from __future__ import annotations

import numpy as np

from checker.model import Report
from checker.readers.cellset import CellWriter
from checker.readers.grid import GridCell
from checker.templates import template


def _report() -> Report:
    r = Report(source="x.txt")
    r.set_format("2021")
    return r


def test_flush_sets_what_report_set_sets():
    ids = template("2021").cell_ids
    flushed = _report()
    w = CellWriter(flushed, "x.txt")
    expected = _report()
    # runs of a tab row (consecutive columns from `col`) and lone cells anywhere, interleaved
    runs = [((0, 1, 2), ("1", "20", "300"), 7, 3), ((10, 11, 12, 13), ("0", "0", "7", "12"), 12, 1)]
    lone = [(5, GridCell("4", 9, 2, 1)), (30, GridCell("5", 11, 8, 2)), (6, GridCell("0", 3, 1, 0))]
    w.digits_at(*runs[0])
    w.digits([i for i, _ in lone[:2]], [c for _, c in lone[:2]], [c.text for _, c in lone[:2]])
    w.digits_at(*runs[1])
    w.digits((lone[2][0],), (lone[2][1],), (lone[2][1].text,))
    w.flush()
    for idxs, texts, row, col in runs:
        for k, (i, t) in enumerate(zip(idxs, texts)):
            expected.set(ids[i], float(t), row=row, col=col + k, part=0)
    for i, c in lone:
        expected.set(ids[i], float(c.text), row=c.row, col=c.col, part=c.part)
    assert np.array_equal(flushed.present, expected.present)
    assert flushed.values.tobytes() == expected.values.tobytes()
    assert flushed.loc.tobytes() == expected.loc.tobytes()
    assert flushed.loc[30].tolist() == [2, 11, 8] and flushed.loc[13].tolist() == [0, 12, 4]


def test_flush_with_nothing_kept_changes_nothing():
    r = _report()
    before = (r.values.tobytes(), r.present.tobytes(), r.loc.tobytes())
    CellWriter(r, "x.txt").flush()
    assert (r.values.tobytes(), r.present.tobytes(), r.loc.tobytes()) == before
