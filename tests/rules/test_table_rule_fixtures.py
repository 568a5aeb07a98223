"""Each table rule (R1–R9, L1–L4, U1, U2) has a passing and a failing fixture under
`tests/fixtures/<id>/{pass,fail}/` (generated districts as text reports with a units file, legacy
tables as workbooks; see make_table_fixtures.py): `pass` gives no finding of the rule, `fail` gives
exactly the findings in `fail.json` (the spec's shape; paths relative to the fixture folder).

Set XXGK_UPDATE_FIXTURES=1 to rewrite `fail.json` after a deliberate change; review the diff."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.check import check_paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RULES = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "L1", "L2", "L3", "L4", "U1", "U2"]


def _findings(folder: Path, rule: str, monkeypatch) -> list[dict]:
    monkeypatch.chdir(folder.parent)
    units = Path(folder.name) / "units.csv"
    result = check_paths([Path(folder.name)], units_file=units if units.exists() else None, select=[rule])
    return [f.to_json() for f in result.findings]


@pytest.mark.parametrize("rule", RULES)
def test_passing_fixture(rule, monkeypatch):
    assert _findings(FIXTURES / rule / "pass", rule, monkeypatch) == []


@pytest.mark.parametrize("rule", RULES)
def test_failing_fixture(rule, monkeypatch, assert_fail_json):
    assert_fail_json(rule, _findings(FIXTURES / rule / "fail", rule, monkeypatch))
