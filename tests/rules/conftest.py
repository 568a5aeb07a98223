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
