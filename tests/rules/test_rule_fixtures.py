"""Each table, prose and metadata rule has a passing and a failing fixture under
`tests/fixtures/<id>/{pass,fail}/`: `pass` gives no finding of the rule, `fail` gives exactly the
findings in `fail.json` (the spec's shape; paths relative to the fixture folder).

- Table rules (R1–R9, L1–L4, U1, U2): generated districts as text reports with a units file,
  legacy tables as workbooks (see make_table_fixtures.py), each failing one with one known error.
- Prose and metadata rules (R10, P1, P2, M1–M3): the failing texts are seeds, or seeds with one
  figure edited (see each rule's test in test_prose_rules / test_meta_rules).
- Form rules (F1–F5, raised by the readers): test_form_rule_fixtures.py.

The rule lists come from the catalogue: a new rule is run here as soon as its YAML exists.

Set XXGK_UPDATE_FIXTURES=1 to rewrite `fail.json` after a deliberate change; review the diff."""
from __future__ import annotations

import pytest

from checker.catalogue import catalogue

# every live rule that a check kind implements (the reader rules are in test_form_rule_fixtures)
RULES = [rid for rid, r in catalogue().items() if r.kind and r.status != "removed"]


@pytest.mark.parametrize("rule", RULES)
def test_passing_fixture(rule, check_fixture):
    assert check_fixture(rule, "pass").findings == []


@pytest.mark.parametrize("rule", RULES)
def test_failing_fixture(rule, check_fixture, assert_fail_json):
    assert_fail_json(rule, [f.to_json() for f in check_fixture(rule, "fail").findings])
