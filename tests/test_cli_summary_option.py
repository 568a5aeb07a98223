"""`xxgk check --summary` lays out one line per report in the table output only. Given with JSON or
CSV (or `-o 结果.csv`) it used to be dropped without a word, and the user got every finding while
asking for one line a report: now stderr says so, and the output is the full listing unchanged."""
from __future__ import annotations

from pathlib import Path

import pytest

from hostile import xxgk

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_summary_with_json_or_csv_is_said_and_the_output_is_unchanged(fmt):
    told = xxgk("check", SEEDS, "--summary", "--format", fmt)
    plain = xxgk("check", SEEDS, "--format", fmt)
    assert told.code == plain.code == 1
    assert told.out == plain.out
    assert told.err.strip() == f"--summary 只用于表格输出（--format table）；{fmt.upper()} 照常列出每条问题。"
    assert plain.err == ""


def test_summary_with_the_table_says_nothing_more():
    run = xxgk("check", SEEDS, "--summary")
    assert run.code == 1 and run.err == ""
    assert run.out.splitlines()[-1].startswith("共检查 5 份报告")
