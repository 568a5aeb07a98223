"""Titles, bodies and years of real pages read in session 15 (tests/fixtures/corpus/w15: 县级 departments, 开发区, 档案馆,
2022 reports), as constructed texts read through the real CLI:
- 连云港市城市管理局 2022 opens on the site's document block (`索引号: | … |`, `信息名称: | 连云港市城市管理局2022年政府信息
  公开工作年度报告 | ||`) and prints no other title: the body was left unread (the 信息名称 field was not taken for a title);
- 广州市越秀区退役军人事务局 2022: the page's headline `区退役军人事务局2022年…年度报告`, a date line, then the full title
  `广州市越秀区退役军人事务局2022年…`: the body was read as the headline's `区退役军人事务局`;
- 武进区退役军人事务局 2022: no title, no period; 总体情况 opens `根据《常州市武进区2022年政务公开工作要点》要求,…截至2022年底,
  我局政府信息公开工作运行正常…`, and its tables print their labels only: the page was refused as no report (F5) — its
  year is the as-of year-end of the overview's first paragraph;
- 杭州钱江经济开发区 2022 on a traditional mirror, no title: `特編制杭州錢江經濟開發區2022年度政府信息公開工作報告` — 編 was
  not mapped to 编, so the naming sentence was not seen and the body left unread;
- 鹤山市林业局 2022 on a mirror, no title: `…由鹤山市林业局编制的2022年政府信息公开年度报告` — the body before the verb was left unread."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cli_read import extract_one
from test_other_provinces_4 import _write

_BODY = ("本年报中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n"
         "2022年,市城管局主动公开政府信息1646条。\n")


@pytest.mark.parametrize("field", ["信息名称: | 某某市城市管理局2022年政府信息公开工作年度报告 | ||",
                                   "名 称: 某某市城市管理局2022年政府信息公开工作年度报告"])
def test_a_document_blocks_name_field_is_the_title(tmp_path, field):
    text = ("索引号: | 468049301/2023-00003 | 信息分类: | 城乡建设、环境保护/其他 / 报告 |\n"
            "发布机构: | 市城管局 | 发文日期: | 2023-01-18 |\n" + field + "\n时效: | 有效 |\n" + _BODY)
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"], r["format"]) == ("某某市城市管理局", 2022, "2021")


def test_a_full_title_under_the_pages_short_headline_gives_the_whole_name(tmp_path):
    text = ("区退役军人事务局2022年政府信息公开工作年度报告\n发布日期:2023-01-19 10:02:41 文章来源:本网\n"
            "某某市某某区退役军人事务局2022年政府信息公开工作年度报告\n一、总体情况\n2022年,区退役军人事务局主动公开各类信息共31条。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == ("某某市某某区退役军人事务局", 2022)


def test_a_document_blocks_name_field_below_the_title_is_no_longer_name(tmp_path):
    """乌恰县人民政府 2020 (a15's page, merged with w15): the title, then the site's block `名        称 乌恰县人民政府2020年…`;
    the field's name is no part of the body (it was read `名称乌恰县人民政府`, a wrong unit)."""
    text = ("某某县人民政府2020年政府信息公开工作年度报告\n索  引  号 WQX001-2021-000086 主题分类\n"
            "发布机构 某某县人民政府 发布日期 2021-01-23 19:13\n名        称 某某县人民政府2020年政府信息公开工作年度报告\n"
            "一、总体情况\n2020年,县政府主动公开各类信息共31条。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == ("某某县人民政府", 2020)


def test_another_bodys_title_below_does_not_rename_the_report(tmp_path):
    # guard: a longer name that is not the same body's (it does not end with the headline's name) is not taken
    text = ("某某区退役军人事务局2022年政府信息公开工作年度报告\n相关链接\n某某区人力资源和社会保障局2022年政府信息公开工作年度报告\n"
            "一、总体情况\n2022年,区退役军人事务局主动公开各类信息共31条。\n")
    r = extract_one(_write(tmp_path, text))
    assert r["unit"] == "某某区退役军人事务局"


_LABELS_ONLY = ("二、主动公开政府信息情况\n第二十条第(一)项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n行政规范性文件\n"
                "第二十条第(五)项\n本年处理决定数量\n行政许可\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n"
                "二、上年结转政府信息公开申请数量\n")


def test_an_overview_saying_its_data_end_at_a_years_end_gives_the_year_and_the_page_is_a_report(tmp_path):
    text = ("一、总体情况\n根据《某某区2022年政务公开工作要点》要求,全力做好政务公开工作。截至2022年底,我局政府信息公开工作运行正常。"
            "我局2022年度主动公开政府信息15条。\n" + _LABELS_ONLY)
    path = _write(tmp_path, text)
    r = extract_one(path)
    assert (r["year"], r["format"]) == (2022, "2021")
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    rules = {f["rule"] for f in json.loads(out.stdout)["findings"]}
    assert "F5" not in rules and "F4" in rules     # a report whose tables print no figure: said so, not refused


@pytest.mark.parametrize("said", ["截至2022年6月底,我局政府信息公开工作运行正常。", "截至2022年底,全区常住人口12万人。"])
def test_an_as_of_date_not_at_a_years_end_or_not_about_the_disclosure_gives_no_year(tmp_path, said):
    # guards: mid-year is when something was counted; a year-end figure about something else is not the report's
    text = "一、总体情况\n根据《某某区政务公开工作要点》要求,全力做好政务公开工作。" + said + "\n二、主动公开政府信息情况\n"
    r = extract_one(_write(tmp_path, text))
    assert r["year"] is None


def test_a_traditional_mirrors_naming_sentence_with_its_verb_bian_gives_the_body(tmp_path):
    text = ("根據《中華人民共和國政府信息公開條例》,結合本年度工作實際,特編制某某經濟開發區2022年度政府信息公開工作報告,并向社會公布。\n"
            "一、總體情況\n2022年,某某經濟開發區主動公開政務信息1010條。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == ("某某经济开发区", 2022)


def test_the_body_that_compiled_the_named_report_is_its_body(tmp_path):
    # 鹤山市林业局 2022 on a mirror, no title: `本报告是根据…的要求,由鹤山市林业局编制的2022年政府信息公开年度报告。`
    text = ("本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)的要求,由某某市林业局编制的2022年政府信息公开年度报告。"
            "本报告由总体情况、主动公开政府信息情况等六部分组成。\n一、总体情况\n2022年,我局认真贯彻落实《条例》。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == ("某某市林业局", 2022)


def test_a_compiled_by_sentence_without_the_reports_year_names_no_body(tmp_path):
    # guard: `由丰城市林业局编制。` names the compiler but not the report of a year: no naming sentence, the body stays unread
    text = ("本报告是根据《条例》要求,由某某市林业局编制。本年度报告中所列数据统计期限自2022年1月1日至2022年12月31日止。\n"
            "一、总体情况\n2022年,我局发布信息共计112条。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == (None, 2022)
