"""Layouts of real pages from other provinces (session 5, tests/fixtures/corpus/other-provinces), as
constructed texts with made-up units and numbers, read through the real CLI:
- each row's label on a line of its own above a line of its values (`规章 |` / `0 | 0 | 0 |`,
  赫章 2021): 规章's values were joined with the label below and read as 行政规范性文件's;
- the requests table's column-header cell `总计 | |||||||` above its first row was read as a blank
  （七）总计 row (a false F1);
- one cell a line, a row whose cells are all empty lines (桦川 2021, 衡南 2020, 子洲 2021): reported
  as a missing row (F4) instead of blank cells (F1);
- a crawler's one-line page that kept a bar between cells (徐水 2021: `规章 | 0 | 0 | 0 | …`): the row
  read as one number (F3);
- titles `某某县某某局2021年度政府信息公开工作报告` (no 年度报告), a title over two lines of that kind,
  and a title at the head of a one-line page: no unit was read (阜蒙, 子洲, 建平, 徐水)."""
from __future__ import annotations


from cli_read import extract_one


def _rules(report: dict, rule: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == rule]


_LABEL_ABOVE = """某某县某某局
2021年政府信息公开工作年度报告
一、总体情况
本局全年主动公开信息40条。
二、主动公开政府信息情况
第二十条第(一)项 | |||
信息内容 |
本年制发件数 |
本年废止件数 |
现行有效件数 |
规章 |
2 | 1 | 7 |
行政规范性文件 |
3 | 0 | 11 |
第二十条第(五)项 | |||
信息内容 |
本年处理决定数量 | ||
行政许可 |
58 | ||
第二十条第(六)项 | |||
信息内容 |
本年处理决定数量 | ||
行政处罚 |
12 | ||
行政强制 |
4 | ||
第二十条第(八)项 | |||
信息内容 |
本年收费金额(单位:万元) | ||
行政事业性收费 |
0 |
三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |
申请人情况 | ||||||||
自然人 |
法人或其他组织 |
总计 | |||||||
商业 企业 |
科研 机构 |
社会公益组织 |
法律服务机构 |
其他 | |||||
一、本年新收政府信息公开申请数量 |
3 | 1 | 0 | 0 | 0 | 0 | 4 | ||
二、上年结转政府信息公开申请数量 |
0 | 0 | 0 | 0 | 0 | 0 | 0 | ||
"""


