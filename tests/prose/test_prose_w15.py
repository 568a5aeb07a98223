"""Lists within lists on session 15's real pages (tests/fixtures/corpus/w15), put into constructed text and checked through
the real CLI (`xxgk check --select P1`):
- 重庆市铜梁区城市管理局 2022 `主动公开政府信息744条,其中,通过…网主动公开信息140条,具体为:人大建议办理类信息41条、…其他类信息2条;
  …公众号发文256篇…;信息公示栏公开信息38条` (140 = 41+34+25+17+14+4+3+2; 744 = 140+256+310+38): the 140's own list was
  added to the 140 (280 of 744, a false P1 warning) — `具体为` breaks a part down as `其中`/`分别为` do;
- a 城管执法局 2021 on a spam mirror `主动公开政府信息96条,其中通过局政务网站主动公开…41条,其中政策解读文件2份,城管执法信息6条,
  部门信息55条` (96 = 41 + 55; the 2 and 6 of the 41): the second 其中's figures were checked against the 41 (a false P1)."""
from __future__ import annotations

from pathlib import Path

from test_real_prose_a6 import check_json

_HEAD = ("某某区城市管理局2022年政府信息公开工作年度报告\n本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。\n"
         "一、总体情况\n")


def _p1(tmp_path: Path, sentence: str) -> list[dict]:
    path = tmp_path / "report.txt"
    path.write_text(_HEAD + sentence + "\n二、主动公开政府信息情况\n", encoding="utf-8")
    return check_json(path, select="P1")


def test_a_parts_own_list_after_juti_wei_is_not_added_to_the_part(tmp_path):
    sentence = ("(一)大力推进主动公开工作。2022年,区城市管理局主动公开政府信息744条,其中,通过区人民政府网主动公开信息140条,"
                "具体为:人大建议办理类信息41条、采购与招标类信息34条、行政处罚类信息25条、政协提案办理类信息17条、公告公示类信息14条、"
                "意见征集类信息4条、政策解读类信息3条、其他类信息2条;官方微信公众号发文256篇,点击13241次;执法微信公众号发文310篇,"
                "点击179739次;信息公示栏公开信息38条。")
    assert _p1(tmp_path, sentence) == []


def test_a_list_short_of_its_total_is_still_told_with_a_breakdown_in_it(tmp_path):
    # guard: the breakdown taken out, the parts left (140 + 566 = 706) are still short of 744
    sentence = ("2022年,区城市管理局主动公开政府信息744条,其中,通过网站公开信息140条,具体为:政策文件41条、公告公示99条;"
                "通过公众号发布信息566条。")
    (f,) = _p1(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (744, 706)


def test_a_list_within_a_list_running_on_into_the_outer_list_adds_up(tmp_path):
    sentence = ("(一)主动公开政府信息情况。据统计,2022年我局主动公开政府信息96条,其中通过局政务网站主动公开政务(工作)动态类和"
                "通知公告信息(含图片信息)41条,其中政策解读文件2份,城管执法信息6条,部门信息55条。")
    assert _p1(tmp_path, sentence) == []


def test_a_list_within_a_list_that_does_not_add_up_either_way_is_still_told(tmp_path):
    # guard: 41 + 50 = 91 is not the 96: the figures after the second 其中 are checked as before
    sentence = ("(一)主动公开政府信息情况。据统计,2022年我局主动公开政府信息96条,其中通过局政务网站主动公开政务(工作)动态类和"
                "通知公告信息(含图片信息)41条,其中政策解读文件2份,城管执法信息6条,部门信息50条。")
    (f,) = _p1(tmp_path, sentence)
    assert f["actual"] == 41 and f["severity"] == "warning"
