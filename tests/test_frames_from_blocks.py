"""The check builds the pandera frame from its Context's stacked blocks (`validate_reports(reports,
ctx.blocks)`), not by stacking every report's cell vectors again: the same frame, row for row, and
the same findings, whatever the chunking, on reports of both formats with negative counts,
fractions, blanks and reports without a table among them."""
import numpy as np
import pandas as pd
import pytest

import checker.frames as frames
from bench.generate import district
from bench.inject import apply_to_reports, inject
from checker.frames import cells_frame, validate_reports
from checker.model import Report
from checker.rules.context import Context


@pytest.fixture(scope="module", params=[4, 9])
def reports(request):
    d = district(10, (2019, 2020, 2021), seed=request.param)     # format 2019 and 2021
    inject(d, 12, request.param)
    apply_to_reports(d)
    out = list(d.reports)
    # what the schema flags: a negative count (R5), a count with a fraction (F2), a blank
    out[1].set("requests.received.natural_person", -2, row=10, col=2)
    out[-2].set("requests.received.natural_person", 2.5, row=10, col=2)
    out[5].set("requests.received.total", None, row=10, col=8)
    # a report whose table was not read has no cell vectors: in no block, no row
    out.insert(7, Report(source="无表格.txt", unit="某局", year=2021))
    return out


def test_the_frame_from_the_blocks_is_the_frame_from_the_reports(reports):
    blocks = Context(reports).blocks
    assert len(blocks) == 2
    for start, size in [(0, len(reports)), (0, 7), (7, 7), (14, 100), (3, 1)]:
        some = reports[start:start + size]
        pd.testing.assert_frame_equal(cells_frame(some, blocks, start), cells_frame(some))


def test_the_findings_are_the_same_in_any_chunking(reports, monkeypatch):
    plain = validate_reports(reports)
    assert {f.rule for _, f in plain} >= {"R5", "F2"}
    for chunk in (len(reports), 5, 1):
        monkeypatch.setattr(frames, "CHUNK", chunk)
        assert validate_reports(reports, Context(reports).blocks) == plain


def test_a_missing_cell_code_is_neither_signed_nor_an_amount():
    # the lookup tables take code −1 (a cell outside the categories) as `np.isin` did: not listed
    assert not frames._IS_SIGNED[-1] and not frames._IS_AMOUNT[-1]
    assert frames._IS_SIGNED[:-1].any() and frames._IS_AMOUNT[:-1].any()
    codes = np.arange(len(frames._ALL_IDS))
    signed = np.searchsorted(frames._ALL_IDS, frames._SIGNED)
    assert (frames._IS_SIGNED[codes] == np.isin(codes, signed)).all()
