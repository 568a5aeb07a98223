"""The data year of a page that lost its title line (real pages of other provinces, bench/NOTES.md):
the report names itself in its first sentence, or 总体情况 opens with the year. A notice the report
cites (`《…关于做好2020年度…年度报告编制…的通知》`) is not the report. Constructed texts, real CLI."""
from __future__ import annotations

import json
import subprocess
import sys


def _year(tmp_path, text: str):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "checker.cli", "extract", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 2), out.stderr
    reports = json.loads(out.stdout)["reports"]
    return reports[0]["year"] if reports else None


_TABLE = "\n二、主动公开政府信息情况\n第二十条第（一）项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 1 | 0 | 4 |\n"


def test_the_report_named_in_its_first_sentence(tmp_path):
    text = "根据《中华人民共和国政府信息公开条例》规定，现公布示例区统计局2022年政府信息公开工作年度报告。\n一、总体情况\n本局全年公开信息30条。" + _TABLE
    assert _year(tmp_path, text) == 2022


def test_a_cited_notice_is_not_the_report(tmp_path):
    text = ("按照《示例省政务公开办公室关于做好2020年度政府信息公开工作年度报告编制工作的通知》要求编制。\n"
            "一、总体情况\n本局全年公开信息30条。" + _TABLE)
    assert _year(tmp_path, text) is None


def test_the_year_that_opens_the_overview(tmp_path):
    text = "一、总体情况\n2021年，示例县农业农村局认真落实条例，主动公开信息52条。" + _TABLE
    assert _year(tmp_path, text) == 2021


def test_the_overview_opening_under_a_sub_heading(tmp_path):
    text = "一、总体情况\n（一）主动公开情况。2024年，本街道主动公开信息18条。" + _TABLE
    assert _year(tmp_path, text) == 2024


def test_a_title_in_book_title_marks_is_still_the_title(tmp_path):
    text = "《示例县教育局2023年政府信息公开工作年度报告》\n一、总体情况\n本局全年公开信息30条。" + _TABLE
    assert _year(tmp_path, text) == 2023


def test_unit_when_the_page_header_repeats_the_bare_title(tmp_path):
    # navigation repeats `2022年政府信息公开工作年度报告`; the title is set on two lines below it
    text = ("2022年政府信息公开工作年度报告\n示例县青石镇人民政府\n2022年政府信息公开工作年度报告\n"
            "一、总体情况\n2022年，本镇主动公开信息20条。" + _TABLE)
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "checker.cli", "extract", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=True)
    (r,) = json.loads(out.stdout)["reports"]
    assert (r["unit"], r["year"]) == ("示例县青石镇人民政府", 2022)
