"""Each form rule (F1–F5) has a passing and a failing fixture under
`tests/fixtures/<id>/{pass,fail}/`, as the other rules have (test_rule_fixtures.py). The inputs
(make_form_fixtures.py): one generated 2021 text report, clean in `pass`; in `fail` a blank row (F1),
`/` and `无` cells (F2), a row one value short (F3), the appeals table gone (F4), an empty text file
and a truncated workbook (F5). They go through the real readers and `check_paths`: `pass` gives no
finding of the rule, `fail` exactly the findings in `fail.json` (the spec's shape; paths relative
to the fixture folder).

Set XXGK_UPDATE_FIXTURES=1 to rewrite `fail.json` after a deliberate change; review the diff."""
from __future__ import annotations

import pytest

from checker.catalogue import catalogue

# every live rule the readers raise (the catalogue's `raised_by`)
RULES = [rid for rid, r in catalogue().items() if r.raised_by and r.status != "removed"]


@pytest.mark.parametrize("rule", RULES)
def test_passing_fixture(rule, check_fixture):
    result = check_fixture(rule, "pass", select=["F"])
    # the clean report is read whole: one report, every cell a number, no problem of form at all
    assert result.findings == [] and result.exit_code == 0
    (report,) = result.reports
    assert report.format == "2021"
    assert report.cells and all(v is not None for v in report.cells.values())


@pytest.mark.parametrize("rule", RULES)
def test_failing_fixture(rule, check_fixture, assert_fail_json):
    assert_fail_json(rule, [f.to_json() for f in check_fixture(rule, "fail").findings])


# F5's failing inputs are files that cannot be read at all: no report to hold other faults
@pytest.mark.parametrize("rule", [rid for rid in RULES if rid != "F5"])
def test_failing_fixture_has_only_its_fault(rule, check_fixture):
    """Each failing report differs from the clean one by one fault: no other form rule fires."""
    result = check_fixture(rule, "fail", select=["F"])
    assert {f.rule for f in result.findings} == {rule}
    assert result.exit_code == 1


def test_unreadable_inputs_are_named_and_exit_2(check_fixture):
    result = check_fixture("F5", "fail")
    assert result.reports == [] and result.exit_code == 2
    assert sorted(f.source for f in result.unreadable) == ["fail/empty.txt", "fail/truncated.xlsx"]
