"""Shared by the tests of stored real pages (tests/fixtures/corpus/w9, w10): read a folder's pages through the real
CLI, the pages not recognised as reports, and the errors and warnings `xxgk check` gives against those judged by hand."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cli_read import extract


def pages(corpus: Path) -> list[Path]:
    """The folder's pages: its texts, and the markdown renditions a repository holds (y16) — not its notes."""
    return sorted([*corpus.glob("*.txt"), *(p for p in corpus.glob("*.md") if p.name not in ("SOURCES.md", "README.md"))])


def extracted_pages(corpus: Path) -> dict[str, dict]:
    """`xxgk extract` of every page of the folder, by file stem."""
    return {Path(r["source"]).stem: r for r in extract(*pages(corpus))}


def unrecognised(extracted: dict[str, dict]) -> set[str]:
    """Pages read as nothing of a report: no year, no format, no cell."""
    return {n for n, r in extracted.items() if r["year"] is None and r["format"] is None and not r["cells"]}


def checked_and_judged(corpus: Path, expected: dict[str, dict]) -> tuple[list, list]:
    """(rule findings `xxgk check` gives on the folder, the true ones expected.json lists), each a sorted list of
    (page, rule, severity) for errors and warnings."""
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", *map(str, pages(corpus)),
                          "--format", "json"], capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1, 2), out.stderr
    got = sorted((Path(f["source"]).stem, f["rule"], f["severity"]) for f in json.loads(out.stdout)["findings"]
                 if f["severity"] in ("error", "warning"))
    judged = sorted([(n, r, s) for n, e in expected.items() for r, s, verdict in e["findings"] if verdict.startswith("true")]
                    # a page refused as no report is said so in the output: one F5 (未做任何核对), nothing else
                    + [(n, "F5", "error") for n, e in expected.items() if e.get("refused")])
    return got, judged


def assert_listed_and_refused_as_expected(corpus: Path, expected: dict[str, dict], extracted: dict[str, dict]) -> None:
    """Every page is in expected.json and was read; only the pages listed `refused` are not recognised."""
    assert {p.stem for p in pages(corpus)} == set(expected) == set(extracted)
    assert unrecognised(extracted) == {n for n, e in expected.items() if e.get("refused")}
