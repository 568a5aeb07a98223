"""Layouts of real pages read in session 7 (tests/fixtures/corpus/other-provinces-3), as constructed
texts with made-up units and numbers, read through the real CLI:
- a page whose crawler ended every table cell with a bar (`规章 |` / `0 |` one a line, `|||` padding)
  but opened with the site's document header as `|` rows (`索 引 号 | … | 发布机构 | … |`; 镇安
  茅坪回族镇 2022): the header rows made the page a `|` table page, 规章 and 行政规范性文件 read as
  one value each (two false F3, six cells unread);
- a page indented by four spaces on every line, its rows glued to their labels (`    规章000`; 海城
  西四镇 2025): the indentation sent each row to the `pdftotext -layout` splitter, which took the digit
  run for one number — 表二 was not found at all (false F4), six cells unread;
- a title on two lines whose year lacks 年 (`海南省生态环境厅` / `2022政府信息公开工作年度报告`): no unit,
  no year, and a page without tables was then no report at all (`无法识别为年度报告`)."""
from __future__ import annotations

from pathlib import Path

from checker.readers.text import _bar_ended, split_line
from cli_read import extract_one


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _ended(*cells: str) -> str:
    return "".join(f"{c} |\n" for c in cells)


_BAR_ENDED_TABLE = ("二、主动公开政府信息情况\n"
                    + _ended("第二十条第(一)项") + "|||\n"
                    + _ended("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
                    + _ended("规章", "1", "0", "4")
                    + _ended("行政规范性文件", "6", "2", "31")
                    + _ended("第二十条第(五)项") + "|||\n"
                    + _ended("信息内容", "本年处理决定数量") + "||\n"
                    + _ended("行政许可", "57") + "||\n"
                    + _ended("第二十条第(六)项") + "|||\n"
                    + _ended("信息内容", "本年处理决定数量") + "||\n"
                    + _ended("行政处罚", "12") + "||\n"
                    + _ended("行政强制", "3") + "||\n")

_DOC_HEADER = ("索 引 号 | xx123456789-2023-000042 | 发布机构 | 某某县政府 |\n"
               "发布日期 | 2023-01-30 | 文 号 | |\n"
               "是否有效 | 有效 | 有限期限 |\n"
               "现将某某镇2022年度政府信息公开工作报告如下:\n"
               "一、总体情况\n本镇全年主动公开政府信息120条。\n")


def test_a_document_header_of_bar_rows_does_not_hide_a_bar_ended_table(tmp_path):
    r = extract_one(_write(tmp_path, "header.txt", _DOC_HEADER + _BAR_ENDED_TABLE))
    c = r["cells"]
    assert [c["active.regulations.issued"], c["active.regulations.repealed"], c["active.regulations.in_force"]] == [1, 0, 4]
    assert [c["active.normative_docs.issued"], c["active.normative_docs.repealed"],
            c["active.normative_docs.in_force"]] == [6, 2, 31]
    assert [c["active.licensing.decisions"], c["active.penalty.decisions"], c["active.enforcement.decisions"]] == [57, 12, 3]
    assert not [f for f in r["findings"] if f["rule"] == "F3"]


def test_a_value_row_of_bars_above_the_table_still_vetoes_the_bar_ended_reading():
    """Guard: only a header block of text cells above the first bar-ended cell is passed over; a line of
    several cells holding a number is a `|` table row wherever it stands and keeps the page a `|` page."""
    assert _bar_ended((_DOC_HEADER + _BAR_ENDED_TABLE).splitlines())
    assert not _bar_ended(("| 规章 | 1 | 0 | 4 |\n" + _BAR_ENDED_TABLE).splitlines())
    assert not _bar_ended((_BAR_ENDED_TABLE + "发布日期 | 2023-01-30 | 文 号 | |\n").splitlines())


_INDENTED = """海城市某某镇2025年政府信息公开工作年度报告
    一、总体情况
    (一)主动公开政府信息情况。全年主动发布政府信息共计57条。
    二、主动公开政府信息情况
    第二十条第(一)项
    信息内容本年制发件数本年废止件数现行有效件数
    规章000
    行政规范性文件000
    三、收到和处理政府信息公开申请情况
"""


def test_rows_glued_to_their_labels_on_an_indented_page_are_read(tmp_path):
    r = extract_one(_write(tmp_path, "indented.txt", _INDENTED))
    c = r["cells"]
    assert [c["active.regulations.issued"], c["active.regulations.repealed"], c["active.regulations.in_force"],
            c["active.normative_docs.issued"], c["active.normative_docs.repealed"],
            c["active.normative_docs.in_force"]] == [0] * 6
    assert not [f for f in r["findings"] if f["rule"] == "F4" and "三张标准表格" in f["message"]]


def test_pdftotext_lines_keep_their_positions():
    """Guard: in pdftotext's text (`chars`) the spaces before a line are its column, not a margin:
    an indented label with a number glued on stays one layout cell at its position, as before."""
    cells = split_line("        仍不明确0", 7, 0, True)
    assert [(c.text, c.x) for c in cells] == [("仍不明确0", 8)]


def test_a_title_whose_year_lacks_its_nian_names_the_body_and_year(tmp_path):
    text = ("某某省某某厅\n\n2022政府信息公开工作年度报告\n\n本报告依据《中华人民共和国政府信息公开条例》编制。\n\n"
            "一、总体情况\n\n全年发布政府信息共有1234条。\n")
    r = extract_one(_write(tmp_path, "title.txt", text))
    assert (r["unit"], r["year"]) == ("某某省某某厅", 2022)
