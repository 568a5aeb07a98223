"""docs/architecture.md and docs/contributing.md match the code: every path they name exists, and
the registry example in contributing.md is the real kind."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PATH = re.compile(r"(?<![\w/.])((?:checker|schemas|tests|bench|workbooks|docs)/[\w./<>-]*[\w/])")


@pytest.mark.parametrize("page", ["architecture.md", "contributing.md"])
def test_every_path_named_exists(page):
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    named = {p for p in PATH.findall(text) if "<" not in p}
    assert len(named) > 10
    missing = sorted(p for p in named if not (ROOT / p).exists())
    assert not missing, f"docs/{page} 提到的路径不存在：{missing}"


def test_the_contributing_example_is_the_real_rule_and_kind():
    from checker.catalogue import catalogue
    from checker.rules.registry import kinds
    text = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    l4 = catalogue()["L4"]
    assert f"kind: {l4.kind}" in text and f"total: {l4.params.total}" in text
    assert kinds()[l4.kind].params.__name__ in text and f'@kind("{l4.kind}"' in text
