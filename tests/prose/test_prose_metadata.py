"""Metadata from the seeds' text: unit, data year, stated period, signature date, title."""
from __future__ import annotations

import pytest

from checker.model import Report
from checker.prose import analyse
from checker.prose.metadata import cn_dates

EXPECTED = {
    # seed: unit, year, period, published
    "000": ("哈尔滨文化园区管理处", 2020, "2019-01-01/2019-12-31", "2021-01-27"),
    "001": ("文化街道办事处", 2020, "2020-01-01/2020-12-31", "2021-01-21"),
    "002": ("哈尔滨市城市管理局", 2020, "2020-01-01/2020-12-31", "2021-01-16"),  # no title: the signature
    "003": ("南岗区城管局", 2021, "2021-01-01/2021-12-31", None),                 # no signature printed
    "004": ("道里区", 2018, "2018-01-01/2018-12-31", "2019-01-07"),                 # "至 12 月 31 日止"
}


def analysed(path) -> Report:
    report = Report(source=str(path))
    analyse(path.read_text(encoding="utf-8").splitlines(), report)
    return report


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_metadata(seeds, seed):
    r = analysed(seeds[seed])
    unit, year, period, published = EXPECTED[seed]
    assert (r.unit, r.year, r.period, r.published) == (unit, year, period, published)


def test_title_and_lines(seeds):
    r = analysed(seeds["000"])
    assert r.title == "哈尔滨文化园区管理处2020年政府信息公开工作年度报告"
    meta = r.facts["meta"]
    assert meta["title_year"] == 2020 and meta["title_line"] == 3
    # the period is printed on line 114 of the file, the signature date on line 120
    lines = seeds["000"].read_text(encoding="utf-8").splitlines()
    assert "2019 年 1 月 1 日" in lines[meta["period_line"] - 1]
    assert "2021 年 1 月 27 日" in lines[meta["published_line"] - 1]
    assert meta["signer"] == "哈尔滨文化园区管理处"


def test_format_follows_year_when_no_reader_fixed_it(seeds):
    assert analysed(seeds["004"]).format == "legacy"
    assert analysed(seeds["002"]).format == "2019"
    assert analysed(seeds["003"]).format == "2021"


def test_reader_values_are_not_overwritten(seeds):
    r = Report(source="x.xlsx", unit="南岗区文化街道办事处", year=2020, period="2020-01-01/2020-12-31")
    analyse(seeds["000"].read_text(encoding="utf-8").splitlines(), r)
    assert (r.unit, r.year, r.period) == ("南岗区文化街道办事处", 2020, "2020-01-01/2020-12-31")
    assert r.published == "2021-01-27"     # not set by the reader: filled


def test_year_falls_back_to_period_then_signature():
    body = ["本年度报告所列数据统计期限为2022年1月1日至2022年12月31日。", "某某局", "2023年1月20日"]
    r = Report(source="a.txt")
    analyse(body, r)
    assert (r.unit, r.year, r.published) == ("某某局", 2022, "2023-01-20")
    r = Report(source="b.txt")
    analyse(["我局认真贯彻条例，做好各项工作。", "某某局", "2023年1月20日"], r)
    assert r.year == 2022 and r.period is None


def test_year_first_title_and_chinese_numeral_date():
    r = Report(source="c.txt")
    analyse(["2019年哈尔滨市某某局政府信息公开工作年度报告", "正文。", "哈尔滨市某某局", "二〇二〇年一月十六日"], r)
    assert (r.unit, r.year, r.published) == ("哈尔滨市某某局", 2019, "2020-01-16")
    assert cn_dates("二〇二〇年十二月三十一日") == "2020年12月31日"
    assert cn_dates("第一中学") == "第一中学"


def test_junk_trailer_lines_are_skipped(seeds):
    # seed 002 ends with "|||…", "[附件下载]", "扫一扫在手机打开当前页", "(来源:市城管局)"
    r = analysed(seeds["002"])
    assert r.facts["meta"]["published_line"] == 6


