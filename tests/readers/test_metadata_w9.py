"""Titles and formats of real pages read in session 9 (tests/fixtures/corpus/w9), as constructed texts with
made-up units and numbers, read through the real CLI:
- 北京 西城 金融街街道 2025: a site's column heading `政府信息公开年报` on the line above the title was joined to
  it, giving the unit `政府信息公开年报西城区金融街街道`;
- 浮梁 臧湾乡 2018 `2018年度浮梁县臧湾乡政府信息公开年报` (the year first, ending 年报) and 湖口 大垅乡 2025
  `2025湖口县大垅乡2025年度政府信息公开工作年度报告` (the site's year put before the title): no unit;
- 沙洋县 2017: a pre-2019 report without tables whose last line ends in a bare number (`…其中维持具体行政行为1`)
  was read as a 2021 table row, so the report was read as 2021 (false M4 and F4);
- 荔湾 中南街道 2020 (a mirror adding pinyin): `規(guī)章 | 0 | 0 | 0 |` matched no table row."""
from __future__ import annotations

import pytest

from cli_read import extract_one
from test_other_provinces_4 import _write

_BODY = ("本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。\n一、总体情况\n"
         "{y}年，主动公开政府信息120条。\n")


@pytest.mark.parametrize("head, unit, year", [
    # a site's column heading above the whole title is no part of the unit
    ("某某区人民政府\n\n政府信息公开年报\n某某区某某街道2025年政府信息公开工作年度报告\n", "某某区某某街道", 2025),
    # guard: the body's line with the year, the rest of the title below it, is still one title
    ("某某市某某区人民政府2023年\n政府信息公开工作年度报告\n", "某某市某某区人民政府", 2023),
    # the year first, the title ending 年报
    ("2018年度某某县某某乡政府信息公开年报\n", "某某县某某乡", 2018),
    # the site's year put before a whole title
    ("2025某某县某某乡2025年度政府信息公开工作年度报告\n", "某某县某某乡", 2025),
], ids=["column-heading", "two-line-title", "year-first-nianbao", "year-before-title"])
def test_the_title_gives_the_unit_and_year(tmp_path, head, unit, year):
    r = extract_one(_write(tmp_path, head + _BODY.format(y=year)))
    assert (r["unit"], r["year"]) == (unit, year)


def test_a_legacy_report_whose_prose_ends_in_a_bare_number_stays_legacy(tmp_path):
    text = ("某某县2016年度政府信息公开工作年度报告\n本报告中所列数据的统计时限自2016年1月1日起至2016年12月31日止。\n"
            "一、概述\n(一)主动公开政府信息的情况\n2016年,全县主动公开政府信息共计1200条。\n(四)行政复议情况\n"
            "2016年全县共受理行政复议3件,其中维持具体行政行为1\n")
    r = extract_one(_write(tmp_path, text))
    assert r["format"] == "legacy"
    assert not [f for f in r["findings"] if f["rule"] == "F4"]


def test_a_mirrors_pinyin_in_table_labels_is_no_part_of_the_label(tmp_path):
    # 荔湾 中南街道 2020 (a traditional mirror that adds pinyin): `規(guī)章 | 0 | 0 | 0 |` was matched to no row, so
    # 规章, 规范性文件, 行政强制 and 行政事业性收费 were unread with a false F4 '没有找到 4 行'
    text = ("某某街道2020年政府信息公開工作年度報告\n二、主動公開政府信息情況\n第二十條第(一)項 |\n"
            "信息內容 | 本年新制作數量 | 本年新公開數量 | 對外公開總數量 |\n"
            "規(guī)章 | 1 | 2 | 3 |\n規(guī)範性文件 | 4 | 5 | 6 |\n第二十條第(五)項 |\n"
            "信息內容 | 上一年項目數量 | 本年增/減 | 處理決定數量 |\n行政許可 | 7 | 0 | 8 |\n"
            "其他對外管理服務事項(xiàng) | 0 | 0 | 0 |\n第二十條第(六)項 |\n"
            "信息內容 | 上一年項目數量 | 本年增/減 | 處理決定數量 |\n行政處罰 | 1 | 0 | 9 |\n"
            "行政強(qiáng)制 | 2 | 0 | 10 |\n第二十條第(八)項 |\n信息內容 | 上一年項目數量 | 本年增/減 |\n"
            "行政事業(yè)性收費(fèi) | 3 | 0 |\n")
    r = extract_one(_write(tmp_path, text))
    cells = r["cells"]
    assert [cells.get(f"active.regulations.{c}") for c in ("made", "published", "total_published")] == [1, 2, 3]
    assert [cells.get(f"active.normative_docs.{c}") for c in ("made", "published", "total_published")] == [4, 5, 6]
    assert (cells.get("active.enforcement.decisions"), cells.get("active.fees.prev_items")) == (10, 3)
    assert not [f for f in r["findings"] if f["rule"] == "F4" and "规章" in f["message"]]
