"""Renditions of the tables people hold (issue: read every rendition): `|` tables with a group-label
column and explicit empty cells, tab rows whose separators show a blank, a bare value row whose
label a conversion moved elsewhere. A blank is F1 in its own column; a row is F3 only when its
layout truly does not say which cell is empty."""
from __future__ import annotations

from checker.readers.text import read_text

HEAD = "某市某区财政局2021年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n"
ROWS = [
    ("", "一、本年新收政府信息公开申请数量", "31 | 4 | 0 | 0 | 2 | 0 | 37"),
    ("", "二、上年结转政府信息公开申请数量", "0 | 0 | 0 | 0 | 0 | 0 | 0"),
    ("三、本年度办理结果", "（一）予以公开", "31 | 4 |  |  | 2 | 0 | 37"),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0 | 0 | 0 | 0 | 0 | 0 | "),
]


def _md(rows) -> str:
    body = "\n".join(f"| {g} | {lab} | {vals} |" if lab else f"| {vals} |" for g, lab, vals in rows)
    return HEAD + "| | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|---|\n" + body


def _f1(r) -> set[str]:
    return {c.cell for f in r.findings if f.rule == "F1" for c in f.cells}


def test_pipe_table_with_group_column_and_explicit_empty_cells():
    r = read_text(_md(ROWS), "t.md", "t.md")
    assert r.get("requests.granted.natural_person") == 31 and r.get("requests.granted.legal_services") == 2
    assert r.get("requests.granted.research") is None and r.get("requests.granted.nonprofit") is None
    assert r.get("requests.partly_granted.other_org") == 0 and r.get("requests.partly_granted.total") is None
    assert {"requests.granted.research", "requests.granted.nonprofit", "requests.partly_granted.total"} <= _f1(r)
    assert not [f for f in r.findings if f.rule == "F3"]


def test_tab_rows_say_which_cell_is_blank_unless_every_row_ends_with_a_tab():
    lines = ["一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3", "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t"]
    r = read_text(HEAD + "\n".join(lines), "t.txt", "t.txt")
    assert r.get("requests.carried_over.natural_person") == 0
    assert r.get("requests.carried_over.total") is None and "requests.carried_over.total" in _f1(r)
    # the same blank row where the full rows end with a tab too: the last tab may be no cell at all
    lines = ["一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\t", "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t"]
    r = read_text(HEAD + "\n".join(lines), "t.txt", "t.txt")
    assert r.get("requests.carried_over.natural_person") is None
    assert any(f.rule == "F3" and "上年结转" in f.message for f in r.findings)


def test_a_tab_row_s_empty_first_cell_is_a_blank_in_its_column_when_the_separators_say_so():
    # the group column of the generated/Word layout, the first value (自然人) left empty: its tab
    # survives, and the full rows print exactly one cell a column, so the empty cell is 自然人's
    lines = ["一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3", "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
             "三、本年度办理结果\t（一）予以公开\t\t0\t0\t0\t0\t0\t2"]
    r = read_text(HEAD + "\n".join(lines), "t.txt", "t.txt")
    assert r.get("requests.granted.natural_person") is None and "requests.granted.natural_person" in _f1(r)
    assert r.get("requests.granted.commercial") == 0 and r.get("requests.granted.total") == 2
    assert not [f for f in r.findings if f.rule == "F3"]
    # full rows with a spare tab (seed 000's layout): the leading gap may be the layout's, not a cell
    lines = [x + "\t" for x in lines[:2]] + [lines[2]]
    r = read_text(HEAD + "\n".join(lines), "t.txt", "t.txt")
    assert r.get("requests.granted.commercial") is None
    assert any(f.rule == "F3" and "予以公开" in f.message for f in r.findings)


def test_a_bare_value_row_takes_the_one_place_left_between_the_rows_found():
    rows = list(ROWS)
    rows[1] = ("", "", "0 | 0 | 0 | 0 | 0 | 0 | 0")            # label moved out of the table
    r = read_text(_md(rows) + "\n\n二、上年结转政府信息公开申请数量", "t.md", "t.md")
    assert r.get("requests.carried_over.total") == 0
    # two bare rows in one gap: neither can be placed for sure
    rows = [ROWS[0], ("", "", "1 | 0 | 0 | 0 | 0 | 0 | 1"), ("", "", "0 | 0 | 0 | 0 | 0 | 0 | 0"), ROWS[3]]
    r = read_text(_md(rows), "t.md", "t.md")
    assert r.get("requests.carried_over.total") is None and r.get("requests.granted.total") is None


