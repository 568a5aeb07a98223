"""Real report pages of ten provinces not seen when the readers were written (tests/fixtures/corpus/w9, session
9; SOURCES.md there), read through the real CLI: each gives its data year and template and, where it prints a
title, its body; every cell its stored text prints reads as printed — the table's cells, and for a pre-2019
report the figures its prose states for a legacy cell — or is listed as unread (never read as another number);
no cell the text does not print is read as a number. The one page not recognised as an annual report (no title,
no period, the year only in sentences) is listed so (by design: nothing to check)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_pages import assert_listed_and_refused_as_expected, checked_and_judged, extracted_pages

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "w9"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    return extracted_pages(CORPUS)


def test_every_page_is_listed_and_only_the_refused_one_is_not_recognised(extracted):
    assert_listed_and_refused_as_expected(CORPUS, EXPECTED, extracted)


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if not e.get("refused")))
def test_year_template_and_the_titled_body(extracted, name):
    r, e = extracted[name], EXPECTED[name]
    assert (r["year"], r["format"]) == (e["year"], e["format"])
    if e["unit"] is not None:
        assert r["unit"] in (e["unit"], *e.get("unit_also", ()))


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if not e.get("refused")))
def test_printed_cells_read_as_printed_or_left_unread(extracted, name):
    r, e = extracted[name], EXPECTED[name]
    wrong = {c: (r["cells"].get(c), t) for c, t in e["checked"].items()
             if c not in e["unread"] and r["cells"].get(c) != t}
    assert not wrong, f"{name}: read ≠ page: {wrong}"
    assert all(r["cells"].get(c) is None for c in e["unread"]), f"{name}: a cell listed unread was read"
    invented = {c: v for c, v in r["cells"].items() if v is not None and c not in e["checked"]}
    assert invented == e.get("also_read", {}), f"{name}: cells the page does not print: {invented}"


def test_every_error_and_warning_is_one_judged_true_by_hand():
    """`xxgk check` of the pages (as a user checks a folder): each error and warning is one listed in expected.json with
    its verdict (all true: tables and headings after the stored opening's cut, and two P1 on lists the page prints);
    the six false ones main gave (SOURCES.md) are gone."""
    got, judged = checked_and_judged(CORPUS, EXPECTED)
    assert got == judged
