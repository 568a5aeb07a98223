"""Each prose and metadata rule has a passing and a failing fixture under
`tests/fixtures/<id>/{pass,fail}/`, as the table rules have: `pass` gives no finding of the rule,
`fail` gives exactly the findings in `fail.json` (the spec's finding shape, paths relative to the
fixture folder). The failing texts are seeds,
or seeds with one figure edited (see each rule's test in test_prose_rules / test_meta_rules).

Set XXGK_UPDATE_FIXTURES=1 to rewrite `fail.json` after a deliberate change; review the diff."""
from __future__ import annotations

import pytest


RULES = ["R10", "P1", "P2", "M1", "M2", "M3"]


@pytest.mark.parametrize("rule", RULES)
def test_passing_fixture(rule, check_fixture):
    assert check_fixture(rule, "pass").findings == []


@pytest.mark.parametrize("rule", RULES)
def test_failing_fixture(rule, check_fixture, assert_fail_json):
    assert_fail_json(rule, [f.to_json() for f in check_fixture(rule, "fail").findings])
