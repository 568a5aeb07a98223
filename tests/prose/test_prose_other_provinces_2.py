"""A real sentence pattern from session 6's pages (tests/fixtures/corpus/other-provinces-2) that raised a
false P1 warning, read and checked through the real CLI:
南京 古雄街道 2020 "发布各类信息45条,其中发布人员招聘类公告公示8条、项目招投标类公告6条,通过古雄微在线
公众号发布信息834条": the last figure counts another channel's posts (larger than the total, after a
"，" that opens 通过…), not a third part of the 45."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _p1(tmp_path: Path, sentence: str) -> list[dict]:
    return findings_of(tmp_path, "\n".join(["某某区某某街道2020年政府信息公开工作年度报告", "一、总体情况", sentence]), "P1")


def findings_of(tmp_path: Path, text: str, rule: str) -> list[dict]:
    """`xxgk check --select RULE` of the text as a report file: that rule's findings."""
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    xxgk = Path(sys.executable).with_name("xxgk")
    out = subprocess.run([str(xxgk), "check", str(path), "--select", rule, "-f", "json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode in (0, 1), out.stderr
    return [f for f in json.loads(out.stdout)["findings"] if f["rule"] == rule]


def test_another_channels_count_after_the_list_is_no_part(tmp_path):
    sentence = ("全年,通过区政府门户网站发布各类信息52条,其中发布人员招聘类公告公示9条、项目招投标类公告7条,"
                "通过某某微在线公众号发布信息716条。")
    assert _p1(tmp_path, sentence) == []


def test_a_channel_list_within_its_total_is_still_checked(tmp_path):
    # guard: channels that are the total's parts (each smaller than it) still add up, or P1 says so
    sentence = "全年共发布各类信息52条,其中通过门户网站发布30条,通过微信公众号发布25条。"
    (f,) = _p1(tmp_path, sentence)
    assert f["severity"] == "error" and (f["actual"], f["expected"]) == (52, 55)
