"""Session 16's convention for a report whose title names no body: the body that compiles its own report is the
report's body; an office compiling (办公室, 办公厅, 党政办…) leaves it unread, since an office compiles its government's or
its bureau's report and publishes its own too; the field block's 发文机关 counts, its 发布机构 (a site's publishing
office or column) never. Real patterns, through the real CLI:
- a14 乌林乡 2019: `…(国办公开办函〔2019〕60号),乌林乡编制了2019年政府信息公开工作年度报告` (was unread);
- 微山县高楼乡 2023 (closing15 unseen page): `本报告由高楼乡人民政府按照…要求编制` (was unread);
- a15 昌洒镇 2020: `发文机关:文昌市昌洒镇 成文日期:…` above a title naming no body (was unread);
- w15 鹤山市林业局 2022: `由鹤山市林业局编制的2022年…报告` (read since session 15, kept);
- guards from the corpus: `由盐城市人民政府办公室编制`, `由查干屯格乡人民政府党政办公室编制`, `发布机构: 柘城县政府办公室`."""
from __future__ import annotations

from pathlib import Path

import pytest

from cli_read import extract_one

TITLE = "2023年政府信息公开工作年度报告"
BODY = ("一、总体情况", "2023年，认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息120条。",
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。")


def _unit(tmp_path: Path, *lines: str) -> str | None:
    path = tmp_path / "报告.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = extract_one(path)
    assert r["year"] == 2023, r
    return r["unit"]


@pytest.mark.parametrize(("opening", "unit"), [
    ("根据《中华人民共和国政府信息公开条例》(以下简称《条例》)的规定,高楼乡编制了2023年政府信息公开工作年度报告。", "高楼乡"),
    ("本报告由高楼乡人民政府按照《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况等部分。", "高楼乡人民政府"),
    ("本年度报告由某某县市场监督管理局编制，报告中所列数据的统计期限为2023年。", "某某县市场监督管理局"),
    ("本报告是根据《条例》要求，由某某市林业局编制的2023年政府信息公开年度报告。", "某某市林业局"),
])
def test_a_body_compiling_its_own_report_is_its_body(tmp_path, opening, unit):
    assert _unit(tmp_path, TITLE, opening, *BODY) == unit


@pytest.mark.parametrize("opening", [
    "本报告由某某市人民政府办公室编制，报告中所列数据的统计期限为2023年。",
    "本报告由某某乡人民政府党政办公室编制，全文包括总体情况等部分。",
    "本报告是根据《条例》要求，由某某县人民政府办公室编制的2023年政府信息公开工作年度报告。",
    "根据《条例》的规定,某某县教育局办公室编制了2023年政府信息公开工作年度报告。",
])
def test_an_office_compiling_leaves_the_body_unread(tmp_path, opening):
    # the office compiles its government's (or bureau's) report, and publishes its own too: not decidable
    assert _unit(tmp_path, TITLE, opening, *BODY) is None


def test_the_title_s_body_wins_over_the_compiler(tmp_path):
    assert _unit(tmp_path, "某某县人民政府" + TITLE, "本报告由某某县人民政府办公室编制。", *BODY) == "某某县人民政府"


def test_the_field_block_s_issuing_body(tmp_path):
    assert _unit(tmp_path, "- 索 引 号:00820374-2/2024-47858 主题分类:", "- 发文机关:文昌市某某镇 成文日期:2024-01-19 08:58",
                 "标 题:", TITLE, *BODY) == "文昌市某某镇"


@pytest.mark.parametrize("field", ["- 发布机构:某某县政府办公室 成文日期:2024-01-19", "- 发文机关:某某县人民政府办公室 成文日期:2024-01-19"])
def test_a_publishing_office_in_the_field_block_is_no_body(tmp_path, field):
    assert _unit(tmp_path, "- 索 引 号:00820374-2/2024-47858 主题分类:", field, "标 题:", TITLE, *BODY) is None
