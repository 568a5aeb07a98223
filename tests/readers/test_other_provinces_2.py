"""Layouts of real pages from provinces read in session 6 (tests/fixtures/corpus/other-provinces-2), as
constructed texts with made-up units and numbers, read through the real CLI:
- each cell ended by a bar, the row's last cell followed by an empty padding cell on the same line
  (`0 | |`) and a lone `|` opening every row (湖口 大垅乡 2020; a traditional mirror of 福禄镇 2019):
  the page was not taken for one cell a line, every 表二 row read as one value (F3);
- one cell a line, 政府集中采购's amount printed with its unit on its own line (`152790元`,
  `  240万元`; 康乐 上湾乡 2019, 海珠 江南中街道 2020): the amount was no cell, the row one value short (F3)."""
from __future__ import annotations

from pathlib import Path

from cli_read import extract_one


def _rules(report: dict, rule: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == rule]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _bar_padded_row(label: str, values: list[str]) -> str:
    """`|` / `label |` / `v |` … / `last | |`: a row as that crawler wrote it."""
    *first, last = values
    return "|\n" + f"{label} |\n" + "".join(f"{v} |\n" for v in first) + f"{last} | |\n"


_HEAD_2019 = """某某县某某乡2020年政府信息公开工作年度报告
一、总体情况
本乡全年主动公开政府信息52条。
二、主动公开政府信息情况
|
第二十条第(一)项 | ||||
|
信息内容 |
本年新制作数量 |
本年新公开数量 |
对外公开总数量 | |
"""


def test_cells_ended_by_a_bar_with_a_padding_cell_are_read(tmp_path):
    text = (_HEAD_2019
            + _bar_padded_row("规章", ["2", "1", "7"])
            + _bar_padded_row("规范性文件", ["3", "0", "11"])
            + "|\n第二十条第(五)项 | ||||\n|\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 | |\n"
            + _bar_padded_row("行政许可", ["6", "+2", "40"])
            + _bar_padded_row("其他对外管理服务事项", ["9", "-1", "137"])
            + "|\n第二十条第(六)项 | ||||\n|\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 | |\n"
            + _bar_padded_row("行政处罚", ["4", "0", "15"])
            + _bar_padded_row("行政强制", ["1", "0", "3"])
            + "|\n第二十条第(八)项 | ||||\n|\n信息内容 |\n上一年项目数量 |\n本年增/减 | ||\n"
            + _bar_padded_row("行政事业性收费", ["2", "0"]))
    r = extract_one(_write(tmp_path, "barpad.txt", text))
    c = r["cells"]
    assert [c["active.regulations.made"], c["active.regulations.published"], c["active.regulations.total_published"]] == [2, 1, 7]
    assert [c["active.normative_docs.made"], c["active.normative_docs.published"],
            c["active.normative_docs.total_published"]] == [3, 0, 11]
    assert [c["active.licensing.prev_items"], c["active.licensing.change"], c["active.licensing.decisions"]] == [6, 2, 40]
    assert [c["active.other_services.prev_items"], c["active.other_services.change"],
            c["active.other_services.decisions"]] == [9, -1, 137]
    assert [c["active.penalty.decisions"], c["active.enforcement.decisions"]] == [15, 3]
    assert [c["active.fees.prev_items"], c["active.fees.change"]] == [2, 0]
    assert not _rules(r, "F3")


def test_a_markdown_row_with_an_empty_last_cell_is_still_a_table_row(tmp_path):
    # guard: `| 规章 | 2 | 1 | 7 | |` is one row of a `|` table, not cells ended by bars
    text = ("某某县某某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
            "| 第二十条第(一)项 | | | | |\n| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 | |\n"
            "| 规章 | 2 | 1 | 7 | |\n| 规范性文件 | 3 | 0 | 11 | |\n")
    c = extract_one(_write(tmp_path, "md.txt", text))["cells"]
    assert [c["active.regulations.made"], c["active.normative_docs.total_published"]] == [2, 11]


def _one_cell_a_line(amount: str) -> str:
    z3 = ["0", "0", "0"]
    cells = ["第二十条第(一)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
             "规章", *z3, "规范性文件", "1", "1", "4",
             "第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
             "行政许可", "2", "0", "24", "其他对外管理服务事项", *z3,
             "第二十条第(六)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
             "行政处罚", "1", "0", "44", "行政强制", *z3,
             "第二十条第(八)项", "信息内容", "上一年项目数量", "本年增/减", "行政事业性收费", "1", "1",
             "第二十条第(九)项", "信息内容", "采购项目数量", "采购总金额", "政府集中采购", "3", amount,
             "三、收到和处理政府信息公开申请情况"]
    return "某某街道2020年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n" + "\n\n".join(cells) + "\n"