def test_empty_and_tableless_input_do_not_crash():
    r = Report(source="empty.txt")
    analyse([], r)
    assert (r.unit, r.year, r.format, r.prose) == (None, None, None, [])
    assert r.facts["sections"] == {} and r.facts["regions"]["home"] is None
    r = Report(source="junk.txt")
    analyse(["|||||||", "   ", "扫一扫在手机打开当前页", "１２３４５６"], r)
    assert r.year is None and r.prose == []


@pytest.mark.parametrize("title, unit, year", [
    ("哈尔滨市道里区人民政府2020年度政府信息公开工作年度报告", "哈尔滨市道里区人民政府", 2020),
    ("哈尔滨市教育局关于2021年政府信息公开工作的年度报告", "哈尔滨市教育局", 2021),
    ("哈尔滨市教育局2022年政府信息公开年度报告", "哈尔滨市教育局", 2022),
    ("二〇二〇年哈尔滨市香坊区政府信息公开工作年度报告", "哈尔滨市香坊区", 2020),
])
def test_title_variants(title, unit, year):
    r = Report(source="t.txt")
    analyse(["首页 > 政务公开 > 年度报告", title, "本年度报告依据条例编制。"], r)
    assert (r.unit, r.year, r.facts["meta"]["title_line"]) == (unit, year, 2)


def test_title_broken_over_two_lines():
    r = Report(source="t.txt")
    analyse(["南岗区城管局 2021 年政府信息公开工作", "年度报告", "", "正文。"], r)
    assert (r.unit, r.year) == ("南岗区城管局", 2021)


@pytest.mark.parametrize("date", ["2021年1月16日", "2021.1.16", "2021-01-16", "二〇二一年一月十六日"])
def test_signature_date_forms(date):
    r = Report(source="t.txt")
    analyse(["某某局2020年政府信息公开工作年度报告", "正文。", "某某局", date, "— 8 —"], r)
    assert (r.published, r.facts["meta"]["signer"]) == ("2021-01-16", "某某局")


def test_analysing_twice_does_not_double_the_facts(seeds):
    lines = seeds["004"].read_text(encoding="utf-8").splitlines()
    r = Report(source="x.txt")
    analyse(lines, r)
    n = len(r.prose)
    analyse(lines, r)
    assert len(r.prose) == n and n > 0


@pytest.mark.parametrize("after", [
    "",
    " （联系人：张三，联系方式：0591-1234567） 附件下载",
    "抄送：驻区纪检监察组。某某局办公室 2021年1月16日印发 附件下载",
    " Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN /* Style Definitions */ table.MsoNormalTable {mso-style-name:普通表格;} 附件下载",
    "相关链接广东省人民政府 中国政府网版权所有：某区人民政府 © 备案号 12345678",
    " （此件主动公开）",
])
def test_signature_in_the_middle_of_a_one_line_page(after):
    # a crawler's page is one line: the signature stands mid-line, what the page prints after it follows
    line = "某某局2020年政府信息公开工作年度报告一、总体情况…六、其他需要报告的事项无。 某某局 2021年1月16日" + after
    r = Report(source="t.txt")
    analyse([line], r)
    assert (r.published, r.facts["meta"]["signer"]) == ("2021-01-16", "某某局")


def test_a_date_in_the_last_sentence_is_no_signature():
    r = Report(source="t.txt")
    analyse(["某某局2020年政府信息公开工作年度报告", "本报告于2021年1月16日经局务会审议通过，附件下载"], r)
    assert r.published is None


def test_a_period_stated_as_what_the_report_covers():
    """A unit set up mid-year states its period as what the report covers (苏平片区管理局 2019)."""
    r = Report(source="t.txt")
    analyse(["某某片区管理局2019年政府信息公开工作年度报告",
             "现公布本局2019年信息公开工作年度报告，内容涵盖2019年9月1日至12月31日期间的政府信息公开工作情况。"], r)
    assert r.period == "2019-09-01/2019-12-31"
