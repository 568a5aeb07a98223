"""Real report pages of national ministries, provinces, cities and their departments, and reports before 2019
(tests/fixtures/corpus/w10, session 10), and of 2021–2025 reports of 开发区/高新区, vertically-managed bureaus (税务, 海关,
气象, 公安) and bodies whose tables are images (tests/fixtures/corpus/w11, session 11), and of hospitals, a college, public
water companies, 省直 departments, a national bureau and 2008–2020 reports (tests/fixtures/corpus/w12, session 12), and of
省/市 governments' own and consolidated reports, their offices, 2022 reports and 2010–2018 legacy ones (tests/fixtures/
corpus/w13, session 13), and of 公安, 自然资源, 人社, 市场监管 bureaus, 省/市 government offices and 县级 governments, 2023–2025
(tests/fixtures/corpus/w14, session 14), and of 县级/市 departments other than the big bureaus (医保, 城管, 退役军人, 司法, 住建,
档案, 卫健, 水利, 审计), 开发区/高新区 管委会 and 2022 reports (tests/fixtures/corpus/w15, session 15), and of 省厅/省局,
地级市 departments and offices, hospitals, 疾控 and schools, 2014–2025 (tests/fixtures/corpus/w16, session 16), and of reports as public
repositories hold them: PDFs and OCR converted to markdown (tests/fixtures/corpus/y16, session 16; SOURCES.md in each), read and checked through the real CLI against what was typed by hand from each page (expected.json):
- each gives its data year and template and, where a title line (or a 现公布… sentence standing for it) names it,
  its body; the one page with neither title nor period nor an overview's year is listed as not recognised;
- every cell the text prints reads as printed — the table's cells, and for a pre-2019 report the figures its prose
  states for a legacy cell — or is listed as unread; an approximate figure (`778余条`) is never read; no cell the
  text does not print is read;
- every prose figure the reading ties to a table cell is one a reader ties to it (never the wrong cell);
- the errors and warnings `xxgk check` gives are the ones judged by hand (expected.json names each verdict)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_pages import assert_listed_and_refused_as_expected, checked_and_judged, extracted_pages

CORPORA = {c: Path(__file__).parents[1] / "fixtures" / "corpus" / c
           for c in ("w10", "w11", "w12", "w13", "w14", "w15", "w16", "y16")}
EXPECTED = {c: json.loads((d / "expected.json").read_text(encoding="utf-8"))["files"] for c, d in CORPORA.items()}
READ = sorted((c, n) for c, files in EXPECTED.items() for n, e in files.items() if not e.get("refused"))
PAGE_IDS = [f"{c}-{n}" for c, n in READ]
_READINGS: dict[str, dict[str, dict]] = {}


def _extracted(corpus: str) -> dict[str, dict]:
    """`xxgk extract` of the corpus's pages, once per test session."""
    if corpus not in _READINGS:
        _READINGS[corpus] = extracted_pages(CORPORA[corpus])
    return _READINGS[corpus]


@pytest.fixture
def page(request) -> tuple[dict, dict]:
    corpus, name = request.param
    return _extracted(corpus)[name], EXPECTED[corpus][name]


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_every_page_is_listed_and_only_the_refused_one_is_not_recognised(corpus):
    assert_listed_and_refused_as_expected(CORPORA[corpus], EXPECTED[corpus], _extracted(corpus))


@pytest.mark.parametrize("page", READ, indirect=True, ids=PAGE_IDS)
def test_year_template_and_the_named_body(page):
    r, e = page
    assert (r["year"], r["format"]) == (e["year"], e["format"])
    if e["unit"] is not None:
        assert r["unit"] in (e["unit"], *e["unit_also"])


@pytest.mark.parametrize("page", READ, indirect=True, ids=PAGE_IDS)
def test_printed_cells_read_as_printed_or_left_unread(page):
    r, e = page
    name = r["source"]
    wrong = {c: (r["cells"].get(c), t) for c, t in e["checked"].items()
             if c not in e["unread"] + e["must_unread"] and r["cells"].get(c) != t}
    assert not wrong, f"{name}: read ≠ page: {wrong}"
    assert all(r["cells"].get(c) is None for c in e["unread"] + e["must_unread"]), f"{name}: a cell listed unread was read"
    invented = {c: v for c, v in r["cells"].items() if v is not None and c not in e["checked"]}
    assert not invented, f"{name}: cells the page does not print: {invented}"


@pytest.mark.parametrize("page", READ, indirect=True, ids=PAGE_IDS)
def test_prose_figures_are_tied_to_the_right_cells_or_none(page):
    r, e = page
    name = r["source"]
    right = {(c, v) for c, v in e["prose_cells"]} | {
        (c, v) for c, v in e["checked"].items() if c not in e["must_unread"]}
    tied = set()
    for p in r["prose"]:
        if p.get("cell"):
            tied.add((p["cell"], p["value"]))
        tied |= {(c, v) for c, v in zip(p.get("part_cells") or [], p.get("parts") or []) if c}
    assert tied <= right, f"{name}: tied to a cell no reader would: {tied - right}"
    assert not tied & {(c, v) for c, v in e["prose_not_cells"]}


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_every_error_and_warning_is_one_judged_true_by_hand(corpus):
    """`xxgk check` of the pages (as a user checks a folder): each error and warning is one listed in expected.json
    with its verdict — F4 where the stored opening ends before or inside the tables or the tables are images, M3 where
    it ends before the headings, P1 where a list the page prints does not add up, F1 where a cell is printed blank."""
    got, judged = checked_and_judged(CORPORA[corpus], EXPECTED[corpus])
    assert got == judged
