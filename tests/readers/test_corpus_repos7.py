"""More real pages of the Pingtan archive (tests/fixtures/corpus/repos-7, SOURCES.md there):
金井片区管理局 2020–2022 and 市场监督管理局 2022 and 2024, which complete those units' years with the pages held. Read
through the real CLI: metadata and every row typed by hand from the page, unread rows honestly
reported; then each unit's years checked together and the errors and warnings on the new pages
compared with the judged list."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_read import cells_of as _cells_of, extract

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"
FOLDER = CORPUS / "repos-7"
EXPECTED = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))
FILES = EXPECTED["files"]
PAGES = sorted(p.stem for p in FOLDER.glob("*.txt"))     # every page on disk, each typed in expected.json


@pytest.fixture(scope="module")
def reports() -> dict[str, dict]:
    return {Path(r["source"]).stem: r for r in extract(FOLDER) if r["source"].endswith(".txt")}


@pytest.mark.parametrize("name", PAGES)
def test_metadata_and_rows_typed_from_the_page(reports, name):
    r, e = reports[name], FILES[name]
    assert (r["unit"], r["year"], r["format"], r["period"], r["published"]) == (
        e["unit"], e["year"], e["format"], e["period"], e["published"])
    for row, printed in e["rows"].items():
        assert [r["cells"][c] for c in _cells_of(r, row)] == [float(v) for v in printed.split("|")], row
    listed = {c for row in [*e["rows"], *e["unread"]] for c in _cells_of(r, row)}
    others = {c: v for c, v in r["cells"].items() if c.startswith(("requests.", "appeals.")) and c not in listed}
    assert others and all(v == 0 for v in others.values()), {c: v for c, v in others.items() if v != 0}
    named = [f for f in r["findings"] if f["rule"] in ("F1", "F3", "F4")]   # F1: a row printed without numbers
    for row, words in e["unread"].items():
        assert _cells_of(r, row) and all(r["cells"][c] is None for c in _cells_of(r, row)), f"{name} {row} was read"
        assert any(words in f["message"] for f in named), f"{name} {row}: no F1/F3/F4 says {words}"
    for row, words in e.get("missing", {}).items():     # not printed at all: no cells, an F4 names the row
        assert not _cells_of(r, row), f"{name} {row} has cells"
        assert any(words in f["message"] for f in named), f"{name} {row}: no F1/F3/F4 says {words}"


@pytest.mark.parametrize("unit", sorted(EXPECTED["years"]))
def test_each_units_years_together_give_only_the_judged_findings(tmp_path, unit):
    for page in CORPUS.glob(f"*/{unit}_20*.txt"):
        if 2019 <= int(page.stem.split("_")[1]) <= 2025:
            shutil.copy(page, tmp_path / page.name)
    assert len(list(tmp_path.glob("*.txt"))) == EXPECTED["years"][unit]
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(tmp_path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    mine = [n for n in FILES if n.startswith(unit + "_")]
    got = sorted((Path(f["source"]).stem, f["rule"], f["severity"]) for f in json.loads(out.stdout)["findings"]
                 if f["severity"] in ("error", "warning") and f["rule"] not in ("F3", "F4")
                 and Path(f["source"]).stem in mine)
    assert got == sorted((f["file"], f["rule"], f["severity"]) for f in EXPECTED["findings"] if f["file"] in mine)