LAYOUT = """某市某区财政局2021年政府信息公开工作年度报告

三、收到和处理政府信息公开申请情况

            自然人   法人或                              总计
                  商业企    科研机   社会公   法律服    其他
三、本   （一）    5   0   0   0   0   0   5
年度办   予以公
理结果   开
（三）   1.属于   0   0   0   0   0   0   0
不予公   国家秘
开     密
      2.其他   1   0   0   0   0   0   1
      法律行
      政法规

      禁止公
      开
      3.危    0 0  0 0  0   0   0
      及“三
      安全一
      稳定”
（七）总计       6   0   0   0   0   0   6
"""


def test_layout_labels_wrapped_in_narrow_columns_are_joined_column_by_column():
    """`pdftotext -layout` of a narrow table: each label runs down its own column under the row's
    values (a blank line where a page broke); `2.其他…` cut short is not the exact row `3.其他`."""
    r = read_text(LAYOUT, "t.txt", "t.txt")
    assert r.get("requests.granted.total") == 5
    assert r.get("requests.denied.state_secret.total") == 0
    assert r.get("requests.denied.prohibited.natural_person") == 1 and r.get("requests.denied.prohibited.total") == 1
    assert r.get("requests.denied.security.commercial") == 0          # `0 0  0 0`: one space apart
    assert r.get("requests.other.other.total") is None                 # never the 2. row's values


def test_text_copied_with_one_cell_a_line():
    """A browser copy that puts every table cell on a line of its own: the numbers under a label are
    its row, an empty line between them an empty cell; the row is not glued to the prose."""
    cells = ["一、本年新收政府信息公开申请数量", "3", "0", "", "0", "0", "0", "3",
             "二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0", "", "（七）总计", "3", "0", "0", "0", "0", "0", "3"]
    r = read_text(HEAD + "\n".join(cells) + "\n\n本年度共收到申请3件。\n2022", "t.txt", "t.txt")
    assert r.get("requests.received.natural_person") == 3 and r.get("requests.received.total") == 3
    assert r.get("requests.received.research") is None and "requests.received.research" in _f1(r)
    assert r.get("requests.carried_over.total") == 0 and r.get("requests.handled_total.total") == 3


def test_title_set_on_two_lines_names_the_whole_body():
    """`某某市某某区人民政府` / `2023年政府信息公开工作年度报告` (a PDF title on two lines): the body is
    the line above, never `政府` of 政府信息公开; with no such line, the signature names it."""
    r = read_text("某某市某某区人民政府\n2023年政府信息公开工作年度报告\n\n一、总体情况\n", "t.txt", "t.txt")
    assert (r.unit, r.year) == ("某某市某某区人民政府", 2023)
    r = read_text("2023年政府信息公开工作年度报告\n一、总体情况\n某某区人民政府\n2024年1月5日", "t.txt", "t.txt")
    assert r.unit == "某某区人民政府"
    r = read_text("政府信息公开年报\n2021年道里区人民政府政府信息公开工作年度报告\n", "t.txt", "t.txt")
    assert r.unit == "道里区人民政府"


def test_misprinted_label_is_read_by_its_place_and_reported():
    """A label with characters dropped (`3.危三安全稳定`) between two rows found: read as the one row
    missing there, with an info finding; a label that is another exact row's (`其他`) never is."""
    rows = ["| 三、本年度办理结果 | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
            "| （三）不予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
            "| | 3.危三安全稳定 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
            "| | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
            "| | 5.其他 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |",
            "| | 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"]
    r = read_text(HEAD + "\n".join(rows), "t.md", "t.md")
    assert r.get("requests.denied.security.natural_person") == 2 and r.get("requests.denied.security.total") == 2
    [note] = [f for f in r.findings if f.rule == "F4" and f.severity == "info"]
    assert "3.危三安全稳定" in note.message and "危及" in note.message
    assert r.get("requests.denied.internal.total") is None            # `5.其他` is not 属于三类内部事务信息


