"""Prose figures of session 16's real pages (tests/fixtures/corpus/w16), put into constructed text and read through the real
CLI (`xxgk extract`):
- 广州市交通运输局 2022 (a traditional mirror) `接收且办理…政府信息公开申请124宗(含2021年度结转5宗)…本年办结121宗`: the 124 was
  tied to 本年新收 (a wrong tie: 119 were new, 5 carried in from 2021) — a count carried in from the year before, named by
  that year, is 上年结转, so the total holding it is 新收 + 上年结转."""
from __future__ import annotations

import pytest

from cli_read import extract_one

_HEAD = ("某某市交通运输局2022年政府信息公开工作年度报告\n本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。\n"
         "一、总体情况\n")


def _ties(tmp_path, sentence: str) -> set[tuple[str, int]]:
    path = tmp_path / "report.txt"
    path.write_text(_HEAD + sentence + "\n二、主动公开政府信息情况\n", encoding="utf-8")
    return {(p["cell"], p["value"]) for p in extract_one(path)["prose"] if p.get("cell")}


def test_a_count_carried_in_named_by_last_year_is_carried_over(tmp_path):
    ties = _ties(tmp_path, "(二)依申请公开情况。2022年度,接收且办理公民、法人或者其他组织提出的政府信息公开申请124宗"
                           "(含2021年度结转5宗),公民申请113宗,法人和其他组织申请11宗;本年办结121宗。")
    assert ("requests.received.total", 124) not in ties
    assert ("requests.received.total+requests.carried_over.total", 124) in ties


@pytest.mark.parametrize("bracket", ["(含2022年度结转至2023年办理5宗)", "(含2020年度结转5宗)"])
def test_a_count_carried_on_or_from_another_year_is_not_last_years(tmp_path, bracket):
    # guards: carried on into the next year, or from a year that is not the one before: not 上年结转
    ties = _ties(tmp_path, f"(二)依申请公开情况。2022年度,共收到政府信息公开申请124宗{bracket}。")
    assert ("requests.received.total+requests.carried_over.total", 124) not in ties
