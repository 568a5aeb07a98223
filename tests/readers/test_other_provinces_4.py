"""Metadata of real pages read in session 8 (tests/fixtures/corpus/other-provinces-4), as constructed texts
with made-up units and numbers, read through the real CLI:
- a statistical period written with a comma after 起 or 始 (朔州市 2023: `数据统计期限自2023年1月1日起,至2023年
  12月31日止`; 高青 常家镇 2024: `自2024年1月1日始,至2024年12月31日止`): not read, so a page without a title
  or a table had no year and was refused (`无法识别为年度报告`)."""
from __future__ import annotations

from pathlib import Path

from cli_read import extract_one

_OPENING = ("本年度报告根据《中华人民共和国政府信息公开条例》的要求编制,全文包括总体情况、主动公开政府信息情况、"
            "收到和处理政府信息公开申请情况等六部分。报告中所列数据统计期限自{start},至{end}止。\n"
            "- 总体情况\n(一)主动公开情况。全年共发布政府信息120条。\n")


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "report.txt"
    p.write_text(text, encoding="utf-8")
    return p


def test_a_period_with_a_comma_after_qi_gives_the_year(tmp_path):
    r = extract_one(_write(tmp_path, _OPENING.format(start="2022年1月1日起", end="2022年12月31日")))
    assert (r["year"], r["period"]) == (2022, "2022-01-01/2022-12-31")


def test_a_period_opened_by_shi_gives_the_year(tmp_path):
    r = extract_one(_write(tmp_path, _OPENING.format(start="2021年1月1日始", end="2021年12月31日")))
    assert (r["year"], r["period"]) == (2021, "2021-01-01/2021-12-31")


# a pre-2019 report whose 统计表 a crawler flattened into its one line (平潭 2011–2018, made-up numbers)
_LEGACY_OPENING = ("某某县人民政府2012年政府信息公开工作年度报告 本报告所列数据的统计期限自2012年1月1日起至2012年12月31日。"
                   "一、概述 2012年，全县主动公开政府信息120条。主动公开的政府信息，县直各单位主动公开政府信息80条，"
                   "各乡镇主动公开政府信息40条。二、依申请公开情况 2012年共收到申请3条。 ")


def test_a_flattened_legacy_table_spaced_out_reads_the_years_column(tmp_path):
    table = ("附件1：统计表 指标名称 计量单位 2012年度 历年累计 主动公开信息数 条 120 560 其中：1、网站公开 条 118 550 "
             "2、政府公报公开 条 2 10 受理依申请公开信息总数 条 3 9 其中：1、当面申请数 条 1 4 2、传真申请数 条 0 0 "
             "3、信函申请数 条 2 5 对申请的答复总数 条 3 9 其中：1、同意公开答复数 条 2 7 2、同意部分公开答复数 条 1 1 "
             "3、否决公开答复数 条 0 1 行政复议数 件 0 0 附件下载")
    r = extract_one(_write(tmp_path, _LEGACY_OPENING + table))
    assert r["format"] == "legacy"
    assert {k: v for k, v in r["cells"].items() if v is not None} == {
        "legacy.active.total": 120, "legacy.active.website": 118, "legacy.active.gazette": 2,
        "legacy.requests.received": 3, "legacy.requests.in_person": 1, "legacy.requests.fax": 0,
        "legacy.requests.letter": 2, "legacy.requests.answered": 3, "legacy.requests.granted": 2,
        "legacy.requests.partly_granted": 1, "legacy.requests.denied": 0}


def test_a_run_together_legacy_table_reads_only_the_runs_with_one_split(tmp_path):
    # `00`/`07`: two digits, one split; `018` + the next row's `2.`: a 0 first; `20263542`, `728`: several
    # splits (20|263542, 2026|3542…) stay unread; `信函、传真申请数` is neither channel's cell alone
    table = ("统计表 指标名称计量单位2012年度历年累计主动公开信息数条1203542其中：1.网站公开条118033042.政府公报公开条07"
             "受理依申请公开信息总数条728其中：1.当面申请数条0182.网上申请数条443.信函、传真申请数条11"
             "对申请的答复总数条324其中：1.同意公开答复数条2192.同意部分公开答复数条133.否决公开答复数条02")
    r = extract_one(_write(tmp_path, _LEGACY_OPENING + table))
    cells = r["cells"]
    assert (cells.get("legacy.active.gazette"), cells.get("legacy.requests.in_person"),
            cells.get("legacy.requests.partly_granted"), cells.get("legacy.requests.denied")) == (0, 0, 1, 0)
    assert "legacy.requests.fax" not in cells and "legacy.requests.letter" not in cells
    assert "legacy.active.website" not in cells and "legacy.requests.answered" not in cells
    # not from the table (ambiguous there): the prose's own figures, as before
    assert (cells.get("legacy.active.total"), cells.get("legacy.requests.received")) == (120, 3)


_BODY = ("本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n2023年,主动公开政府信息45条。\n")


def test_a_title_in_a_page_headers_bar_cells_gives_the_unit(tmp_path):
    # 高青 常家镇 2024: `标题: | 高青县常家镇人民政府2024年政府信息公开工作年度报告 | ||`
    head = "标题: | 某某县某某镇人民政府2023年政府信息公开工作年度报告 | ||\n---|---|---|---|\n"
    r = extract_one(_write(tmp_path, head + _BODY))
    assert (r["unit"], r["year"]) == ("某某县某某镇人民政府", 2023)


def test_a_title_ending_nianbao_gives_the_unit(tmp_path):
    # 天津 胡家园街 2024: `胡家园街2024年度政府信息公开年报 |`
    r = extract_one(_write(tmp_path, "某某街2023年度政府信息公开年报 |\n" + _BODY))
    assert (r["unit"], r["year"]) == ("某某街", 2023)


def test_a_mirrors_pinyin_and_traditional_names_give_the_simplified_unit(tmp_path):
    # 西藏自治區(qū)民委 2023 (a mirror adding pinyin after characters), 黑龍江省人民防空辦公室 2021
    r = extract_one(_write(tmp_path, "| 標 題 | 某某自治區(qū)民委2023年政府信息公開工作年度報告 | ||\n" + _BODY))
    assert (r["unit"], r["year"]) == ("某某自治区民委", 2023)
    r = extract_one(_write(tmp_path, "黑龍江省某某辦公室2023年度政府信息公開工作報告\n" + _BODY))
    assert r["unit"] == "黑龙江省某某办公室"
