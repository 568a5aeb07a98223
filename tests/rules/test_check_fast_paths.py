"""The check phase's shortcuts (issue 13, speed) give exactly what they stand in for: each is
compared with the plain computation on generated districts over three years with injected errors
of every kind (the localisation's decoder as it stands after its run, corrections made)."""
import math

import pytest

from bench.generate import district
from bench.inject import apply_to_reports, inject
from checker.check import check
from checker.frames import cells_frame
from checker.rules import localise
from checker.templates import FORMATS, template


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


@pytest.fixture(scope="module", params=[3, 8])
def decoded(request):
    """(district, decoder after its run) for one seed."""
    seed = request.param
    d = district(12, (2020, 2021, 2022), seed=seed)
    inject(d, 30, seed)
    apply_to_reports(d)
    kept = []
    run = localise.Decoder.run

    def keep(self):
        out = run(self)
        kept.append(self)
        return out
    mp = pytest.MonkeyPatch()
    mp.setattr(localise.Decoder, "run", keep)
    try:
        check(d.reports, units=d.hierarchy())
    finally:
        mp.undo()
    [dec] = kept
    return d, dec


def _cells(dec):
    for i, r in enumerate(dec.ctx.reports):
        if r.format:
            for c in template(r.format).cell_ids:
                yield i, c


def test_instances_ask_only_families_through_the_cell_and_miss_none(decoded):
    _, dec = decoded
    skipped = found = 0
    for i, c in _cells(dec):
        for families in (dec.hard, dec.soft):
            plain = [k for f in families for k in f.instances_of(i, c)]
            dec._inst.clear()
            assert dec.instances(i, c, families) == plain, (i, c)
            found += bool(plain)
            skipped += sum(1 for f in families if dec._cells_of[f] is not None and c not in dec._cells_of[f])
    assert found and skipped        # both cases occur


def test_values_at_once_are_the_values_one_at_a_time(decoded):
    _, dec = decoded
    sums = [k for f in dec.hard for k in f.violated if k[0] == "H"]
    assert sums and dec.correction       # district sums broken, and the run corrected cells
    for k in sums:
        terms = dec.terms(k)
        got = dec.values(terms)
        assert len(got) == len(terms)
        assert all(_same(a, dec.value(i, c)) for a, (i, c, _) in zip(got, terms)), k
    # a corrected cell among them: its corrected value
    (i, c), e = next(iter(dec.correction.items()))
    [v] = dec.values([(i, c, 1.0)])
    assert _same(v, dec.ctx.value(i, c) - e)
    # terms of several cells or formats, and a district's "other units" (−2 − p): one at a time
    mixed = [(i, c, 1.0), (i, "requests.new.total", 1.0), (-3, c, 1.0)]
    assert all(_same(a, dec.value(j, x)) for a, (j, x, _) in zip(dec.values(mixed), mixed))


def test_a_kept_status_is_the_status_as_printed(decoded):
    _, dec = decoded
    asked = 0
    for key in list(dec._initial):
        if key not in dec._dirty:
            assert dec.status(key) == dec.family[key[1]].initially(key)
            asked += 1
    assert asked


def test_the_cells_frame_takes_every_printed_cell_with_its_value(decoded):
    d, _ = decoded
    reports = d.reports
    df = cells_frame(reports)
    expected = [(k, c, float(r.values[template(r.format).index[c]]))
                for k, r in enumerate(reports) if r.format and r.present is not None
                for c in template(r.format).cell_ids if r.present[template(r.format).index[c]]]
    by_report = sorted(expected, key=lambda t: (FORMATS.index(reports[t[0]].format), t[0]))
    got = list(zip(df["report"].tolist(), df["cell"].astype(str).tolist(), df["value"].tolist()))
    assert len(got) == len(by_report)
    assert all(a[:2] == b[:2] and _same(a[2], b[2]) for a, b in zip(got, by_report))
