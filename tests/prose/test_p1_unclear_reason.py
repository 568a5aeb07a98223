"""P1's warning on a list that is not plainly the total's parts names the reason the list is unclear: a part as large
as the total (北街街道 2025: `内容1条，包括…1条，以及…2条`, all in 条) is not called a mix of units; parts in
another unit still are (a7's `607 条，其中……380 份……319 份`). Through the real CLI."""
from __future__ import annotations

import json
import subprocess
import sys


def _p1(tmp_path, sentence: str) -> list[dict]:
    page = tmp_path / "街道2025.txt"
    page.write_text(f"某某街道2025年政府信息公开工作年度报告\n一、总体情况\n{sentence}\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(page), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return [f for f in json.loads(out.stdout)["findings"] if f["rule"] == "P1"]


def test_a_part_as_large_as_the_total_is_named_as_such_not_as_units(tmp_path):
    (f,) = _p1(tmp_path, "2025年，本街道发布法定主动公开内容1条，包括政策文件1条，以及工作动态2条。")
    assert f["severity"] == "warning"
    assert "有一项不小于合计" in f["message"] and "计量单位" not in f["message"]


def test_parts_in_another_unit_are_still_named_a_mix_of_units(tmp_path):
    (f,) = _p1(tmp_path, "2025年，本街道主动公开政府信息607条，其中主动公开规范性文件380份，政策解读319份。")
    assert f["severity"] == "warning"
    assert "计量单位不一" in f["message"]
