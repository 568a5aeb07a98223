"""`bound_figures` scans a report's cells only once a figure of MAX_FIGURE or more was written into
some report in the process (`model.BigFigures`): such a figure read after many plain reports, in the
worker processes a large run reads with, by the digits' fast path or the general parser, is still
blank with its F2 — as when it is the only file read."""
from __future__ import annotations

import json
import subprocess
import sys

from bench.generate import district, write_texts
from hostile import SEEDS, assert_clean, xxgk

import pytest

from checker.readers import PARALLEL_FROM

SEED_2021 = SEEDS / "003_15d564b43078fcdc.txt"      # 行政许可 2483 on line 32, 收费 1944.0495 on line 39


# a big figure by each of the two ways cells get their values: plain digits (`cellset`'s fast path),
# the general parser (`Report.set`); each alone in its report, so each must set the watch itself
BIG = {"digits": ("行政许可\t2483\t", "行政许可\t1000000000000\t", "active.licensing.decisions", 32),  # 1e12
       "parsed": ("行政许可\t2483\t", "行政许可\t-2,000,000,000,000.5\t", "active.licensing.decisions", 32)}


def _big_text(way: str) -> str:
    printed, big, _, _ = BIG[way]
    text = SEED_2021.read_text(encoding="utf-8")
    assert printed in text
    return text.replace(printed, big)


@pytest.mark.parametrize("way", sorted(BIG))
def test_a_big_figure_after_many_plain_reports_is_blank_with_its_f2(tmp_path, way):
    write_texts(district(70, years=(2022,), seed=7, name="北京市西城区"), tmp_path)
    (tmp_path / "zz_big.txt").write_text(_big_text(way), encoding="utf-8")      # read last
    (tmp_path / "zz_plain.txt").write_text(SEED_2021.read_text(encoding="utf-8").replace(
        "行政许可\t2483\t", "行政许可\t999999999999\t"), encoding="utf-8")       # 12 digits: kept
    assert len(list(tmp_path.glob("*.txt"))) > PARALLEL_FROM
    run = xxgk("extract", tmp_path, "--format", "json")
    assert_clean(run)
    reports = {r["source"].rsplit("/", 1)[-1]: r for r in json.loads(run.out)["reports"]}
    big = reports["zz_big.txt"]
    _, _, cell, line = BIG[way]
    assert big["cells"][cell] is None
    assert big["cells"]["active.penalty.decisions"] == 0
    assert [f["where"] for f in big["findings"] if f["rule"] == "F2" and "数值过大" in f["message"]] \
        == [f"zz_big.txt 第{line}行"], big["findings"]
    assert reports["zz_plain.txt"]["cells"]["active.licensing.decisions"] == 999999999999
    assert not any("数值过大" in f["message"] for r in reports.values() if r is not big for f in r["findings"])


_WATCH = """
import sys
from checker.model import BigFigures
from checker.readers import read_path
seed, big = sys.argv[1:]
plain = read_path(seed).reports[0]
print(BigFigures.seen, plain.values is not None)
again = read_path(big).reports[0]
print(BigFigures.seen, again.get("active.licensing.decisions"))
"""


@pytest.mark.parametrize("way", sorted(BIG))
def test_the_watch_is_set_by_the_first_big_figure_only(tmp_path, way):
    """In a process that has read only plain reports nothing was seen; the big report's reading sets it
    before its cells are bounded."""
    (tmp_path / "big.txt").write_text(_big_text(way), encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _WATCH, str(SEED_2021), str(tmp_path / "big.txt")],
                         capture_output=True, text=True, timeout=120, check=True).stdout.split("\n")
    assert out[0] == "False True"
    assert out[1] == "True None"
