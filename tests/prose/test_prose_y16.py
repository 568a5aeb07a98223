"""A list on a real report as a public repository holds it (tests/fixtures/corpus/y16, session 16), put into constructed
text and checked through the real CLI (`xxgk check --select P1`):
- 上海市科委 2024 converted to markdown: `当年发布政府信息 393 件，其中包括：行政规范性文件 13 件；规划计划文件 2 件；2024 年度
  部门预算、2023 年度部门决算以及…分配结果信息；重大行政决策事项《…（2024－2027 年）》；…人大代表建议 50 件，…政协提案 85 件`:
  items listed without a count between counted ones (their only digits years) — the list is not the 393's parts, yet a P1
  warning said the parts (150) fall short."""
from __future__ import annotations

from pathlib import Path

from test_real_prose_a6 import check_json


def _p1(tmp_path: Path, sentence: str) -> list[dict]:
    path = tmp_path / "report.md"
    path.write_text("2024 年上海市某某委政府信息公开工作年度报告\n本年度报告中所列数据的统计周期为 2024 年 1 月 1 日至 12 月 31 日。\n"
                    "一、总体情况\n" + sentence + "\n二、主动公开政府信息情况\n", encoding="utf-8")
    return check_json(path, select="P1")


def test_items_listed_without_a_count_between_counted_ones_make_no_sum(tmp_path):
    sentence = ("截至 2024 年 12 月 31 日，市某某委通过部门网站当年发布政府信息 393 件，其中包括：行政规范性文件 13 件；规划计划文件 2 件；"
                "2024 年度部门预算、2023 年度部门决算以及 2023 年上海市科技计划资金分配结果信息；重大行政决策事项"
                "《上海市促进科技成果转移转化行动方案（2024－2027 年）》；《市某某委 2024 年度代表建议和政协提案办理工作总体情况》"
                "及主合办人大代表建议 50 件，主合办政协提案 85 件的办理复文。")
    assert _p1(tmp_path, sentence) == []


def test_a_list_whose_clauses_all_carry_counts_still_falls_short(tmp_path):
    # guard: every clause between the parts counts its items (`2024 年度…13 件` holds a year and a count): 150 < 393 is told
    sentence = ("市某某委通过部门网站当年发布政府信息 393 件，其中包括：2024 年度行政规范性文件 13 件；规划计划文件 2 件；"
                "人大代表建议办理复文 50 件；政协提案办理复文 85 件。")
    (f,) = _p1(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (393, 150)
