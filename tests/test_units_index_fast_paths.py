"""The check's fast paths (issue 13 speed, bench/NOTES.md) give exactly what the plain path gives,
on the same inputs: a hierarchy's `UnitsIndex` made once and shared by many Contexts (a sharded
check's chunks), and the cell schema's whole-number test by `floor` instead of `% 1`."""
import json

import numpy as np
import pandas as pd
import pytest

from bench.generate import district
from bench.inject import inject
from checker.catalogue import select
from checker.check import check
from checker.frames import _AMOUNTS, cells_frame, validate
from checker.rules.context import Context, UnitsIndex
from checker.units import Hierarchy


def _hierarchy_and_reports():
    """Two districts with injected errors; the units file spells one parent in its short form, lists
    a unit that has no report and misses a unit that has one (U1 both ways)."""
    reports, h = [], Hierarchy(source="units.csv")
    for k, name in enumerate(["北京市西城区", "北京市朝阳区"]):
        d = district(6, years=(2022, 2023), seed=70 + k, name=name)
        inject(d, 4, seed=70 + k, start=k)
        parent = d.parent_unit.replace("人民政府", "政府") if k else d.parent_unit
        h.parents[parent] = None
        for u in d.units[:-1] if k else d.units:       # the last unit of the second: not listed
            h.parents[u] = parent
        reports += d.reports
    h.parents["北京市西城区不存在的单位"] = "北京市西城区人民政府"
    return h, reports


def _parts(reports):
    """Ways a sharded check may cut the reports: all, each district, each year, odd/even, halves."""
    n = len(reports)
    by = lambda key: [[r for r in reports if key(r) == v] for v in sorted({key(r) for r in reports}, key=str)]
    return [reports, *by(lambda r: r.parent), *by(lambda r: r.year), reports[::2], reports[1::2],
            reports[: n // 2], reports[n // 2:], reports[:1]]


def _links(ctx: Context):
    return (ctx.unit_key, ctx.parent_of.tolist(), dict(ctx.children_of), ctx.complete,
            [json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True) for f in ctx.unmatched_findings()])


def test_a_shared_units_index_links_every_part_as_its_own_would():
    h, reports = _hierarchy_and_reports()
    shared = UnitsIndex(h)
    for part in _parts(reports):
        assert _links(Context(part, hierarchy=h, units_index=shared)) == _links(Context(part, hierarchy=h))
    # an index of another hierarchy (or of none) is not used: the Context makes its own
    other = UnitsIndex(Hierarchy(parents={"某单位": None}))
    assert _links(Context(reports, hierarchy=h, units_index=other)) == _links(Context(reports, hierarchy=h))
    assert _links(Context(reports, units_index=shared)) == _links(Context(reports))


def test_a_check_with_a_shared_units_index_finds_what_a_check_without_finds():
    h, reports = _hierarchy_and_reports()
    chosen = select(None, None)
    shared = UnitsIndex(h)
    seen = 0
    for part in _parts(reports):
        fast = check(part, units=h, chosen=chosen, index=shared).to_json()
        plain = check(part, units=h, chosen=chosen).to_json()
        assert fast == plain
        seen += len(plain["findings"])
    assert seen > 0 and any(f["rule"] == "U1" for f in check(reports, units=h, chosen=chosen).to_json()["findings"])


_SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 3.5, 1e-300, -1e-300, 5e-324, -5e-324, 2.0 ** 52 + 1, 2.0 ** 53,
            -(2.0 ** 52) - 0.5, 1e20, -1e20, 1e308, -1e308, np.inf, -np.inf, np.nan, 0.1 + 0.2, 7 - 1e-15,
            np.nextafter(1.0, 2.0), np.nextafter(1.0, 0.0), np.nextafter(-1.0, 0.0)]


@pytest.mark.parametrize("seed", [0, 1])
def test_the_whole_number_check_flags_exactly_the_values_with_a_fraction(seed):
    """`floor(v) < v` (the schema's test) against `v % 1 > 0` (the plain one) on every kind of float,
    through pandera, on a count cell and on an amount (which may hold decimals)."""
    rng = np.random.default_rng(seed)
    values = np.concatenate([_SPECIAL, rng.normal(0, 1e3, 3000), rng.integers(-10**6, 10**6, 3000),
                             rng.integers(0, 100, 3000) / 4, rng.standard_cauchy(3000) * 1e12])
    h, reports = _hierarchy_and_reports()
    frame = cells_frame(reports[:1])
    count_cell = frame["cell"].iat[0]
    amount = _AMOUNTS[0]
    df = pd.DataFrame({"report": np.zeros(2 * len(values), np.int32),
                       "cell": pd.Categorical([count_cell] * len(values) + [amount] * len(values),
                                              dtype=frame["cell"].dtype),
                       "value": np.concatenate([values, values])})
    _, failures = validate(df)
    flagged = set() if failures.empty else {int(k) for k in failures.loc[failures["check"] == "件数应为整数", "index"]}
    with np.errstate(invalid="ignore"):
        plain = {k for k, v in enumerate(values) if v % 1 > 0}
    assert flagged == plain and plain            # and no amount (rows from len(values) on) is flagged


def test_t1_judges_no_section_that_is_shorter_than_min_chars_before_normalising():
    """T1 skips a section whose raw text is already shorter than `min_chars` without normalising it:
    normalising never lengthens a text (it drops characters, and writes each digit as one 0)."""
    from pathlib import Path

    from checker.prose import similar
    texts = ["", "１２３４５", "٣٤٥ 12 ⅷ", "a_b\tc", "  \n\u3000", "２０２２年，全区共收到申请 12 件。", "x" * 79 + "1"]
    texts += [p.read_text(encoding="utf-8", errors="replace")
              for p in sorted(Path(__file__).parent.glob("fixtures/**/*.txt"))]
    assert len(texts) > 50
    for t in texts:
        for cut in (len(t), 79, 80, 200):
            assert len(similar.normalise(t[:cut])) <= len(t[:cut])
