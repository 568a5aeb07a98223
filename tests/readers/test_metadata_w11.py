"""Years of real pages read in session 11 (tests/fixtures/corpus/w11), as constructed texts with made-up bodies and
numbers, read through the real CLI:
- 易门县气象局 2023 (no title line): its period is printed `统计期限为20231月1日至12月31日` — the 年 lost, the year's
  digits running into the month's (a9's 永吉街道 2025 prints `自20251月1日起至202512月31日止`): no period was read,
  and with no title the page was refused (无法识别为年度报告)."""
from __future__ import annotations

import pytest

from cli_read import extract_one
from test_other_provinces_4 import _write

_OPENING = ("本报告是根据《中华人民共和国政府信息公开条例》的要求，由某某县气象局编制。\n\n"
            " 本报告中使用数据统计期限为{period}。\n\n一、总体情况\n\n（一）加强领导。我局累计主动公开政府信息242条。\n")


@pytest.mark.parametrize("period, year, read", [
    ("20231月1日至12月31日", 2023, "2023-01-01/2023-12-31"),
    ("自20251月1日起至202512月31日止", 2025, "2025-01-01/2025-12-31"),
    ("2024年1月1日至2024年12月31日", 2024, "2024-01-01/2024-12-31"),
], ids=["start-year-glued", "both-years-glued", "printed-whole"])
def test_a_period_whose_year_runs_into_the_month_gives_the_year(tmp_path, period, year, read):
    r = extract_one(_write(tmp_path, _OPENING.format(period=period)))
    assert (r["year"], r["period"]) == (year, read)


def test_a_number_before_a_month_is_no_year(tmp_path):
    # guard: a count printed before a date (`统计数据12条3月1日起`) is not taken for a year
    r = extract_one(_write(tmp_path, _OPENING.format(period="以各科室报送数据为准").replace(
        "（一）", "统计数据12条3月1日起至12月31日。（一）")))
    assert r["period"] is None


def test_the_body_named_with_its_short_name_in_brackets(tmp_path):
    # 佛山市税务局 2021 (no title line): the sentence standing for the title names the body, then its short name
    head = ("根据《中华人民共和国政府信息公开条例》,特向社会公布国家税务总局某某市税务局(以下简称“某某市税务局”,下文类同)"
            "2021年政府信息公开工作年度报告。所列数据的统计期限为2021年1月1日至2021年12月31日。\n一、总体情况\n")
    r = extract_one(_write(tmp_path, head + "2021年,某某市税务局主动公开政府信息120条。\n"))
    assert (r["unit"], r["year"]) == ("国家税务总局某某市税务局", 2021)
