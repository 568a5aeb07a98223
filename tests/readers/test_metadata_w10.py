"""Titles and years of real pages read in session 10 (tests/fixtures/corpus/w10: ministries, provinces, cities and
their departments, reports before 2019), as constructed texts with made-up bodies and numbers, read through the
real CLI:
- 教育部 2017: the report is published inside the office's notice, the whole title line
  `教育部办公厅关于2017年教育部政府信息公开工作年度报告的公告`, and the page prints no statistical period: the
  report was refused (无法识别为年度报告); a city office's `…关于印发某市2017年…年度报告的通知` is the same;
- 温州市人力社保局 2022 (no title line): `特公布2022年温州市人力资源和社会保障局信息公开工作年度报告` names the
  body after the year: no unit;
- 商务部 2009, 上海市 2009, 安徽省 2018, 广州市教育局 2015 (traditional copies without title or period): a report
  before 2019 opens `一、概述` with `2009年，我部……`, as a later one opens `一、总体情况`: the year was not taken
  from it, so these reports were refused."""
from __future__ import annotations

import pytest

from cli_read import extract_one
from test_other_provinces_4 import _write

_LEGACY_BODY = "本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。\n一、概述\n{y}年，主动公开政府信息120条。\n"
_BODY = "一、总体情况\n{y}年，主动公开政府信息120条。\n"


@pytest.mark.parametrize("head, unit, year", [
    ("信息名称: 某某部办公厅关于2017年某某部政府信息公开工作年度报告的公告\n\n"
     "某某部办公厅关于2017年某某部政府信息公开工作年度报告的公告\n某办厅〔2018〕1号\n", "某某部", 2017),
    ("某某市人民政府办公室关于印发某某市2016年政府信息公开工作年度报告的通知\n", "某某市", 2016),
    ("某某省某某厅关于2015年度政府信息公开工作年度报告的公告\n", "某某省某某厅", 2015),
], ids=["ministry-notice", "city-office-notice", "no-body-beside-the-year"])
def test_a_notice_carrying_the_report_is_its_title(tmp_path, head, unit, year):
    r = extract_one(_write(tmp_path, head + "一、概述\n" + f"{year}年，主动公开政府信息120条。\n"))
    assert (r["unit"], r["year"], r["format"]) == (unit, year, "legacy")


def test_a_sentence_citing_such_a_notice_is_no_title(tmp_path):
    # guard: the notice a sentence cites (the line goes on after 通知) names no body and no year of this report
    text = ("按照市政府办公室关于做好2016年政府信息公开工作年度报告编制发布工作的通知要求，编制本报告。\n"
            + _LEGACY_BODY.format(y=2017))
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == (None, 2017)


def test_the_body_named_after_the_year(tmp_path):
    text = ("根据《中华人民共和国政府信息公开条例》要求，特公布2022年某某市人力资源和社会保障局信息公开工作年度报告。"
            "报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n" + _BODY.format(y=2022))
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == ("某某市人力资源和社会保障局", 2022)


def test_a_scope_after_the_year_is_no_body(tmp_path):
    # guard: `编制2022年全市政府信息公开工作年度报告` names the whole city's report, no body
    text = ("现编制2022年全市政府信息公开工作年度报告。报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n"
            + _BODY.format(y=2022))
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == (None, 2022)


@pytest.mark.parametrize("opening, year", [
    ("一、概述\n2009年，我部认真贯彻《条例》精神，主动公开政府信息120条。\n", 2009),
    ("一、概述\n公开透明是法治政府的重要标志。\n（一）明确目标，全面部署工作。2009年，本市进一步加强政府自身建设。\n", 2009),
    ("一、概况\n2015年，我局认真贯彻落实上级关于政府信息公开的规定。\n", 2015),
], ids=["first-line", "under-a-subheading", "gaikuang"])
def test_a_legacy_report_without_title_or_period_takes_its_overviews_year(tmp_path, opening, year):
    r = extract_one(_write(tmp_path, "本报告根据《中华人民共和国政府信息公开条例》要求编制。\n" + opening))
    assert (r["year"], r["format"]) == (year, "legacy")
