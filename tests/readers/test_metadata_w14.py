"""Names of real pages read in session 14 (tests/fixtures/corpus/w14), as constructed texts read through the real CLI:
- 莆田市涵江区人力资源和社会保障局 2023 `我局编制并向社会公开莆田市涵江区人力资源和社会保障局2023年度政府信息公开工作年度报告`
  (no title line): the body was read with the verb before it (`并向社会公开莆田市涵江区人力资源和社会保障局`), a wrong unit;
- 通州区市场监督管理局 2024 on a traditional mirror printing pinyin inside words (`向社會公布通州區(qū)市場監(jiān)督管理局2024年
  政府信息公開工作年度報(bào)告`): the naming sentence was not recognised for the pinyin in 報(bào)告, the body left unread;
- a 市场监管局 2024 on a traditional mirror stored from 一、總體情況, whose first paragraph opens `截止2024年12月31日,本局2024年度
  主動公開…` (no title, no 统计期限 sentence): its year was left unread (the opening's year was taken only at the line's start)."""
from __future__ import annotations

import pytest

from cli_read import extract_one
from test_other_provinces_4 import _write


@pytest.mark.parametrize("verb", ["编制并向社会公开", "编制并向社会公布", "汇总"])
def test_the_body_named_after_a_second_verb_is_the_name_alone(tmp_path, verb):
    text = (f"根据《中华人民共和国政府信息公开条例》要求,我局{verb}某某市某某区人力资源和社会保障局2023年度政府信息公开工作年度报告。"
            "本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n"
            "(一)主动公开:2023年,通过区人民政府网站主动公开政府信息33件。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"], r["format"]) == ("某某市某某区人力资源和社会保障局", 2023, "2021")


def test_a_mirrors_pinyin_inside_the_naming_sentence_leaves_the_body_readable(tmp_path):
    text = ("根據(jù)《中華人民共和國政府信息公開條例》(以下簡稱《條例》)的有關(guān)規(guī)定,向社會公布某某區(qū)市場監(jiān)督管理局"
            "2024年政府信息公開工作年度報(bào)告。報(bào)告所列數(shù)據(jù)的統(tǒng)計(jì)期限自2024年1月1日起至2024年12月31日止。\n"
            "一、總體情況\n1.主動(dòng)公開情況。2024年,我局發(fā)布信息共計(jì)334條。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"], r["format"]) == ("某某区市场监督管理局", 2024, "2021")


@pytest.mark.parametrize("lead, year", [("截止2024年12月31日,本局2024年度", 2024), ("截至2023年12月31日,我局", 2023)])
def test_the_overviews_first_paragraph_ending_its_data_on_31_december_gives_the_year(tmp_path, lead, year):
    text = (f"一、總體情況\n(一)主動公開情況\n{lead}主動公開政府信息62條。\n(二)依申請公開情況\n本局收到4件申請。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["year"], r["format"]) == (year, "2021")


def test_an_as_of_date_that_is_not_the_years_end_gives_no_year(tmp_path):
    # guard: `截至2024年1月底` in the overview of a report on 2023 is when it was written, not the data's year
    text = "一、总体情况\n(一)主动公开情况\n截至2024年1月底,我局现行有效规范性文件5件。\n(二)依申请公开情况\n本局收到4件申请。\n"
    r = extract_one(_write(tmp_path, text))
    assert r["year"] is None


@pytest.mark.parametrize("opening", ["为认真贯彻落实上级关于切实做好", "为进一步做好", "按照区政府办公室关于认真做好"])
def test_a_page_opening_on_a_purpose_clause_about_the_report_names_no_body(tmp_path, opening):
    # 东亭街道 2024 (www.jsxishan.gov.cn, a lead's unseen-page check): no title, the page opens `为认真贯彻落实上级关于切实
    # 做好2024年政府信息公开年度报告编制发布工作要求,东亭街道严格落实…`; its first 80 characters were taken for a title
    # and `为认真贯彻落实上级关于切实做好` for the body (a wrong unit). The year stays the report's.
    text = (f"{opening}2024年政府信息公开年度报告编制发布工作要求,某某街道严格落实《中华人民共和国政府信息公开条例》,"
            "及时发布2024年度政府信息公开工作报告。本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。\n"
            "一、总体情况\n(一)主动公开情况\n2024年,某某街道主动公开政府信息58条。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"], r["format"]) == (None, 2024, "2021")
