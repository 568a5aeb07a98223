"""Real report pages of other provinces not seen when the readers were written (tests/fixtures/corpus/
other-provinces from session 5, other-provinces-2 from session 6, other-provinces-3 from session 7,
other-provinces-4 from session 8; SOURCES.md in each), read through the real CLI: each gives its data year, template and, where it prints a
title, its body; every cell its stored text prints reads as printed (a cell printed empty reads as
blank), or — for a row whose values the stored text cannot place (cut by the excerpt mid-way, one value
in a row of three) — is reported unread (F3); and no cell the text does not print is read as a number."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_read import extract

CORPORA = [Path(__file__).parents[1] / "fixtures" / "corpus" / d
           for d in ("other-provinces", "other-provinces-2", "other-provinces-3", "other-provinces-4")]
EXPECTED = {(c.name, name): e for c in CORPORA
            for name, e in json.loads((c / "expected.json").read_text(encoding="utf-8"))["files"].items()}


@pytest.fixture(scope="module")
def extracted() -> dict[tuple[str, str], dict]:
    return {(Path(r["source"]).parent.name, Path(r["source"]).stem): r for r in extract(*CORPORA)}


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.name)
def test_every_page_of_the_folder_is_listed_with_its_expected_reading(corpus):
    assert {p.stem for p in corpus.glob("*.txt")} == {n for d, n in EXPECTED if d == corpus.name}


@pytest.mark.parametrize("name", sorted(EXPECTED), ids="/".join)
def test_year_template_and_the_titled_body(extracted, name):
    r, e = extracted[name], EXPECTED[name]
    assert (r["year"], r["format"]) == (None if "year_unread" in e else e["year"], e["format"])
    if e["unit"] is not None:
        assert r["unit"] == e["unit"]


@pytest.mark.parametrize("name", sorted(EXPECTED), ids="/".join)
def test_printed_cells_read_as_printed_or_reported_unread(extracted, name):
    r, e = extracted[name], EXPECTED[name]
    # unread cells are named by an F3, or by the cut's F4 when the stored text ends inside their row (r15)
    f3 = {c["cell"] for f in r["findings"] if f["rule"] in ("F3", "F4") for c in f["cells"]}
    wrong = {}
    for cell, truth in e["checked"].items():
        if cell in e.get("legacy_unread", ()):
            # a legacy 统计表 cell whose digits run together several ways: unread (legacy cells have no F3)
            assert r["cells"].get(cell) is None, f"{name} {cell}: an ambiguous run must stay unread"
            continue
        if cell in e["unread"]:
            assert r["cells"].get(cell) is None and cell in f3, f"{name} {cell}: a cut row must stay unread (F3/F4)"
            continue
        assert cell in r["cells"], f"{name} {cell}: printed ({truth}) but not read"
        if r["cells"][cell] != truth:
            wrong[cell] = (r["cells"][cell], truth)
    assert not wrong, f"{name}: read ≠ page: {wrong}"
    invented = {c: v for c, v in r["cells"].items() if v is not None and c not in e["checked"]}
    assert not invented, f"{name}: cells the page does not print: {invented}"
