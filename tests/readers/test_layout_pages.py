"""`pdftotext -layout` text of the official 2021 template printed without ruling lines, where offices
leave cells empty (issue 12): rows the header on the page places for sure, read through the real CLI.
The lines are pdftotext's own (the benchmark's reports, `python -m bench.renditions`), the unit made up.
- a row printing six numbers whose next row's label stands alone on the line below it (its numbers on
  a line of their own further down): the numbers further down are the next row's, not this row's;
- a row whose label begins above its line of numbers with the group's name between (`2.申请人逾期未按
  收费通知要求缴` / `他处理` / `纳费用、行政机关不再处理其政府 0 …` / `信息公开申请`);
- 表二 rows each short of a middle cell, placed by the names' bounds, the order and where the page prints
  the other rows' values of each column (and not placed when nothing on the page tells)."""
from __future__ import annotations

from cli_read import extract_one

COLS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")
HEAD = "某某市某某区财政局2021年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\f\n"

# real lines: （一）予以公开 prints 6 numbers (商业企业 empty); （二）部分公开's numbers stand on a line
# of their own between the two lines of its label, its 总计 empty
NEXT_LABEL_ALONE = HEAD + """                                                申请人情况
                                               法人或其他组织
（本列数据的勾稽关系为：第一项加第二项之和，等
                              自然      商业   科研    社会   法律
于第三项加第四项之和）                                                     总计
                                  人              公益   服务   其他
                                      企业   机构    组织   机构
一、本年新收政府信息公开申请数量              6       0    0               1    7
二、上年结转政府信息公开申请数量              0       0    0     0    0    0    0
    （一）予以公开                   2            0     0    0    0    2
    （二）部分公开（区分处理的，只计这一情
                              1       0    0     0    0    0
    形，不计其他情形）
           1.属于国家秘密       0           0          0    0    0    0
"""

# real lines: 2.申请人逾期未按收费通知要求缴 / 他处理 / 纳费用… with six numbers (总计 empty) / 信息公开申请
LABEL_ABOVE_GROUP_NAME = HEAD + """                                                  申请人情况
                                                 法人或其他组织
（本列数据的勾稽关系为：第一项加第二项之和，等
                                自然      商业   科研    社会   法律
于第三项加第四项之和）                                                       总计
                                    人              公益   服务   其他
                                        企业   机构    组织   机构
一、本年新收政府信息公开申请数量                        0    0     0    0    0    12
二、上年结转政府信息公开申请数量                0       0    0     0    0    0    0
      （一）予以公开                   4       0    0     0    0    0    4
      （二）部分公开（区分处理的，只计这一情                                         2
                                2                  0
      形，不计其他情形）
             1.属于国家秘密           0       0    0     0         0    0
             2.其他法律行政法规禁止公开     0       0    0     0    0    0    0
             3.危及“三安全一稳定”       0            0     0    0         0
      （三）不 4.保护第三方合法权益          0       0    0     0    0    0    0
      予公开    5.属于三类内部事务信息       0       0    0     0    0         0
             6.属于四类过程性信息        1       0    0     0    0    0    1
             7.属于行政执法案卷         0       0    0     0    0    0    0
             8.属于行政查询事项         0       0    0     0    0    0    0
             1.本机关不掌握相关政府信息     0       0    0     0    0    0    0
      （四）无
             2.没有现成信息需要另行制作     1       0    0     0    0    0    1
三、本 法提供      3.补正后申请内容仍不明确      0       0    0     0    0    0    0
年度办          1.信访举报投诉类申请                0    0     0    0    0    1
理结果          2.重复申请         0           0    0     0    0    0    0
      （五）不 3.要求提供公开出版物      0           0          0              0
      予处理  4.无正当理由大量反复申请    0           0    0               0    0
           5.要求行政机关确认或重新出具已 0           0    0     0    0         0
             获取信息
             1.申请人无正当理由逾期不补正、                                     2
             行政机关不再处理其政府信息公开 2          0    0     0    0    0
             申请
      （六）其
             2.申请人逾期未按收费通知要求缴
      他处理
             纳费用、行政机关不再处理其政府 0          0    0     0    0    0
             信息公开申请
             3.其他               1       0    0     0    0    0    1
      （七）总计                     12      0    0     0    0    0    12
"""


def _row(cells: dict, row: str) -> list:
    return [cells[f"requests.{row}.{c}"] for c in COLS]


def _unread(report: dict, words: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] in ("F3", "F4") and words in f["message"]]