def test_an_amount_with_its_unit_on_its_own_line_is_the_rows_cell(tmp_path):
    for amount, value, unit in (("152790元", 152790, "元"), ("  12.5万元", 12.5, "万元")):
        r = extract_one(_write(tmp_path, "amount.txt", _one_cell_a_line(amount)))
        c = r["cells"]
        assert c["active.procurement.items"] == 3
        assert c["active.procurement.amount"] == value
        assert not _rules(r, "F3")
        # read, with the unit noted (F2 info), as for an amount in a table cell
        assert any(unit in f["message"] for f in _rules(r, "F2"))


_NOTE = ("（行政机关制定发布的决定、公告、通告、意见、通知，以及标题采用“规定”“办法”“细则”“规范”“规程”“规则”"
         "等字样的公文，一般情况下属于规范性文件）")


def test_a_row_label_with_its_note_in_brackets_keeps_its_cells_one_a_line(tmp_path):
    # 天门 拖市镇 2020: Hubei's 2019 tables explain each label in brackets, a line longer than prose
    cells = ["第二十条第(一)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
             "规章（设区的市、自治州人民政府应提供相关数据）", "0", "0", "0",
             "规范性文件" + _NOTE, "34", "4", "47",
             "其他主动公开文件（含以本单位或本单位办公室名义正式签发的、除规范性文件以外的主动公开文件）", "5", "5", "9",
             "第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
             "行政许可", "2", "0", "24"]
    text = "某某镇2020年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n" + "\n\n".join(cells) + "\n"
    r = extract_one(_write(tmp_path, "noted.txt", text))
    c = r["cells"]
    assert [c["active.normative_docs.made"], c["active.normative_docs.published"],
            c["active.normative_docs.total_published"]] == [34, 4, 47]
    assert [c["active.licensing.prev_items"], c["active.licensing.decisions"]] == [2, 24]
    assert not any("规范性文件" in f["message"] for f in _rules(r, "F4"))


def test_a_prose_sentence_ending_in_brackets_is_no_row_label(tmp_path):
    # guard: a paragraph with a closing note is prose, its figures no table row
    text = ("某某镇2020年政府信息公开工作年度报告\n一、总体情况\n"
            "本镇全年主动公开政府信息52条，依申请公开0件，未发生行政复议和行政诉讼（相关数据详见下表，统计期限为2020年1月1日至2020年12月31日，如有疑问请与镇党政办公室联系）\n"
            "二、主动公开政府信息情况\n规章\n0\n0\n0\n规范性文件\n1\n1\n4\n")
    c = extract_one(_write(tmp_path, "prose.txt", text))["cells"]
    assert [c["active.regulations.made"], c["active.normative_docs.total_published"]] == [0, 4]


def test_titles_of_a_yearly_work_report_name_the_unit(tmp_path):
    # 康乐 上湾乡 2019, 广昌 长桥乡 2019 (…年度工作报告); 西藏 审计厅 2025 (a page header `标      题 …`
    # without a colon, 政务信息公开工作开展年度报告)
    for title, unit, year in (("某某乡人民政府2019年度政府信息公开年度工作报告", "某某乡人民政府", 2019),
                              ("某某乡2019年政府信息公开年度工作报告", "某某乡", 2019),
                              ("标      题 某某自治区某某厅2025年政务信息公开工作开展年度报告", "某某自治区某某厅", 2025)):
        text = f"{title}\n一、总体情况\n本单位全年主动公开政府信息52条。\n"
        r = extract_one(_write(tmp_path, "title.txt", text))
        assert (r["unit"], r["year"]) == (unit, year), title


def test_a_sentence_naming_the_report_still_names_no_unit(tmp_path):
    # guard (as session 5's): `现将2021年政府信息公开年度工作报告如下` is no title line
    text = "一、总体情况\n现将2021年政府信息公开年度工作报告如下。\n本单位全年主动公开政府信息52条。\n"
    assert extract_one(_write(tmp_path, "sentence.txt", text))["unit"] is None


def test_a_title_opening_with_guanyu_under_the_bodys_line_names_the_body(tmp_path):
    # 盐边 新九镇 2021: the page header repeats the bare title `关于2021年度…的年度报告`; the title proper
    # sets the body on the line above it. `关于` is no unit.
    text = ("关于2021年度政府信息公开工作的年度报告\n\n发布时间:2022-01-25     来源:某某镇党政办\n\n"
            "某某县某某镇人民政府\n\n关于2021年度政府信息公开工作的年度报告\n\n一、总体情况\n\n本镇全年主动公开政府信息53条。\n")
    r = extract_one(_write(tmp_path, "guanyu.txt", text))
    assert (r["unit"], r["year"]) == ("某某县某某镇人民政府", 2021)
    # alone (no line naming the body), the bare title names no unit rather than `关于`
    r = extract_one(_write(tmp_path, "bare.txt", "关于2021年度政府信息公开工作的年度报告\n一、总体情况\n本镇全年主动公开政府信息53条。\n"))
    assert (r["unit"], r["year"]) == (None, 2021)
