"""Each prose and metadata rule has a passing and a failing fixture under
`tests/fixtures/<id>/{pass,fail}/`, as the table rules have: `pass` gives no finding of the rule,
`fail` gives exactly the findings in `fail.json` (the spec's finding shape, paths relative to the
fixture folder). The failing texts are seeds,
or seeds with one figure edited (see each rule's test in test_prose_rules / test_meta_rules).

Set XXGK_UPDATE_FIXTURES=1 to rewrite `fail.json` after a deliberate change; review the diff."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checker.check import check_paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RULES = ["R10", "P1", "P2", "M1", "M2", "M3"]


def _findings(folder: Path, rule: str, monkeypatch) -> list[dict]:
    monkeypatch.chdir(folder.parent)
    return [f.to_json() for f in check_paths([Path(folder.name)], select=[rule]).findings]


@pytest.mark.parametrize("rule", RULES)
def test_passing_fixture(rule, monkeypatch):
    assert _findings(FIXTURES / rule / "pass", rule, monkeypatch) == []


@pytest.mark.parametrize("rule", RULES)
def test_failing_fixture(rule, monkeypatch):
    got = _findings(FIXTURES / rule / "fail", rule, monkeypatch)
    expected_file = FIXTURES / rule / "fail.json"
    if os.environ.get("XXGK_UPDATE_FIXTURES"):
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got, f"{rule}: the failing fixture raised nothing"
    assert got == json.loads(expected_file.read_text(encoding="utf-8"))
    assert all(f["rule"] == rule for f in got)
