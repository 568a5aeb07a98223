"""Pages whose crawler put each table cell on a line of its own, as found in real reports of other
provinces (bench/NOTES.md, "Real reports from other provinces"): every cell ended by ` |` with a lone
`|` for an empty cell, and double-spaced text (an empty line after every line). The texts here are
constructed (our own unit names and numbers) in those layouts and read through the real CLI."""
from __future__ import annotations

from pathlib import Path

from cli_read import extract_one


def _extract(tmp_path: Path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_one(path)


def _rules(report: dict) -> list[str]:
    return [f["rule"] for f in report["findings"]]


_BARRED = """根据《中华人民共和国政府信息公开条例》规定，现公布示例县水务局2023年政府信息公开工作年度报告。
一、总体情况
2023年，本局主动公开政府信息41条。
二、主动公开政府信息情况
第二十条第（一）项 |
|||
信息内容 |
本年制发件数 |
本年废止件数 |
现行有效件数 |
规章 |
/ |
/ |
/ |
行政规范性文件
|
2 |
1 |
9 |
第二十条第（五）项 |
|||
信息内容 |
本年处理决定数量 |
||
行政许可 |
35 |
||
第二十条第（六）项 |
|||
信息内容 |
本年处理决定数量 |
||
行政处罚 |
7 |
||
行政强制 |
0 |
||
第二十条第（八）项 |
|||
信息内容 |
本年收费金额（单位：万元） |
||
行政事业性收费 |
0 |
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |
申请人情况 |
||||||||
自然人 |
法人或其他组织 |
总计 |
|||||||
商业企业 |
科研机构 |
社会公益组织 |
法律服务机构 |
其他 |
|||||
一、本年新收政府信息公开申请数量 |
4 |
|
|
|
1 |
|
5 |
||
二、上年结转政府信息公开申请数量 |
|
|
|
|
|
|
0 |
||
"""


def test_cells_ended_by_a_bar_one_a_line(tmp_path):
    r = _extract(tmp_path, "barred.txt", _BARRED)
    c = r["cells"]
    assert (r["year"], r["format"]) == (2023, "2021")
    assert [c[f"active.normative_docs.{k}"] for k in ("issued", "repealed", "in_force")] == [2, 1, 9]
    assert [c[f"active.{k}"] for k in ("licensing.decisions", "penalty.decisions",
                                        "enforcement.decisions", "fees.amount_wan")] == [35, 7, 0, 0]
    cols = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")
    assert [c[f"requests.received.{k}"] for k in cols] == [4, None, None, None, 1, None, 5]
    assert [c[f"requests.carried_over.{k}"] for k in cols] == [None] * 6 + [0]
    # `/` under 规章 is reported (F2), never read as a number; the lone bars are empty cells (F1)
    assert [c[f"active.regulations.{k}"] for k in ("issued", "repealed", "in_force")] == [None] * 3
    assert _rules(r).count("F2") == 3 and "F1" in _rules(r) and "F3" not in _rules(r)


def _double_spaced(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


_SPACED = ["示例镇人民政府2022年度政府信息公开工作年度报告", "一、总体情况",
           "2022年，本镇主动公开政府信息58条，其中工作动态40条。", "本镇明确专人负责政府信息公开工作。",
           "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数",
           "现行有效件数", "规章", "0", "0", "0", "行政规范性文件", "3", "0", "12", "第二十条第（五）项",
           "信息内容", "本年处理决定数量", "行政许可", "16", "第二十条第（六）项", "信息内容", "本年处理决定数量",
           "行政处罚", "2", "行政强制", "0", "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）",
           "行政事业性收费", "0"]


def test_double_spaced_text_one_cell_a_line(tmp_path):
    r = _extract(tmp_path, "spaced.txt", _double_spaced(_SPACED))
    c = r["cells"]
    assert (r["unit"], r["year"], r["format"]) == ("示例镇人民政府", 2022, "2021")
    assert [c[f"active.regulations.{k}"] for k in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert [c[f"active.normative_docs.{k}"] for k in ("issued", "repealed", "in_force")] == [3, 0, 12]
    assert c["active.licensing.decisions"] == 16 and c["active.penalty.decisions"] == 2
    assert "F3" not in _rules(r)


def test_double_spaced_empty_cell_is_two_more_empty_lines(tmp_path):
    lines = list(_SPACED)
    at = lines.index("行政规范性文件")
    lines[at + 2] = ""          # 本年废止件数 printed empty: an empty paragraph
    r = _extract(tmp_path, "spaced_blank.txt", _double_spaced(lines))
    c = r["cells"]
    assert [c[f"active.normative_docs.{k}"] for k in ("issued", "repealed", "in_force")] == [3, None, 12]
    assert "F1" in _rules(r) and "F3" not in _rules(r)


def test_2019_table_one_cell_a_line_in_a_later_year_is_read_as_2019(tmp_path):
    # a 2023 report printing the 2019 template's 表二, its column headers each on a line of its own
    text = ("本报告中使用数据统计期限为2023年1月1日起至2023年12月31日止。\n二、主动公开政府信息情况\n"
            "第二十条第（一）项 |\n||||\n信息内容 |\n本年新 制作数量 |\n本年新 公开数量 |\n对外公开总数量 |\n|\n"
            "规章 |\n0 |\n0 |\n0 |\n|\n规范性文件 |\n2 |\n2 |\n14 |\n|\n第二十条第（五）项 |\n||||\n信息内容 |\n"
            "上一年项目数量 |\n本年增/减 |\n处理决定数量 |\n|\n行政许可 |\n6 |\n1 |\n30 |\n|\n")
    r = _extract(tmp_path, "t2019.txt", text)
    c = r["cells"]
    assert (r["year"], r["format"]) == (2023, "2019")
    assert [c[f"active.normative_docs.{k}"] for k in ("made", "published", "total_published")] == [2, 2, 14]
    assert [c[f"active.licensing.{k}"] for k in ("prev_items", "change", "decisions")] == [6, 1, 30]


def test_cells_each_followed_by_a_bar_on_the_next_line(tmp_path):
    # `规范性文件` / `|` / `3` / `|` …: the crawler closed every cell with a bar on a line of its own;
    # a bar right after a closed cell is an empty cell
    cells = ["第二十条第（一）项", "信息内容", "本年新\n制作数量", "本年新\n公开数量", "对外公开总数量",
             "规章", "0", "0", "0", "规范性文件", "3", "3", "11", "第二十条第（五）项", "信息内容",
             "上一年项目数量", "本年增/减", "处理决定数量", "行政许可", "7", "", "40"]
    text = ("示例县审计局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
            + "".join((c + "\n|\n") if c else "|\n" for c in cells))
    r = _extract(tmp_path, "nextbar.txt", text)
    c = r["cells"]
    assert (r["year"], r["format"]) == (2020, "2019")
    assert [c[f"active.normative_docs.{k}"] for k in ("made", "published", "total_published")] == [3, 3, 11]
    assert [c[f"active.licensing.{k}"] for k in ("prev_items", "change", "decisions")] == [7, None, 40]
    assert "F1" in _rules(r) and "F3" not in _rules(r)


def test_a_cell_and_its_merged_rows_padding_on_one_line(tmp_path):
    # a real 2021 street page (天津 佳荣里街): the padding of a merged row shares the line of the cell
    # before it (`第二十条第(一)项 | |||`, `0 | ||`); before, such lines hid the whole bar-ended layout
    # and 规章/行政规范性文件 were reported missing although printed
    text = ("示例街道2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
            "第二十条第(一)项 | |||\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n"
            "规章 |\n0 |\n0 |\n0 |\n行政规范性文件 |\n4 |\n1 |\n12 |\n"
            "第二十条第(五)项 | |||\n信息内容 |\n本年处理决定数量 | ||\n行政许可 |\n7 | ||\n"
            "第二十条第(六)项 | |||\n信息内容 |\n本年处理决定数量 | ||\n行政处罚 |\n3 | ||\n行政强制 |\n0 | ||\n"
            "第二十条第(八)项 | |||\n信息内容 |\n本年收费金额（单位：万元） | ||\n行政事业性收费 |\n0 | ||\n")
    r = _extract(tmp_path, "padded.txt", text)
    c = r["cells"]
    assert (r["year"], r["format"]) == (2021, "2021")
    assert [c[f"active.regulations.{k}"] for k in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert [c[f"active.normative_docs.{k}"] for k in ("issued", "repealed", "in_force")] == [4, 1, 12]
    assert [c[f"active.{k}"] for k in ("licensing.decisions", "penalty.decisions",
                                        "enforcement.decisions", "fees.amount_wan")] == [7, 3, 0, 0]
    assert not {"F3", "F4"} & {f["rule"] for f in r["findings"] if "主动公开" in f["message"]}
