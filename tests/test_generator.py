"""The synthetic district generator: consistent, readable back by the real readers (text and
workbook), and its injected errors found by `xxgk check`."""
import numpy as np
import pytest

from bench.accuracy import score
from bench.generate import district, write_texts, write_units, write_workbook
from bench.inject import TABLE_KINDS, inject
from checker.check import check_paths
from checker.readers.text import read


def _same(a, b):
    return np.array_equal(np.nan_to_num(a, nan=-1.5), np.nan_to_num(b, nan=-1.5))


def test_text_reports_read_back_cell_for_cell(tmp_path):
    d = district(3, (2019, 2020, 2021), seed=4)
    for r, p in zip(d.reports, write_texts(d, tmp_path)):
        [g] = read(p)
        assert (g.unit, g.year, g.format) == (r.unit, r.year, r.format)
        assert _same(g.values, r.values), p.name
        assert g.period == r.period
        assert [f.rule for f in g.findings if f.severity == "error"] == []


def test_clean_district_as_text_and_as_workbook_has_no_error(tmp_path):
    d = district(6, (2019, 2020, 2021, 2022), seed=9)
    write_texts(d, tmp_path / "txt")
    units = write_units(d, tmp_path / "units.csv")
    result = check_paths([tmp_path / "txt"], units_file=units)
    assert [f.message for f in result.errors] == []
    assert result.stats["R9"]["passed"] > 0 and result.stats["R6"]["passed"] > 0
    assert result.exit_code == 0
    book = write_workbook(d, tmp_path / "collection.xlsx")
    result = check_paths([book])                    # hierarchy from the workbook's 上级单位
    assert [f.message for f in result.errors] == []
    assert result.stats["R9"]["passed"] > 0 and len(result.reports) == len(d.reports)


def test_each_injected_kind_is_found_and_table_errors_localised(tmp_path):
    d = district(20, (2019, 2020, 2021), seed=3)
    truth = inject(d, 27, seed=3)
    assert {t.kind for t in truth} >= set(TABLE_KINDS) | {"prose", "period"}
    write_texts(d, tmp_path / "txt")
    result = check_paths([tmp_path / "txt"], units_file=write_units(d, tmp_path / "units.csv"))
    s = score(truth, result.findings)
    assert s.missed == []
    assert s.false_errors == []
    # every table error whose evidence allows it (not a blank at a row's edge, which the text
    # reader cannot place: F3) names the injected cell with its original value, and every other
    # cell the same error changed (several wrong cells of one root cause: `suspects`)
    for t in truth:
        if t.kind in TABLE_KINDS and t.kind != "blank":
            assert any(f.suspect and (f.suspect.unit, f.suspect.year, f.suspect.cell) == (t.unit, t.year, t.cell)
                       and f.suggestion == pytest.approx(t.original) for f in result.findings), t
            for c in t.changes:
                assert any((x.ref.unit, x.ref.year, x.ref.cell) == (c.unit, c.year, c.cell)
                           and x.suggestion == pytest.approx(c.original)
                           for f in result.findings for x in f.suspects), (t.kind, c)
