"""Each table rule (R1–R9, L1–L4, U1, U2) has a passing and a failing fixture under
`tests/fixtures/<id>/{pass,fail}/` (generated districts as text reports with a units file, legacy
tables as workbooks; see make_table_fixtures.py): `pass` gives no finding of the rule, `fail` gives
exactly the findings in `fail.json` (the spec's shape; paths relative to the fixture folder).

Set XXGK_UPDATE_FIXTURES=1 to rewrite `fail.json` after a deliberate change; review the diff."""
from __future__ import annotations

import pytest


RULES = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "L1", "L2", "L3", "L4", "U1", "U2"]


@pytest.mark.parametrize("rule", RULES)
def test_passing_fixture(rule, check_fixture):
    assert check_fixture(rule, "pass").findings == []


@pytest.mark.parametrize("rule", RULES)
def test_failing_fixture(rule, check_fixture, assert_fail_json):
    assert_fail_json(rule, [f.to_json() for f in check_fixture(rule, "fail").findings])
