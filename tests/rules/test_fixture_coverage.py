"""Every rule in the catalogue has its fixtures (docs/contributing.md): `tests/fixtures/<id>/pass/` and
`fail/` with input files, the expected findings in `fail.json`, and a fixture test that runs them.
A new rule without them fails here, naming the rule."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from checker.catalogue import catalogue

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
# the tests that run the fixtures, each with its RULES list
RUNNERS = ["test_rule_fixtures.py", "test_form_rule_fixtures.py"]


def _live_rules() -> list[str]:
    return sorted(rid for rid, r in catalogue().items() if r.status != "removed")


def _run_rules() -> dict[str, str]:
    """Rule id -> the fixture test module that runs it."""
    out = {}
    for name in RUNNERS:
        spec = importlib.util.spec_from_file_location(f"_fixture_runner_{Path(name).stem}", HERE / name)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out.update({rule: name for rule in module.RULES})
    return out


def _missing_folders(rules: list[str]) -> list[str]:
    return [f"{rid}/{part}" for rid in rules for part in ("pass", "fail")
            if not (FIXTURES / rid / part).is_dir() or not any((FIXTURES / rid / part).iterdir())]


def test_every_rule_has_pass_and_fail_folders():
    missing = _missing_folders(_live_rules())
    assert not missing, f"规则缺少测试样例目录（tests/fixtures/…）：{', '.join(missing)}"


def test_every_rule_has_expected_findings():
    bad = []
    for rid in _live_rules():
        path = FIXTURES / rid / "fail.json"
        try:
            findings = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            bad.append(f"{rid}（没有可读的 fail.json）")
            continue
        if not findings or any(f.get("rule") != rid for f in findings):
            bad.append(f"{rid}（fail.json 应列出该规则的发现，且只列该规则）")
    assert not bad, "预期结果不全：" + "；".join(bad)


def test_every_rule_fixture_is_run():
    run = _run_rules()
    assert not [rid for rid in _live_rules() if rid not in run], \
        f"这些规则的样例没有测试在跑：{[rid for rid in _live_rules() if rid not in run]}"
    # and no runner names a rule the catalogue does not have (a renamed or removed id)
    assert set(run) <= set(_live_rules())


def test_a_rule_without_fixtures_is_caught():
    """The folder check really looks at the disk: one more id, with no folders, is named."""
    assert "R99" not in catalogue()
    assert _missing_folders(_live_rules() + ["R99"]) == ["R99/pass", "R99/fail"]