def test_a_row_is_not_joined_with_numbers_below_the_next_row_s_label(tmp_path):
    """（一）予以公开's six numbers are each placed by the header; the line of numbers two lines down
    lies past （二）部分公开's first label line, so it is that row's. Before, the reader took it for the
    rest of （一）'s numbers, found their columns clashing and left （一） unread (F3)."""
    p = tmp_path / "layout.txt"
    p.write_text(NEXT_LABEL_ALONE, encoding="utf-8")
    r = extract_one(p)
    assert _row(r["cells"], "granted") == [2, None, 0, 0, 0, 0, 2]
    assert _row(r["cells"], "partly_granted") == [1, 0, 0, 0, 0, 0, None]
    assert not _unread(r, "予以公开") and not _unread(r, "部分公开")


def test_a_label_begun_above_its_group_s_name_is_joined_with_its_numbers(tmp_path):
    """The label's first line (an enumerator, no numbers), the group name's second line, then the
    line with the label's middle and six numbers, then its end: one row, 总计 an F1 blank. Before,
    the row was reported missing (F4)."""
    p = tmp_path / "layout.txt"
    p.write_text(LABEL_ABOVE_GROUP_NAME, encoding="utf-8")
    r = extract_one(p)
    assert _row(r["cells"], "other.unpaid_fee") == [0, 0, 0, 0, 0, 0, None]
    assert _row(r["cells"], "other.no_correction") == [2, 0, 0, 0, 0, 0, 2]
    assert not _unread(r, "收费通知")
    assert any(f["rule"] == "F1" and "requests.other.unpaid_fee.total" in {c["cell"] for c in f["cells"]}
               for f in r["findings"])


# real lines of 表二 (values set left in wide cells): 规章 0 … 0 (本年废止件数 empty), 行政规范性文件 1 0 (现行有效件数
# empty): the second 0 of 行政规范性文件 lies between the names of 本年制发件数 and 本年废止件数, 规章's second 0
# between those of 本年废止件数 and 现行有效件数
ACTIVE_HEAD = "某某市某某区财政局2021年政府信息公开工作年度报告\n\f\n"
MIDDLE_BLANKS = ACTIVE_HEAD + """     二、主动公开政府信息情况



第二十条第（一）项
   信息内容             本年制发件数        本年废止件数        现行有效件数
    规章       0                              0
  行政规范性文件    1               0
第二十条第（五）项
   信息内容                          本年处理决定数量
   行政许可      2483
"""
# the same table with 规章 printing its 本年废止件数 only
ONE_NUMBER = ACTIVE_HEAD + """     二、主动公开政府信息情况



第二十条第（一）项
   信息内容            本年制发件数        本年废止件数     现行有效件数
    规章                      0
  行政规范性文件    1              0
第二十条第（五）项
   信息内容                         本年处理决定数量
   行政许可      15
"""
# both rows leave 本年制发件数 empty: nothing on the page says where either column's values stand
FIRST_BLANKS = ACTIVE_HEAD + """     二、主动公开政府信息情况



第二十条第（一）项
   信息内容             本年制发件数        本年废止件数        现行有效件数
    规章                       0              0
  行政规范性文件                    0              0
第二十条第（五）项
   信息内容                          本年处理决定数量
   行政许可      784
"""

ACTIVE = ("issued", "repealed", "in_force")


def _active(cells: dict, row: str) -> list:
    return [cells[f"active.{row}.{c}"] for c in ACTIVE]


def test_a_row_fits_the_columns_one_way_with_the_names_and_the_other_rows_on_the_page(tmp_path):
    """行政规范性文件's 0 may be 本年制发件数's or 本年废止件数's by the names, and 1 before it is 本年制发件数's:
    本年废止件数. 规章's second 0 may be 本年废止件数's or 现行有效件数's, and stands far from the 本年废止件数
    value just placed: 现行有效件数 (a column's values are set alike, so they stand at one place on the
    page). Before, both rows were F3."""
    p = tmp_path / "layout.txt"
    p.write_text(MIDDLE_BLANKS, encoding="utf-8")
    r = extract_one(p)
    assert _active(r["cells"], "regulations") == [0, None, 0]
    assert _active(r["cells"], "normative_docs") == [1, 0, None]
    assert r["cells"]["active.licensing.decisions"] == 2483
    assert not _unread(r, "规章") and not _unread(r, "规范性文件")
    p.write_text(ONE_NUMBER, encoding="utf-8")
    r = extract_one(p)
    assert _active(r["cells"], "regulations") == [None, 0, None]
    assert _active(r["cells"], "normative_docs") == [1, 0, None]


def test_rows_the_page_does_not_place_one_way_stay_unread(tmp_path):
    """Both rows print `_ 0 0`: each 0 may lie in either of two columns, and no other row says which.
    F3, no guess."""
    p = tmp_path / "layout.txt"
    p.write_text(FIRST_BLANKS, encoding="utf-8")
    r = extract_one(p)
    assert _active(r["cells"], "regulations") == [None, None, None]
    assert _unread(r, "规章") and _unread(r, "规范性文件")
