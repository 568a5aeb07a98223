"""互助县政务服务中心 2020 (tests/fixtures/corpus/a14): a page whose paragraphs each became a line, an empty line
after each, every table cell a paragraph and an empty cell a paragraph holding a space (`行政许可` / `` / ` 148` / `` /
` ` / `` / ` ` / `` / next label). Before, the lines holding a space were taken for the page's spacing: the text was
not seen as double-spaced at all, the row's trailing empty cells were lost, and `148` alone under three columns was
unread (F3). Those lines are the row's empty cells as printed: 148 is 上一年项目数量, the other two cells are blank
(F1). Constructed text in the real pattern, through the real CLI."""
from __future__ import annotations

from pathlib import Path

from cli_read import extract_one

HEAD = ("某某县政务服务中心2020年政府信息公开工作年度报告",
        "根据《中华人民共和国政府信息公开条例》有关要求，现将本中心2020年政府信息公开工作情况报告如下。",
        "一、总体情况", "2020年，政务服务中心认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开各类信息。",
        "二、主动公开政府信息情况")
SECTION_1 = ("第二十条第(一)项", "信息内容", "本年新", "制作数量", "本年新", "公开数量", "对外公开总数量")
SECTION_5 = ("第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/", "处理决定数量")
SPACE = " "      # an empty cell: a paragraph holding a space
KEYS = ("prev_items", "change", "decisions")


def _page(tmp_path: Path, *cells: str) -> dict:
    path = tmp_path / "互助.txt"
    path.write_text("\n\n".join((*HEAD, *SECTION_1, "规章", SPACE, SPACE, SPACE, "规范性文件", SPACE, SPACE, SPACE,
                                 *SECTION_5, *cells)) + "\n", encoding="utf-8")
    return extract_one(path)


def _row(r: dict, row: str) -> list:
    return [r["cells"][f"active.{row}.{k}"] for k in KEYS]


def test_a_number_then_empty_cells_shown_as_spaces_is_read_in_its_column(tmp_path):
    r = _page(tmp_path, "行政许可", " 148", SPACE, SPACE, "其他对外管理服务事项", " 257", SPACE, SPACE,
              "第二十条第(六)项", "信息内容", "上一年项目数量", "本年增/", "处理决定数量", "行政处罚", " 3", " 1", " 4")
    assert _row(r, "licensing") == [148, None, None]
    assert _row(r, "other_services") == [257, None, None]
    assert _row(r, "penalty") == [3, 1, 4]
    assert not [f for f in r["findings"] if f["rule"] == "F3"], r["findings"]
    blank = [f["message"] for f in r["findings"] if f["rule"] == "F1"]
    assert any("「行政许可·本年增/减、处理决定数量」为空" in m for m in blank), blank
    assert any("「规章·本年新制作数量、本年新公开数量、对外公开总数量」为空" in m for m in blank), blank


def test_a_number_as_long_as_the_row_in_a_bar_row_stays_unread(tmp_path):
    # guard: `| 148 | | |` on one line (a converter's cells) may be a whole row run together: as before, unread
    path = tmp_path / "竖线.txt"
    path.write_text("\n".join((*HEAD, "第二十条第(五)项", "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
                               "| 行政许可 | 148 | | |", "| 其他对外管理服务事项 | 2 | 5 | 7 |")) + "\n", encoding="utf-8")
    r = extract_one(path)
    assert _row(r, "licensing") == [None, None, None]
    assert _row(r, "other_services") == [2, 5, 7]


def test_empty_lines_alone_do_not_make_a_short_row_full(tmp_path):
    # guard: plain gaps (no line holding a space) after the number: how many cells they hold is not shown,
    # the row stays unread as before
    path = tmp_path / "空行.txt"
    path.write_text("\n\n".join((*HEAD, *SECTION_1, "规章", "0", "0", "0", "规范性文件", "0", "0", "0", *SECTION_5,
                                 "行政许可", "148", "", "其他对外管理服务事项", "2", "5", "7")) + "\n", encoding="utf-8")
    r = extract_one(path)
    assert _row(r, "licensing") == [None, None, None]
    assert _row(r, "other_services") == [2, 5, 7]
