"""表四 has no equation across rows: its three groups' sums are all that split a run-together row.
A slip in one cell breaks only its own group's sum, and another split of the same digits may fit
every sum by coincidence (bench.crawler_masking --appeals: 20|27|242|22|91, its 242 a stray digit
for 22, splits 20|27|242|2|291 by the sums). So a row whose sums choose one split is read only
where every split that breaks one group's sum at most agrees with it; the other cells are an F3
naming those splits. Through the CLI, on constructed one-line crawler pages."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_flattened import _ACTIVE_2021, _line

GROUPS = ("review", "direct_suit", "suit_after_review")
COLS = ("upheld", "corrected", "other", "pending", "total")
CELLS = [f"appeals.count.{g}.{c}" for g in GROUPS for c in COLS]


def _extract(tmp_path: Path, appeals: str) -> dict:
    p = tmp_path / "2022.txt"
    p.write_text("标题: 某某区某某局2022年度政府信息公开工作年度报告\n==================== 正文 ====================\n"
                 + _line(_ACTIVE_2021, appeals=appeals), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "checker.cli", "extract", str(p), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode == 0, out.stderr
    [report] = json.loads(out.stdout)["reports"]
    return report


def _row(report: dict) -> list:
    return [report["cells"].get(c) for c in CELLS]


def test_a_slipped_cell_whose_digits_fit_the_sums_another_way_is_not_read_wrong(tmp_path):
    # printed 20|27|242|22|91 (the group's sum broken: 242 is a slip); 20|27|242|2|291 fits it
    report = _extract(tmp_path, "20272422291" + "4155154554" + "18")
    row = _row(report)
    assert row[2] != 242 or row[3] in (None, 22)          # never 20|27|242|2|291
    assert row[3] is None and row[4] is None
    [f3] = [f for f in report["findings"] if f["rule"] == "F3" and "20272422291" in f["message"]]
    assert "按各组合计只能拆作“20|27|242|2|291|" in f3["message"] and "未读取" in f3["message"]
    # every cell read is the printed one
    printed = [20, 27, 242, 22, 91, 4, 1, 5, 5, 15, 4, 5, 5, 4, 18]
    assert all(v is None or v == p for v, p in zip(row, printed))


def test_the_groups_every_such_split_agrees_on_are_read(tmp_path):
    # ptzhsyq_2024 (平潭): 2|1|3|1|7 0|0|0|0|0 13|2|4|0|19; splits breaking one sum only differ in
    # the last group (1|3|2|40|19 …): the first two groups are read, the last is an F3
    report = _extract(tmp_path, "21317000001324019")
    assert _row(report)[:10] == [2, 1, 3, 1, 7, 0, 0, 0, 0, 0]
    assert _row(report)[10:] == [None] * 5
    [f3] = [f for f in report["findings"] if f["rule"] == "F3" and "21317000001324019" in f["message"]]
    assert {c["cell"] for c in f3["cells"]} == set(CELLS[10:])
    assert "13|2|4|0|19" in f3["message"] and "1|3|2|40|19" in f3["message"]


def test_a_row_no_other_split_of_which_exists_is_read(tmp_path):
    # one digit a cell (15 digits, 15 cells): no other split at all, whatever a slip did
    report = _extract(tmp_path, "000001000100000")
    assert _row(report) == [0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    assert not any(f["rule"] == "F3" and "000001000100000" in f["message"] for f in report["findings"])
