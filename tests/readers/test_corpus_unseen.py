"""Real archive pages we had NOT looked at when the readers were written (tests/fixtures/corpus/
pingtan-unseen, SOURCES.md there): other units, data years 2019 and 2023–2025, and the 管委会's
consolidated reports, read through the real CLI. Every page gives its unit, year, format, period and
signature date; every cell read by hand in the table of its page.html reads right, or is reported
unread (F3) when the flattened text allows more than one split."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_read import extract

# pingtan-more: a second sample, taken after the readers had been fixed on pingtan-unseen
# (its SOURCES.md says how its values were checked).
CORPORA = [Path(__file__).parents[1] / "fixtures" / "corpus" / name for name in ("pingtan-unseen", "pingtan-more", "pingtan-years")]
EXPECTED = {f"{c.name}/{name}": e for c in CORPORA
            for name, e in json.loads((c / "expected.json").read_text(encoding="utf-8"))["files"].items()}


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    return {f"{Path(r['source']).parent.name}/{Path(r['source']).stem}": r for r in extract(*CORPORA)}


def test_every_page_of_the_folder_is_listed_with_its_expected_reading():
    pages = {f"{c.name}/{p.stem}" for c in CORPORA for p in c.glob("*.txt")}
    assert pages == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_unit_year_format_period_and_signature_date(extracted, name):
    r, e = extracted[name], EXPECTED[name]
    got = (r["unit"], r["year"], r["format"], r["period"], r["published"])
    assert got == (e["unit"], e["year"], e["format"], e["period"], e["published"])


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["checked"]))
def test_cells_checked_against_the_page_html_are_right_or_reported_unread(extracted, name):
    r, e = extracted[name], EXPECTED[name]
    f3 = {c["cell"] for f in r["findings"] if f["rule"] == "F3" for c in f["cells"]}
    wrong = {}
    for cell, truth in e["checked"].items():
        got = r["cells"].get(cell)
        if got is None:
            assert cell in e["unread"] and cell in f3, f"{name} {cell}: unread without cause (page.html: {truth})"
        elif got != truth:
            wrong[cell] = (got, truth)
    assert not wrong, f"{name}: read ≠ page.html: {wrong}"


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["checked"]))
def test_the_cells_listed_as_ambiguous_are_reported_unread(extracted, name):
    """An ambiguous split is never settled by a guess: each cell listed unread is blank with an F3."""
    r, e = extracted[name], EXPECTED[name]
    f3 = {c["cell"] for f in r["findings"] if f["rule"] == "F3" for c in f["cells"]}
    for cell in e["unread"]:
        assert r["cells"].get(cell) is None and cell in f3, f"{name} {cell}"
