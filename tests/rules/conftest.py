import json
import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def assert_fail_json():
    """Checks a failing fixture's findings against `tests/fixtures/<rule>/fail.json` (rewritten
    first when XXGK_UPDATE_FIXTURES is set): not empty, exactly as expected, all of that rule."""
    def check(rule: str, got: list[dict]) -> None:
        expected_file = FIXTURES / rule / "fail.json"
        if os.environ.get("XXGK_UPDATE_FIXTURES"):
            expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        assert got, f"{rule}: the failing fixture raised nothing"
        assert got == json.loads(expected_file.read_text(encoding="utf-8"))
        assert all(f["rule"] == rule for f in got)
    return check


@pytest.fixture
def check_fixture(monkeypatch):
    """Runs `check_paths` over `tests/fixtures/<rule>/<part>/` (with its units.csv, if any) from the
    rule's folder, so the findings' paths read `pass/…` or `fail/…`. `select` defaults to the rule."""
    from checker.check import check_paths

    def run(rule: str, part: str, select: list[str] | None = None):
        monkeypatch.chdir(FIXTURES / rule)
        units = Path(part) / "units.csv"
        return check_paths([Path(part)], units_file=units if units.exists() else None, select=select or [rule])
    return run
