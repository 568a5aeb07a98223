"""The real crawler-flattened pages of tests/fixtures/corpus/pingtan-page-txt (SOURCES.md there),
read through the real CLI: every report gives its unit, year and format; every cell checked by hand
against the table of its page.html reads right, or is reported unread (F3) when the flattened text
allows more than one split; nothing else is left unread."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "pingtan-page-txt"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]


@pytest.fixture(scope="module")
def run() -> subprocess.CompletedProcess:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "extract", str(CORPUS), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode == 0, out.stderr
    return out


@pytest.fixture(scope="module")
def extracted(run) -> dict[str, dict]:
    return {Path(r["source"]).stem: r for r in json.loads(run.stdout)["reports"]}


def test_every_file_is_read_with_its_unit_year_and_format(extracted):
    assert set(EXPECTED) <= set(extracted)
    for name, e in EXPECTED.items():
        r = extracted[name]
        assert (r["unit"], r["year"], r["format"]) == (e["unit"], e["year"], e["format"]), name


def test_every_file_gives_its_stated_period_and_its_signature_date(extracted):
    """On one-line pages the signature stands mid-line (`…交通与建设局 2021年1月26日 （联系人…）
    附件下载`); a page that prints no period or no signature gives none."""
    for name, e in EXPECTED.items():
        r = extracted[name]
        assert (r["period"], r["published"]) == (e["period"], e["published"]), name


def test_the_sources_list_in_the_folder_is_not_taken_for_a_report(run, extracted):
    """SOURCES.md quotes a table row but names no unit or year: named as not a report, not read as
    a report of missing tables."""
    r = extracted["SOURCES"]
    assert r["format"] is None and not r["findings"]
    assert "无法识别为年度报告" in run.stderr and "SOURCES.md" in run.stderr


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if "checked" in e))
def test_cells_checked_against_the_page_html_are_right_or_reported_unread(extracted, name):
    r, e = extracted[name], EXPECTED[name]
    f3 = {c["cell"] for f in r["findings"] if f["rule"] == "F3" for c in f["cells"]}
    for cell, truth in e["checked"].items():
        got = r["cells"][cell]
        if got is None:
            assert cell in e["unread"] and cell in f3, f"{name} {cell}: unread without cause"
        else:
            assert got == truth, f"{name} {cell}: read {got}, the page says {truth}"


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["format"] != "legacy"))
def test_only_the_truly_ambiguous_cells_are_unread(extracted, name):
    """A cell left unread is one whose printed digits split more than one way (listed, each
    checked by hand in the text), and an F3 names it; printed blanks are F1."""
    r, e = extracted[name], EXPECTED[name]
    unread = sorted(c for c, v in r["cells"].items() if v is None)
    assert unread == sorted(e["unread"] + e.get("blank", []))
    f3 = {c["cell"] for f in r["findings"] if f["rule"] == "F3" for c in f["cells"]}
    f1 = {c["cell"] for f in r["findings"] if f["rule"] == "F1" for c in f["cells"]}
    assert set(e["unread"]) <= f3 and set(e.get("blank", [])) <= f1
    assert not [f for f in r["findings"] if f["rule"] == "F4"], name
