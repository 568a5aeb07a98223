"""Each table, prose and metadata rule has a passing and a failing fixture under
`tests/fixtures/<id>/{pass,fail}/`: `pass` gives no finding of the rule, `fail` gives exactly the
findings in `fail.json` (the spec's shape; paths relative to the fixture folder).

- Table rules (R1–R9, L1–L4, U1, U2): generated districts as text reports with a units file,
  legacy tables as workbooks (see make_table_fixtures.py), each failing one with one known error.
- Prose and metadata rules (R10, P1, P2, M1–M3, S1, T1): the failing texts are seeds, or seeds with one
  figure edited (see each rule's test in test_prose_rules / test_meta_rules).
- Form rules (F1–F5): test_form_rule_fixtures.py.

Set XXGK_UPDATE_FIXTURES=1 to rewrite `fail.json` after a deliberate change; review the diff."""
from __future__ import annotations

import pytest

TABLE_RULES = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "L1", "L2", "L3", "L4", "U1", "U2"]
PROSE_META_RULES = ["R10", "P1", "P2", "M1", "M2", "M3", "S1", "T1"]
RULES = TABLE_RULES + PROSE_META_RULES


@pytest.mark.parametrize("rule", RULES)
def test_passing_fixture(rule, check_fixture):
    assert check_fixture(rule, "pass").findings == []


@pytest.mark.parametrize("rule", RULES)
def test_failing_fixture(rule, check_fixture, assert_fail_json):
    assert_fail_json(rule, [f.to_json() for f in check_fixture(rule, "fail").findings])
