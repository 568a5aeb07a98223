"""Seventeen more real pages of the Pingtan archive (tests/fixtures/corpus/pingtan-chains, SOURCES.md
there), chosen so that four units (社会事业局, 综合执法与应急管理局, 行政审批局, 财政金融局) have every year
2019–2025 with the other corpus folders, 君山片区 2020–2025 and 苏平片区 2019, 2021–2024. Read through
the real CLI: metadata and every row typed by hand from the page, unread rows honestly reported;
then each unit's years checked together (R6/R7/R8, T1 across years) and the errors and warnings on
the new pages compared with the judged list."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_read import cells_of as _cells_of, extract

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"
FOLDER = CORPUS / "pingtan-chains"
EXPECTED = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))
FILES = EXPECTED["files"]
UNITS = sorted({name.split("_")[0] for name in FILES})


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    return {Path(r["source"]).stem: r for r in extract(FOLDER) if Path(r["source"]).suffix == ".txt"}


def test_every_page_of_the_folder_is_listed():
    assert {p.stem for p in FOLDER.glob("*.txt")} == set(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_unit_year_format_period_and_signature_date(extracted, name):
    r, e = extracted[name], FILES[name]
    assert (r["unit"], r["year"], r["format"], r["period"], r["published"]) == (
        e["unit"], e["year"], e["format"], e["period"], e["published"])


@pytest.mark.parametrize("name", sorted(FILES))
def test_rows_typed_from_the_page_read_right(extracted, name):
    r, e = extracted[name], FILES[name]
    wrong = {}
    for row, printed in e["rows"].items():
        cells = _cells_of(r, row)
        truth = [float(v) for v in printed.split("|")]
        got = [r["cells"][c] for c in cells]
        if got != truth:
            wrong[row] = (got, truth)
    assert not wrong, f"{name}: read ≠ page: {wrong}"


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_other_request_and_appeal_cell_is_the_zero_the_page_prints(extracted, name):
    r, e = extracted[name], FILES[name]
    listed = {c for row in [*e["rows"], *e["unread"]] for c in _cells_of(r, row)}
    others = {c: v for c, v in r["cells"].items() if c.startswith(("requests.", "appeals.")) and c not in listed}
    assert others and all(v == 0 for v in others.values()), {c: v for c, v in others.items() if v != 0}


@pytest.mark.parametrize("name", sorted(n for n, e in FILES.items() if e["unread"]))
def test_rows_the_page_prints_ambiguously_stay_unread_with_a_finding(extracted, name):
    r, e = extracted[name], FILES[name]
    named = [f for f in r["findings"] if f["rule"] in ("F3", "F4")]
    for row, words in e["unread"].items():
        assert all(r["cells"].get(c) is None for c in _cells_of(r, row)), f"{name} {row} was read"
        assert any(words in f["message"] for f in named), f"{name} {row}: no F3/F4 says {words}"


def _check(folder: Path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(folder), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["findings"]


@pytest.fixture(scope="module")
def unit_findings(tmp_path_factory) -> list[dict]:
    """Each unit's pages 2019–2025 (the new ones and its other years in the other corpus folders) in
    one folder, checked together, as a reviewer checks a unit's history."""
    found = []
    for unit in UNITS:
        folder = tmp_path_factory.mktemp(unit)
        for page in CORPUS.glob(f"*/{unit}_20*.txt"):
            if 2019 <= int(page.stem.split("_")[1]) <= 2025:
                shutil.copy(page, folder / page.name)
        assert len(list(folder.glob("*.txt"))) == EXPECTED["years"][unit], unit
        found += _check(folder)
    return found


def test_errors_and_warnings_on_the_new_pages_are_the_judged_ones(unit_findings):
    got = sorted((Path(f["source"]).stem, f["rule"], f["severity"]) for f in unit_findings
                 if f["severity"] in ("error", "warning") and f["rule"] not in ("F3", "F4")
                 and Path(f["source"]).stem in FILES)
    judged = sorted((f["file"], f["rule"], f["severity"]) for f in EXPECTED["findings"])
    assert got == judged


def test_a_table_of_zeros_does_not_make_the_prose_the_suspect(unit_findings):
    (r10a, r10b) = [f for f in unit_findings if f["rule"] == "R10" and Path(f["source"]).stem == "zhz_2024"]
    for f in (r10a, r10b):
        assert f["suspect"] is None and "表三各格都是 0" in f["message"]
        assert "更可能是正文的数字有误" not in f["message"]
