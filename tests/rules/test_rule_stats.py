"""The per-rule statistics of a check: a report a prose or metadata rule finds nothing to compare
in counts as not evaluable, never as passed."""
from __future__ import annotations

from checker.check import check

from seed_edits import read

PROSE_META = ("R10", "P1", "P2", "M1", "M2")


def _counts(result, rule):
    s = result.stats[rule]
    return s["passed"], s["failed"], s["not_evaluable"]


def test_each_seed_is_passed_failed_or_not_evaluable(seeds):
    # (passed, failed, not evaluable) per seed, as read: 000/001 tie no prose figure to a table cell
    # and state no sum; 002 publishes its tables as images; 004 (legacy) took its cells from the prose
    expected = {
        "000": {"R10": (0, 0, 1), "P1": (0, 0, 1), "P2": (0, 0, 1), "M1": (0, 1, 0), "M2": (1, 0, 0)},
        "001": {"R10": (0, 0, 1), "P1": (0, 0, 1), "P2": (0, 0, 1), "M1": (1, 0, 0), "M2": (1, 0, 0)},
        "002": {"R10": (0, 0, 1), "P1": (1, 0, 0), "P2": (0, 0, 1), "M1": (1, 0, 0), "M2": (1, 0, 0)},
        "003": {"R10": (1, 0, 0), "P1": (1, 0, 0), "P2": (0, 0, 1), "M1": (1, 0, 0), "M2": (1, 0, 0)},
        "004": {"R10": (0, 0, 1), "P1": (1, 0, 0), "P2": (1, 0, 0), "M1": (1, 0, 0), "M2": (0, 1, 0)},
    }
    for name, want in expected.items():
        result = check([read(seeds[name])], select=list(PROSE_META))
        assert {r: _counts(result, r) for r in PROSE_META} == want, name


def test_a_body_whose_city_is_unknown_is_not_evaluable_for_m2(seeds):
    report = read(seeds["003"])
    report.facts["regions"] = {"home": None, "basis": "无法确定本单位所在地", "named": [], "foreign": []}
    assert _counts(check([report], select=["M2"]), "M2") == (0, 0, 1)