def test_a_header_that_does_not_fit_a_row_never_places_its_values(tmp_path):
    """A sheet whose header puts 自然人 in column C while a row's numbers start in D (its label took
    two cells): the header does not fit that row, so its values are placed by count, not shifted
    into the wrong columns (before, 4 was read as 商业企业 and 0 as 总计)."""
    import openpyxl
    from checker.readers import read_path
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["某区财政局2021年政府信息公开工作年度报告"], ["三、收到和处理政府信息公开申请情况"],
                ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
                ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
                ["一、本年新收政府信息公开申请数量", "", 5, 1, 0, 0, 0, 0, 6],
                ["三、本年度办理结果", "（一）予以公开", "", 4, 1, 0, 0, 0, 0, 5]]:
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    [r] = read_path(tmp_path / "a.xlsx").reports
    assert [r.get(f"requests.received.{c}") for c in ("natural_person", "commercial", "total")] == [5, 1, 6]
    assert [r.get(f"requests.granted.{c}") for c in ("natural_person", "commercial", "total")] == [4, 1, 5]


def test_a_row_with_only_its_total_filled_keeps_the_total(tmp_path):
    """Only 总计 filled (a sheet, a `|` row): that is the total, the rest blank (F1) — not a run of
    digits to split (which `12` cannot be, so the row used to be lost as F3)."""
    import openpyxl
    from checker.readers import read_path
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["某区财政局2021年政府信息公开工作年度报告"], ["三、收到和处理政府信息公开申请情况"],
                ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
                ["一、本年新收政府信息公开申请数量", 5, 1, 0, 0, 0, 0, 6],
                ["二、上年结转政府信息公开申请数量", "", "", "", "", "", "", 12]]:
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    [r] = read_path(tmp_path / "a.xlsx").reports
    assert r.get("requests.carried_over.total") == 12 and r.get("requests.carried_over.natural_person") is None
    assert "requests.carried_over.natural_person" in _f1(r)
    md = _md([ROWS[0], ("", "二、上年结转政府信息公开申请数量", " |  |  |  |  |  | 12")])
    r = read_text(md, "t.md", "t.md")
    assert r.get("requests.carried_over.total") == 12 and "requests.carried_over.commercial" in _f1(r)


def test_2021_table_printing_other_handling_as_one_row_keeps_the_group():
    """A 2021 report printing （六）其他处理 as one row of values (the 2019 layout): one F4 names the
    departure, the group's values are kept, the three rows are unread, the rest is read."""
    lines = ["一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3", "（五）不予处理\t5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0",
             "（六）其他处理\t2\t0\t0\t0\t0\t0\t2", "（七）总计\t3\t0\t0\t0\t0\t0\t3"]
    r = read_text("某区财政局2021年政府信息公开工作年度报告\n本年制发件数\t本年废止件数\t现行有效件数\n"
                  + HEAD.split("\n", 1)[1] + "\n".join(lines), "t.txt", "t.txt")
    assert r.format == "2021"
    assert r.facts["group_totals"]["requests.other"]["total"] == 2
    [f4] = [f for f in r.findings if f.rule == "F4" and "其他处理" in f.message]
    assert "2019" in f4.message and len(f4.cells) == 21
    assert r.get("requests.other.other.total") is None and r.get("requests.handled_total.total") == 3
    assert not any(f.rule == "F4" and "逾期未按收费" in f.message for f in r.findings)


