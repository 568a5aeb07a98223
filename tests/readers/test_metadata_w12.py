"""Years and names of real pages read in session 12 (tests/fixtures/corpus/w12), as constructed texts with made-up bodies
and numbers, read through the real CLI:
- 襄阳中环水务 2019 (a traditional mirror without its title or period) prints each part's heading on the line of its
  paragraph: `一、總體情況 2019年度,某某水務有限公司…` — the year after the heading was not looked at, and the page was refused
  (无法识别为年度报告);
- 安康某局 2019 (stored from 一、总体情况) opens 总体情况 with a subheading and a paragraph of generalities, and the year only
  opens the paragraph under the second subheading (`（二）扎实开展政务信息公开工作` / `2019年，我局按照…`): no year was read;
- 义乌工商职业技术学院 2022 (a traditional mirror of a college's report on the template): its name was read half
  converted (`義乌工商職业技术学院`);
- 武汉市生态环境局 2020 (a Taiwan-style mirror converting words, not only characters): `現將我局2020年度…報告如下` gave no
  year (將 unmapped), and its row `規範性檔案(…)` (檔案 for 文件) was not matched: 3 cells unread."""
from __future__ import annotations

import pytest

from cli_read import extract_one
from test_other_provinces_4 import _write

_TABLE_HEADS = "\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n四、政府信息公开行政复议、行政诉讼情况\n"


def test_the_year_opening_the_overview_on_its_heading_line(tmp_path):
    text = ("一、總體情況 2019年度,某某水務有限公司根據《中華人民共和國政府信息公開條例》,主動公開信息42條。" + _TABLE_HEADS)
    r = extract_one(_write(tmp_path, text))
    assert (r["year"], r["format"]) == (2019, "2019")


_OVERVIEW = ("一、总体情况\n（一）建立健全工作机制\n一是强化组织领导，确保政府信息及时主动公开。二是加强载体建设。\n"
             "（二）扎实开展政务信息公开工作\n{para}\n（三）政府信息管理\n做好保密审查。\n" + _TABLE_HEADS)


def test_the_year_opening_a_paragraph_past_the_overviews_subheadings(tmp_path):
    para = "2019年，我局按照《条例》规定，认真做好政府信息公开工作，主动公开政府信息38条。"
    r = extract_one(_write(tmp_path, _OVERVIEW.format(para=para)))
    assert (r["year"], r["format"]) == (2019, "2019")


@pytest.mark.parametrize("para", [
    "2018年以来，我局认真做好政府信息公开工作，主动公开政府信息38条。",   # a span of years, not the report's
    "2019年，我局办结来信来访121件，群众满意率98%。",                    # not about the disclosure work
], ids=["since-a-year", "not-about-disclosure"])
def test_no_year_from_a_later_paragraph_that_is_not_the_reports(tmp_path, para):
    # guard: past the first three lines under the heading only a paragraph opening `某年，` about the disclosure work
    # names the year; with none the page, with no title, period or signature, is not recognised
    r = extract_one(_write(tmp_path, _OVERVIEW.format(para=para)))
    assert r["year"] is None


def test_no_year_from_a_paragraph_after_the_overview(tmp_path):
    # guard: 总体情况 is over at the next part's heading; a year opening a paragraph there is not the overview's
    text = ("一、总体情况\n（一）主动公开\n我局认真做好主动公开工作。\n（二）依申请公开\n未收到申请。\n"
            "二、主动公开政府信息情况\n2019年，我局政府信息公开工作平稳。\n")
    assert extract_one(_write(tmp_path, text))["year"] is None


@pytest.mark.parametrize("traditional, simplified", [
    ("義烏工商職業技術學院", "义乌工商职业技术学院"),
    ("某某師範專科學校", "某某师范专科学校"),
    ("某某市婦幼保健院", "某某市妇幼保健院"),
    ("某某水務集團有限公司", "某某水务集团有限公司"),
    ("某某市給排水公司", "某某市给排水公司"),
], ids=["college", "normal-school", "maternity-hospital", "water-group", "water-company"])
def test_a_traditional_mirror_names_a_college_hospital_or_company_in_simplified_characters(tmp_path, traditional, simplified):
    text = (f"2022年{traditional}信息公開工作年度報告\n本報告所列數據的統計期限為2022年1月1日至12月31日。\n一、總體情況\n"
            "2022年,主動公開信息120條。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == (simplified, 2022)


def test_a_sentence_standing_for_the_title_in_traditional_characters_gives_the_year(tmp_path):
    # 武汉市生态环境局 2020 (a Taiwan-style mirror): `現將我局2020年度…報告如下` — 將 was not mapped, so no year was read
    text = ("根據《中華人民共和國政府信息公開條例》有關要求,現將我局2020年度政府信息公開情況報告如下。\n"
            "第二十條第(一)項 | |||||\n信息內容 | 本年新 製作數量 | 本年新 公開數量 | 對外公開總數量 | ||\n"
            "規章 | 0 | 0 | 0 | ||\n")
    assert extract_one(_write(tmp_path, text))["year"] == 2020


_TW_MIRROR = ("某某局2020年政府信息公開工作年度報告\n二、主動公開政府信息情況\n第二十條第(一)項 | |||||\n"
              "信息內容 | 本年新 製作數量 | 本年新 公開數量 | 對外公開總數量 | ||\n規章 | 0 | 0 | 0 | ||\n"
              "規範性{doc}(行政機關制定發布的決定、公告,一般情況下屬於規範性{doc}) | 2 | 2 | 19 | ||\n"
              "其他主動公開{doc}(除規範性{doc}以外的主動公開{doc}) | 186 | 86 | 255 | ||\n")


@pytest.mark.parametrize("doc", ["檔案", "文件"], ids=["taiwan-words", "the-page's-words"])
def test_a_taiwan_style_mirrors_word_for_wenjian_matches_the_row(tmp_path, doc):
    # the mirror prints 規範性檔案 for 规范性文件: the row is the template's; the page's own extra row (其他主動公開…,
    # whose bracket names 規範性… too) is no row of the template, whichever word it prints
    cells = extract_one(_write(tmp_path, _TW_MIRROR.format(doc=doc)))["cells"]
    got = [cells.get(f"active.normative_docs.{c}") for c in ("made", "published", "total_published")]
    assert got == [2, 2, 19]
