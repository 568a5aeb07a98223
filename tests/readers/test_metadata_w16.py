"""Titles and bodies of real pages read in session 16 (tests/fixtures/corpus/w16: 省厅/省局, 地级市 departments, hospitals,
疾控, 2023–2025 reports), as constructed texts read through the real CLI:
- a 公立医院's report template on a document-sharing site (汇文网): the title `医院政府信息公开工作年度报告`, the body
  `由xx县中医院编制完成` — the body was read `医院`, a kind of body, no name (a wrong unit);
- 山东省交通运输厅's 2019 report as a flipbook page (`basic-html/page2.html`) titled `Page 2 - 省交通运输厅2019年度…`: the
  title was not seen behind `Page 2 - `, and the page (its table of contents) was refused as no report (F5) — it is the
  2019 report, whose tables are not on this page (F4); its contents lines (`五、存在的主要问题及改进情况 ..... 12`) were
  taken for the parts' headings, so 五 was said empty (S1);
- 来宾市卫生健康委员会 2023 and 昌江区民政局 2022, no title: `结合来宾市卫生健康委员会政府信息公开工作实际,现编制2023年…`,
  `结合2022年昌江区民政局政府信息公开工作编制而成` — the body the opening names was left unread."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cli_read import extract_one
from test_other_provinces_4 import _write

_PERIOD = "本年度报告中所列数据的统计期限自2023年1月1日起至12月31日止。\n"
_OVERVIEW = "一、总体情况\n2023年,我委在网站累计发布信息313条。\n"


@pytest.mark.parametrize("title", ["医院政府信息公开工作年度报告", "医院2023年政府信息公开工作年度报告"])
def test_a_kind_of_body_without_a_name_is_no_unit(tmp_path, title):
    text = ("2023\n医院\n政府\n信息\n公开\n工作\n年度报告\n" + title + "\n"
            "本年度报告根据中华人民共和国政府信息公开条例要求,由xx县中医院编制完成。" + _PERIOD + _OVERVIEW)
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == (None, 2023)


def test_a_named_hospitals_title_still_gives_its_name(tmp_path):
    # guard: a hospital's own name before the year is its unit
    text = "2014年晋城市妇幼保健院政府信息公开年度报告\n时间:2015-03-09\n一、概述\n2014年,我院在晋城市人民政府信息公开办公室的领导下…\n"
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"], r["format"]) == ("晋城市妇幼保健院", 2014, "legacy")


_TOC = ("Page 2 - 某省交通运输厅2019年度政府信息公开工作年度报告\nP. 2\n目录\n"
        "一、总体情况.............................................. 1\n"
        "(一) 围绕机制保障强化公开,全面加强政务公开能力建设 ..... 1\n"
        "二、主动公开政府信息情况 ................................ 10\n"
        "三、收到和处理政府信息公开申请情况 ...................... 11\n"
        "四、政府信息公开行政复议、行政诉讼情况 .................. 12\n"
        "五、存在的主要问题及改进情况 ............................ 12\n")


def _check(path) -> list[tuple[str, str]]:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return sorted((f["rule"], f["severity"]) for f in json.loads(out.stdout)["findings"]
                  if f["severity"] in ("error", "warning"))


def test_a_flipbook_pages_title_is_the_documents_and_its_missing_tables_are_said(tmp_path):
    path = _write(tmp_path, _TOC)
    r = extract_one(path)
    # the year is the document's; its body's name as the uploader typed it is not taken (a10's 文登 page 9 lost its 区)
    assert (r["unit"], r["year"], r["format"]) == (None, 2019, "2019")
    # its contents lines are no sections: the tables are missing from the page (F4), no part is said empty (S1)
    found = _check(path)
    assert ("F4", "error") in found and ("S1", "warning") not in found


def test_a_contents_page_before_the_text_leaves_the_sections_to_the_text(tmp_path):
    """A report that prints its contents (a PDF's 目录) before its parts: section 五 is the text's, not the contents
    line's (which has nothing under it before 六's line: S1 `没有写出存在的问题` was said of a written part)."""
    text = ("某省交通运输厅2019年度政府信息公开工作年度报告\n目录\n"
            + "".join(f"{h} ...................... {p}\n" for h, p in (
                ("一、总体情况", 1), ("二、主动公开政府信息情况", 3), ("三、收到和处理政府信息公开申请情况", 4),
                ("四、政府信息公开行政复议、行政诉讼情况", 5), ("五、存在的主要问题及改进情况", 5), ("六、其他需要报告的事项", 6)))
            + "本年度报告中所列数据的统计期限自2019年1月1日起至12月31日止。\n一、总体情况\n2019年,我厅主动公开政府信息473条。\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
            "五、存在的主要问题及改进情况\n政策解读的形式还不够丰富,部分信息更新不够及时。下一步,我厅将加强培训,提高信息发布质量。\n"
            "六、其他需要报告的事项\n无。\n")
    assert ("S1", "warning") not in _check(_write(tmp_path, text))


@pytest.mark.parametrize("opening, unit", [
    ("结合某某市卫生健康委员会政府信息公开工作实际,现编制2023年政府信息公开工作年度报告。", "某某市卫生健康委员会"),
    ("本报告依据《中华人民共和国政府信息公开条例》要求,结合2023年某某区民政局政府信息公开工作编制而成。", "某某区民政局"),
    ("结合木塔乡人民政府2023年政府信息公开工作编制而成。", "木塔乡人民政府"),
    # guards: a pronoun, another year's work, a plan of another body, no work named
    ("结合我局政府信息公开工作编制本报告。", None),
    ("结合2022年某某区民政局政府信息公开工作编制而成。", None),
    ("结合县政府办公室政务公开工作要点,编制本报告。", None),
    ("结合某某省政务公开工作实际,制定了《某某省政务公开工作要点》。", None),
    ("结合某某区民政局实际编制本报告。", None),
])
def test_the_body_whose_disclosure_work_the_opening_names(tmp_path, opening, unit):
    r = extract_one(_write(tmp_path, opening + "\n" + _PERIOD + _OVERVIEW))
    assert (r["unit"], r["year"]) == (unit, 2023)


def test_a_schools_name_in_the_naming_sentence_is_its_unit(tmp_path):
    """安徽省涡阳第三中学 2022 on a spam mirror (the betting site's name put where 涡阳 was in the title): the naming sentence
    `现发布《安徽省涡阳第三中学2022年…》` names the school — a name ending 中学 was no body's ending, the unit was left unread."""
    text = ("某某体育_某某app$官网平台:第三中学2022年政府信息公开工作年度报告\n发布时间:2023-01-15 21:27 来源:涡阳三中\n"
            "根据《中华人民共和国政府信息公开条例》要求,现发布《安徽省某某第三中学2022年政府信息公开工作年度报告》。\n"
            "一、总体情况\n(一)主动公开情况\n2022年度主动公开栏目共发布信息33条。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == ("安徽省某某第三中学", 2022)