def test_a_lone_value_in_the_first_column_of_a_sheet_row_is_that_cell(tmp_path):
    """A 2019 table 二 row with only 上一年项目数量 filled (`88`, the other cells empty) in a workbook,
    read through the CLI: 88 is that cell's value, the other two F1 — not a run of digits to split,
    which two digits for three columns cannot be. The same row in a `|` table reads the same."""
    import json
    import subprocess
    import sys
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["某区财政局2019年政府信息公开工作年度报告"], ["二、主动公开政府信息情况"],
                ["第二十条第（五）项"], ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                ["行政许可", 88, None, None], ["其他对外管理服务事项", 4, 0, 12]]:
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    out = subprocess.run([sys.executable, "-m", "checker.cli", "extract", str(tmp_path / "a.xlsx"), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode == 0, out.stderr
    [r] = json.loads(out.stdout)["reports"]
    assert r["format"] == "2019"
    assert [r["cells"][f"active.licensing.{c}"] for c in ("prev_items", "change", "decisions")] == [88, None, None]
    f1 = {c["cell"] for f in r["findings"] if f["rule"] == "F1" for c in f["cells"]}
    assert {"active.licensing.change", "active.licensing.decisions"} <= f1
    assert not any(f["rule"] == "F3" for f in r["findings"])
    md = ("某区财政局2019年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
          "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n|---|---|---|---|\n"
          "| 行政许可 | 88 |  |  |\n| 其他对外管理服务事项 | 4 | 0 | 12 |\n")
    r = read_text(md, "t.md", "t.md")
    assert r.get("active.licensing.prev_items") == 88 and "active.licensing.decisions" in _f1(r)


LAYOUT_SHORT = HEAD + """            自然人   法人或                              总计
                 商业企   科研机   社会公   法律服   其他
一、本          9   0     0     0     0     0    9
年新收
政府信
息公开
申请数
量
二、上          0   0     0     0           0    0
年结转
政府信
息公开
申请数
量
三、本   （一）    5   0     0     0     0     0    5
年度办   予以公
理结果   开
\f      7.属于   0   0       0   0   0   0
      行政执
      法案卷
      8.属于   0   0   0   0   0   0   0
      行政查
      询事项
（七）总计        14   0   0   0   0   0   14
"""


def test_layout_row_short_of_a_value_is_placed_by_its_spacing():
    """`pdftotext -layout`: a row one value short is laid against the full rows printed next to it
    on the same page (a form feed starts a page): the missing cell shows as a gap two columns
    wide, so that cell is the F1 blank and the others are read. Positions are pdftotext's
    characters (a 汉字 takes one cell of its grid), and the header's cells are not used here."""
    r = read_text(LAYOUT_SHORT, "t.txt", "t.txt")
    cols = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")
    assert [r.get(f"requests.carried_over.{c}") for c in cols] == [0, 0, 0, 0, None, 0, 0]
    assert "requests.carried_over.legal_services" in _f1(r)
    assert [r.get(f"requests.denied.enforcement_file.{c}") for c in cols] == [0, 0, None, 0, 0, 0, 0]


def test_layout_row_the_spacing_cannot_place_stays_unread():
    """Evenly spaced columns and a blank at the edge: spacing alone cannot tell a blank first cell
    from a blank last one. With only one full row beside it, nothing decides: F3, never a guess."""
    text = HEAD + """            自然人   法人或                              总计
（三）   1.属于   0   0   0   0   0   0   0
不予公   国家秘
开     密
      2.其他   0   0   0   0   0   0
      法律行
      政法规
      禁止公
      开
（七）总计        14   0   0   0   0   0   14
"""
    r = read_text(text, "t.txt", "t.txt")
    assert r.get("requests.denied.prohibited.natural_person") is None
    f3 = {c.cell for f in r.findings if f.rule == "F3" for c in f.cells}
    assert "requests.denied.prohibited.total" in f3 and "requests.denied.prohibited.natural_person" in f3


def test_one_cell_a_line_a_blank_last_cell_is_told_by_the_empty_lines_after_it():
    """One cell a line, copied from a table whose group-label column prints empty cells: before
    each `2.`-row label come two empty lines (the empty group cells). After a row whose last cell
    is empty there are three: that row's 总计 is the F1 blank, its six numbers are read in place.
    A row one number short with no extra empty line stays F3 (its blank could be anywhere)."""
    def row(label, vals):
        return ["", "", label, *vals]
    full = ["0", "0", "0", "0", "0", "0", "0"]
    cells = (["三、收到和处理政府信息公开申请情况", "（五）不予处理", "1.信访举报投诉类申请", *full]
             + row("2.重复申请", ["4", "0", "0", "0", "0", "0", ""])
             + row("3.要求提供公开出版物", full) + row("4.无正当理由大量反复申请", ["1", "0", "0", "0", "0", "1"])
             + row("5.要求行政机关确认或重新出具已获取信息", full) + ["", "（六）其他处理", *full])
    r = read_text("某市某区财政局2021年政府信息公开工作年度报告\n\n" + "\n".join(cells) + "\n\n本年度无。\n",
                  "t.txt", "t.txt")
    cols = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")
    assert [r.get(f"requests.not_processed.duplicate.{c}") for c in cols] == [4, 0, 0, 0, 0, 0, None]
    assert "requests.not_processed.duplicate.total" in _f1(r)
    f3 = {c.cell for f in r.findings if f.rule == "F3" for c in f.cells}
    assert "requests.not_processed.excessive.natural_person" in f3
    assert r.get("requests.not_processed.confirmation.total") == 0


# `pdftotext -layout` of a Word table (real lines, page 3 of a LibreOffice print): 信访举报投诉类申请's
# 自然人 is empty; its label line also holds the group label （五）, three 汉字 more than the rows around it
LAYOUT_GROUP_ON_THE_LINE = HEAD + """            自然人   法人或                              总计
\f      行政查
      询事项
（四）   1.本机   2        0   0   0   0   2
无法提   关不掌
供     握相关
      政府信
      息
      2.没有   2    0   0   0   0   0   2
      现成信
      息需要
      另行制
      作
      3.补正   0    0   0   0   0   0   0
      后申请
      内容仍
      不明确
（五）   1.信访        0   0   0   0   0   1
不予处   举报投
理     诉类申
      请
      2.重复   1    0   0   0   0   0   1
      申请
      3.要求   0    0   0   0   0   0   0
      提供公
      开出版
      物
"""


def test_pdftotext_positions_are_characters_not_display_columns():
    """pdftotext sets every character, a 汉字 too, in one cell of its grid: counted in characters the
    row whose line also prints the group label （五） stands exactly under the full rows around it, so
    its empty first cell is an F1 blank and its six numbers are read in their columns. (Counted in
    display columns the group label's 汉字 shifted it three columns right: F3.)"""
    r = read_text(LAYOUT_GROUP_ON_THE_LINE, "t.txt", "t.txt")
    cols = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")
    assert [r.get(f"requests.not_processed.petition.{c}") for c in cols] == [None, 0, 0, 0, 0, 0, 1]
    assert "requests.not_processed.petition.natural_person" in _f1(r)
    assert [r.get(f"requests.not_processed.duplicate.{c}") for c in cols] == [1, 0, 0, 0, 0, 0, 1]


# `pdftotext -layout` of the official template without its 0s (real lines): （二）部分公开's numbers are
# set on a line of their own between the two lines of its label, and its 总计 is empty
LAYOUT_NUMBERS_BETWEEN_LABEL_LINES = HEAD + """\f


                                              申请人情况
                                             法人或其他组织
（本列数据的勾稽关系为：第一项加第二项之和，等
                            自然      商业   科研    社会   法律
于第三项加第四项之和）                                                   总计
                                人              公益   服务   其他
                                    企业   机构    组织   机构
一、本年新收政府信息公开申请数量            1       0    0     0    0    0    1
二、上年结转政府信息公开申请数量            1       0    0     0    0    0    1
三、本 （一）予以公开                 1       0    0          0    0    1
年度办 （二）部分公开（区分处理的，只计这一情
                            0       0    0     0         0
理结果 形，不计其他情形）
          1.属于国家秘密          0       0          0    0    0    0
          2.其他法律行政法规禁止公开    0       0    0     0    0    0    0
"""


def test_a_line_of_numbers_between_the_two_lines_of_its_label_is_that_row():
    """The label's first line (too long to be a fragment, no numbers), a line of numbers only, the
    label's end: one row, its numbers in the columns the header places them in, the empty 总计 and
    法律服务机构 F1 blanks. Before, the row was not found at all (F4)."""
    r = read_text(LAYOUT_NUMBERS_BETWEEN_LABEL_LINES, "t.txt", "t.txt")
    cols = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")
    assert [r.get(f"requests.partly_granted.{c}") for c in cols] == [0, 0, 0, 0, None, 0, None]
    assert {"requests.partly_granted.legal_services", "requests.partly_granted.total"} <= _f1(r)
    assert not [f for f in r.findings if f.rule in ("F3", "F4") and "部分公开" in f.message]
