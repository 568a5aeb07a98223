"""Real sentence patterns of session 10's pages (tests/fixtures/corpus/w10, and the traditional mirrors of a9/w9),
checked through the real CLI with made-up bodies and numbers:
- 杭州 滨江 2017, 宣州 水阳镇 2023, 海南省政府办公厅 2020 (traditional-character mirrors): the sentences were read
  as printed, so no figure of a traditional page was ever tied to a cell or checked as a sum (the title and
  headings were already read as their simplified form);
- 海南省政府办公厅 2020 `本机关不掌握相关政府信息或没有现成信息及申请内容不明确无法提供的33件`: the figure names the
  three rows of （四）无法提供 in the template's own words but was tied to 不掌握 alone (with the table printed, R10
  would have compared the group's 33 with one row)."""
from __future__ import annotations

from pathlib import Path

from test_prose_a9 import _xxgk
from test_prose_other_provinces_2 import _p1

UNAVAILABLE = "+".join(f"requests.unavailable.{k}.total" for k in ("not_held", "needs_creation", "unclear"))


def _ties(tmp_path: Path, text: str) -> set[tuple[str, int]]:
    p = tmp_path / "report.txt"
    p.write_text(text, encoding="utf-8")
    (r,) = _xxgk("extract", str(p))["reports"]
    ties = {(c, v) for c, v in r["cells"].items() if c.startswith("legacy.") and v is not None}
    for f in r["prose"]:          # a figure's own cell, and the cells of a sum's parts
        ties |= {(f["cell"], f["value"])} if f.get("cell") else set()
        ties |= {(c, v) for c, v in zip(f.get("part_cells") or [], f.get("parts") or []) if c}
    return ties


def test_a_traditional_mirrors_legacy_figure_is_read(tmp_path):
    text = ("某某區某某局2017年度政府信息公開工作年度報告\n本報告中所列數據的統計期限自2017年1月1日起至2017年12月31日止。\n"
            "一、概述\n2017年我局共收到依申請公開政府信息申請3件。\n")
    assert ("legacy.requests.received", 3) in _ties(tmp_path, text)


def test_a_traditional_mirrors_request_figures_are_tied(tmp_path):
    text = ("某某省人民政府辦公廳2020年政府信息公開工作年度報告\n本報告中所列數據的統計期限自2020年1月1日起至2020年12月31日止。\n"
            "一、總體情況\n2020年省政府辦公廳共收到政府信息公開申請70件,其中,予以公開的21件,不予公開的11件。\n")
    ties = _ties(tmp_path, text)
    assert {("requests.received.total", 70), ("requests.granted.total", 21)} <= ties


def test_a_traditional_mirrors_list_that_does_not_add_up_is_found(tmp_path):
    sentence = "2023年,某某鎮共主動公開政府信息90條,其中決策公開5條、財政專項資金管理使用40條,村務公開30條。"
    (f,) = _p1(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (90, 75)


def test_a_traditional_mirrors_list_that_adds_up_is_no_finding(tmp_path):
    # guard: the same list adding up gives nothing
    assert _p1(tmp_path, "2023年,某某鎮共主動公開政府信息75條,其中決策公開5條、財政專項資金管理使用40條,村務公開30條。") == []


def test_the_unavailable_group_in_two_halves_is_the_group(tmp_path):
    text = ("某某市人民政府办公室2020年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n"
            "一、总体情况\n2020年共收到政府信息公开申请70件,其中,予以公开的21件,本机关不掌握相关政府信息或没有现成信息"
            "及申请内容不明确无法提供的33件。\n")
    ties = _ties(tmp_path, text)
    assert (UNAVAILABLE, 33) in ties
    assert ("requests.unavailable.not_held.total", 33) not in ties


def test_not_held_alone_is_still_its_row(tmp_path):
    # guard: 不掌握 named alone is that one row
    text = ("某某市人民政府办公室2020年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n"
            "一、总体情况\n2020年共收到政府信息公开申请70件,其中,因本机关不掌握相关政府信息无法提供的12件。\n")
    assert ("requests.unavailable.not_held.total", 12) in _ties(tmp_path, text)
