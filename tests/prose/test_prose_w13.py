"""Real sentence patterns of session 13's pages (tests/fixtures/corpus/w13: 省/市 governments, their offices, 2022
reports), put into a seed and checked through the real CLI with made-up numbers:
- 漳平市人民政府办公室 2021 `主动公开政府信息141条,其中:……其他类信息9条。其中主动公开政府信息17条,……28条,……8条`: the
  second 其中 opens a sentence, and the figure ending the sentence before (9) is the last part of the first list — P1
  took it for the total the second list shares out ("合计 9条，所列分项 17 + 28 + 8"), a false warning;
- 四川省 2019 `21个市(州)公开813.93万条,占比96.65%`: 813.93万 was read as 8139299.999999999 (float arithmetic), shown so
  in `xxgk extract`'s JSON."""
from __future__ import annotations

import subprocess
import sys
import json

from test_real_prose_a6 import check_json, edited

_AT = "2020年,文化街道始终加强重点领域的信息公开,"


def _with(tmp_path, sentence: str):
    return edited(tmp_path, "001", (_AT, sentence + _AT))


def test_a_list_after_a_full_stop_is_not_shared_out_of_the_last_part_of_the_list_before(tmp_path):
    sentence = ("2020年,主动公开政府信息41条,其中:机构职能类信息16条,规划计划类信息10条,工作动态类信息6条,其他类信息9条。"
                "其中主动公开政府信息17条,作为依申请公开信息数28条,不予公开信息数8条。")
    assert [f for f in check_json(_with(tmp_path, sentence), select="P1") if "其他类信息9条" in f["message"]] == []


def test_a_list_after_a_full_stop_that_adds_up_to_the_part_before_is_still_its_breakdown(tmp_path):
    # guard: the 9 broken down by the next sentence (5 + 4) is still read as a sum, and one that does not add up to
    # a plain total still gets its P1
    sentence = ("2020年,主动公开政府信息41条,其中:机构职能类信息16条,规划计划类信息10条,工作动态类信息6条,其他类信息9条。"
                "其中通知公告5条,会议信息4条。")
    path = _with(tmp_path, sentence)
    out = subprocess.run([sys.executable, "-m", "checker.cli", "extract", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=True)
    (r,) = json.loads(out.stdout)["reports"]
    assert [(p["value"], p["parts"]) for p in r["prose"] if p["kind"] == "sum"] == [(41, [16, 10, 6, 9]), (9, [5, 4])]
    slip = _with(tmp_path, "2020年,共收到政府信息公开申请16件。其中网络申请14件,信函申请3件。")
    assert [f["rule"] for f in check_json(slip, select="P1")] == ["P1"]


def test_a_figure_in_ten_thousands_with_decimals_is_read_exactly(tmp_path):
    sentence = "2020年,省政府机关公开7.9万条,占比0.94%;21个市(州)公开813.93万条,占比96.65%。"
    out = subprocess.run([sys.executable, "-m", "checker.cli", "extract", str(_with(tmp_path, sentence)), "--format",
                          "json"], capture_output=True, text=True, encoding="utf-8", check=True)
    assert '"value": 8139300' in out.stdout and "8139299.99" not in out.stdout
    (r,) = json.loads(out.stdout)["reports"]
    assert {p["value"] for p in r["prose"] if p["kind"] == "share"} >= {79000, 8139300}
