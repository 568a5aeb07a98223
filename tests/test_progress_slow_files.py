"""A short run of PDFs is not silent (m12: 15 PDFs at ~4 s each ran a minute without a line on stderr):
below the 20-file threshold, a run draws its progress from the first PDF read on, when more files are
to come. Decided by the kind of file, not by elapsed time, so a test's stderr never depends on the
machine's load. Through the real `xxgk`, on the real PDFs of the renditions corpus."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.hostile import xxgk

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PDFS = sorted((FIXTURES / "corpus").glob("renditions-real*/derived/*.pdf"))
SEEDS = FIXTURES / "seeds"

pytest.importorskip("pdfplumber")


def test_a_few_pdfs_say_their_progress(tmp_path):
    assert len(PDFS) >= 3
    for p in PDFS:
        shutil.copy(p, tmp_path / p.name)
    run = xxgk("check", tmp_path, "--summary")
    lines = [x for x in run.err.splitlines() if x.startswith("读取报告：")]
    assert lines and lines[-1].startswith(f"读取报告：{len(PDFS)}/{len(PDFS)}"), run.err
    assert len(lines) >= len(PDFS) - 1          # one a file: each takes seconds


def test_text_files_stay_quiet(tmp_path):
    # guard: a handful of text reports (fast) still draw nothing
    run = xxgk("check", SEEDS, "--summary")
    assert "读取报告" not in run.err


def test_one_pdf_stays_quiet(tmp_path):
    # guard: a single PDF is one wait, no progress to count
    shutil.copy(PDFS[0], tmp_path / PDFS[0].name)
    assert "读取报告" not in xxgk("check", tmp_path, "--summary").err
