"""Legacy (pre-2019) prose figures of a real page read in session 9 (沙洋县 2017, tests/fixtures/corpus/w9), as a
constructed text with made-up numbers, read through the real CLI:
- `通过政府网站回应社会关注热点信息7条…通过其他方式回应社会关切信息656条`: one channel's responses were read as
  the 回应公众关注热点或重大舆情数 cell (a wrong cell: the report states no total);
- `全县各级各部门主动公开政府信息共计14189条`: `各部门` made it a part of the body's count (unread), but 全县…
  says it is the whole county's."""
from __future__ import annotations

from pathlib import Path

from cli_read import extract_one


def _legacy(tmp_path: Path, prose: str) -> dict:
    p = tmp_path / "report.txt"
    p.write_text("某某县2016年度政府信息公开工作年度报告\n本报告中所列数据的统计时限自2016年1月1日起至2016年12月31日止。\n"
                 "一、概述\n" + prose + "\n", encoding="utf-8")
    return extract_one(p)["cells"]


def test_one_channels_responses_are_not_the_total(tmp_path):
    cells = _legacy(tmp_path, "2016年,通过政府网站回应社会关注热点信息5条,在线访谈3次;通过其他方式回应社会关切信息40条。")
    assert cells.get("legacy.responses.total") is None
    assert cells.get("legacy.responses.online_interviews") == 3


def test_the_responses_total_is_still_read(tmp_path):
    # guard: the total named as the table names it
    cells = _legacy(tmp_path, "2016年,全县回应公众关注热点或重大舆情12次。")
    assert cells.get("legacy.responses.total") == 12


def test_the_whole_countys_departments_give_the_total(tmp_path):
    cells = _legacy(tmp_path, "2016年,全县各级各部门主动公开政府信息共计1200条,其中政府网站公开500条。")
    assert cells.get("legacy.active.total") == 1200


def test_some_departments_count_is_still_no_total(tmp_path):
    # guard: 县直各部门 alone are a part of the body
    cells = _legacy(tmp_path, "2016年,县直各部门主动公开政府信息300条。")
    assert cells.get("legacy.active.total") is None