def test_a_label_above_its_values_keeps_its_own_values(tmp_path):
    p = tmp_path / "label_above.txt"
    p.write_text(_LABEL_ABOVE, encoding="utf-8")
    r = extract_one(p)
    cells = r["cells"]
    assert [cells[f"active.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [2, 1, 7]
    assert [cells[f"active.normative_docs.{c}"] for c in ("issued", "repealed", "in_force")] == [3, 0, 11]
    assert (cells["active.licensing.decisions"], cells["active.penalty.decisions"],
            cells["active.enforcement.decisions"], cells["active.fees.amount_wan"]) == (58, 12, 4, 0)
    assert [cells[f"requests.received.{c}"] for c in ("natural_person", "commercial", "total")] == [3, 1, 4]
    # the header cell `总计 | |||||||` is not a blank （七）总计 row
    assert "requests.handled_total.total" not in cells
    assert not _rules(r, "F1")
    assert not any("规章" in f["message"] for f in _rules(r, "F4"))


def test_a_label_split_above_and_below_its_numbers_still_reads_as_one_label(tmp_path):
    """The joined reading stays for a label that is not a row's whole label on its own (layout text:
    `（二）部分公开（区分处理的，只计这一情` / numbers / `形，不计其他情形）`)."""
    text = _LABEL_ABOVE.replace("二、上年结转政府信息公开申请数量 |\n0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n",
                                "二、上年结转政府信息公开申请数量 |\n0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n"
                                "三、本年度办理结果 |\n（一）予以公开 |\n2 | 1 | 0 | 0 | 0 | 0 | 3 | ||\n"
                                "（二）部分公开（区分处理的，只计这一 |\n1 | 0 | 0 | 0 | 0 | 0 | 1 | ||\n"
                                "情形，不计其他情形） |\n")
    p = tmp_path / "split_label.txt"
    p.write_text(text, encoding="utf-8")
    cells = extract_one(p)["cells"]
    assert [cells[f"requests.granted.{c}"] for c in ("natural_person", "commercial", "total")] == [2, 1, 3]
    assert [cells[f"requests.partly_granted.{c}"] for c in ("natural_person", "total")] == [1, 1]


def _double_spaced(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


def test_one_cell_a_line_a_row_of_empty_cells_is_blank_not_missing(tmp_path):
    # a page whose every line is followed by an empty line; an empty cell adds two more
    lines = ["某某县某某局2021年政府信息公开工作年度报告", "一、总体情况", "本局全年主动公开信息12条。",
             "二、主动公开政府信息情况", "第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
             "规章", "", "", "", "行政规范性文件", "1", "0", "6",
             "第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可", "9",
             "第二十条第(六)项", "信息内容", "本年处理决定数量", "行政处罚", "2", "行政强制", "0",
             "第二十条第(八)项", "信息内容", "本年收费金额(单位:万元)", "行政事业性收费", "",
             "三、收到和处理政府信息公开申请情况"]
    p = tmp_path / "blank_rows.txt"
    p.write_text(_double_spaced(lines), encoding="utf-8")
    r = extract_one(p)
    cells = r["cells"]
    for c in ("issued", "repealed", "in_force"):
        assert f"active.regulations.{c}" in cells and cells[f"active.regulations.{c}"] is None
    assert "active.fees.amount_wan" in cells and cells["active.fees.amount_wan"] is None
    assert [cells[f"active.normative_docs.{c}"] for c in ("issued", "repealed", "in_force")] == [1, 0, 6]
    assert cells["active.licensing.decisions"] == 9
    blank = " ".join(f["message"] for f in _rules(r, "F1"))
    assert "规章" in blank and "行政事业性收费" in blank
    assert not any("规章" in f["message"] or "行政事业性收费" in f["message"] for f in _rules(r, "F4"))


def test_a_heading_followed_by_empty_lines_in_prose_is_no_blank_row(tmp_path):
    """Only inside a table of one cell a line: a short line of prose followed by empty lines (a chart
    title, a heading) gets no empty cells, so the report reads as before."""
    text = ("某某区人民政府2018年政府信息公开工作年度报告\n\n依申请公开情况\n\n\n\n■ 网络申请 ■ 信函申请\n\n"
            "今年收到政府信息依申请公开 9 件，其中网络申请 7 件，信函申请 2 件。\n")
    p = tmp_path / "prose.txt"
    p.write_text(text, encoding="utf-8")
    r = extract_one(p)
    assert not _rules(r, "F1")


_ONE_LINE = ("某某市某某区某某局 2021年度政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》规定，"
             "特向社会公布本局2021年政府信息公开年度报告。报告所列数据的统计期限为2021年1月1日至2021年12月31日。 "
             "一、总体情况 全年主动公开政府信息9条。 二、主动公开政府信息情况 第二十条第(一)项 | 信息内容 | "
             "本年新 制发数量 | 本年新 废止数量 | 现行有效数量 | 规章 | 2 | 0 | 5 | 规范性文件 | 1 | | 4 | "
             "第二十条第(五)项 | 信息内容 | 本年处理决定数量 | 行政许可 | 73 | 第二十条第(六)项 | 信息内容 | "
             "本年处理决定数量 | 行政处罚 | 15 | 行政强制 | 0 | 第二十条第(八)项 | 信息内容 | 本年收费金额(单位:万元) | "
             "行政事业性收费 | 0 | 三、收到和处理政府信息公开申请情况\n")


def test_a_one_line_page_with_bars_between_cells_reads_each_cell_and_its_title(tmp_path):
    p = tmp_path / "one_line.txt"
    p.write_text(_ONE_LINE, encoding="utf-8")
    r = extract_one(p)
    cells = r["cells"]
    assert [cells[f"active.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [2, 0, 5]
    # the bars keep the empty cell in its column: a blank, not a guess
    assert [cells[f"active.normative_docs.{c}"] for c in ("issued", "repealed", "in_force")] == [1, None, 4]
    assert (cells["active.licensing.decisions"], cells["active.penalty.decisions"]) == (73, 15)
    assert not _rules(r, "F3")
    assert (r["unit"], r["year"]) == ("某某市某某区某某局", 2021)


def test_a_title_ending_in_gongzuo_baogao_names_the_unit(tmp_path):
    body = "一、总体情况\n2021年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
    for title, unit in (("某某县交通运输局2021年度政府信息公开工作报告\n", "某某县交通运输局"),
                        ("某某县卫生健康局\n2021年度政府信息公开工作报告\n", "某某县卫生健康局")):
        p = tmp_path / "t.txt"
        p.write_text(title + body + _LABEL_ABOVE.split("一、总体情况\n", 1)[1], encoding="utf-8")
        r = extract_one(p)
        assert (r["unit"], r["year"]) == (unit, 2021), title
    # a sentence of the text naming its report is no title: no unit is taken from it
    p = tmp_path / "s.txt"
    p.write_text("现将2021年政府信息公开工作报告如下：\n" + body + _LABEL_ABOVE.split("一、总体情况\n", 1)[1],
                 encoding="utf-8")
    assert extract_one(p)["unit"] is None
