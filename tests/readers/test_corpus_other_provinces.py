"""Real report pages of other provinces not seen when the readers were written (tests/fixtures/corpus/
other-provinces, SOURCES.md there), read through the real CLI: each gives its data year, template and,
where it prints a title, its body; every cell its stored text prints reads as printed (a cell printed
empty reads as blank), or — for a row the stored excerpt cuts mid-way — is reported unread (F3); and no
cell the text does not print is read as a number."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_read import extract

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "other-provinces"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    return {Path(r["source"]).stem: r for r in extract(CORPUS)}


def test_every_page_of_the_folder_is_listed_with_its_expected_reading():
    assert {p.stem for p in CORPUS.glob("*.txt")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_year_template_and_the_titled_body(extracted, name):
    r, e = extracted[name], EXPECTED[name]
    assert (r["year"], r["format"]) == (e["year"], e["format"])
    if e["unit"] is not None:
        assert r["unit"] == e["unit"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_printed_cells_read_as_printed_or_reported_unread(extracted, name):
    r, e = extracted[name], EXPECTED[name]
    f3 = {c["cell"] for f in r["findings"] if f["rule"] == "F3" for c in f["cells"]}
    wrong = {}
    for cell, truth in e["checked"].items():
        if cell in e["unread"]:
            assert r["cells"].get(cell) is None and cell in f3, f"{name} {cell}: a cut row must stay unread (F3)"
            continue
        assert cell in r["cells"], f"{name} {cell}: printed ({truth}) but not read"
        if r["cells"][cell] != truth:
            wrong[cell] = (r["cells"][cell], truth)
    assert not wrong, f"{name}: read ≠ page: {wrong}"
    invented = {c: v for c, v in r["cells"].items() if v is not None and c not in e["checked"]}
    assert not invented, f"{name}: cells the page does not print: {invented}"
