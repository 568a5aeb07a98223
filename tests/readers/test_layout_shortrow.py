"""Rows of `pdftotext -layout` text short of values whose columns the layout does not tell, placed by
the table's own equalities (`checker/readers/shortrow.py`, issue 12), through the real CLI.

The lines are pdftotext's own (the official template printed without ruling lines, `python -m
bench.renditions --units 30 --pdf 20 --seed 11`, r0048), the unit made up; 二、上年结转 and 一、本年新收
are refilled so that R1 holds with a 四、结转下年度继续办理 row of different numbers: `1 2 3 4 5 15`, six
numbers for seven columns atop the page the table continues onto, at places (each one character
after what stands left of it on that page) that say nothing of which column is empty. Every placement of the empty cell is weighed against R1 (新收 + 上年结转 = 办理结果总计 +
结转下年度, per column) and the row's sum; the placements one slip away from holding count too (a report
may carry one error). The blank at 社会公益组织 holds; at 科研机构 or 法律服务机构 one column breaks R1 — one
slip could do that — so those three cells stay unread; 自然人 1, 商业企业 2, 其他 5, 总计 15 are the same in
every placement left, and are read."""
from __future__ import annotations

from cli_read import extract_one

from test_layout_pages import NEXT_LABEL_ALONE, _row

# the same rendition's header lines (test_layout_pages), then r0048's rows
HEADER = NEXT_LABEL_ALONE[:NEXT_LABEL_ALONE.index("一、本年新收")]
CARRIED_FORWARD_SHORT = HEADER + """一、本年新收政府信息公开申请数量              9       2    0     0    0    0    11
二、上年结转政府信息公开申请数量              1       1    3     0    4    5    14
    （一）予以公开                   5       0    0     0         0    5
    （二）部分公开（区分处理的，只计这一情                                         1
                              1       0    0     0    0    0
    形，不计其他情形）
           1.属于国家秘密       0           0    0     0    0    0    0
         2.其他法律行政法规禁止公开   0           0    0     0    0    0    0
         3.危及“三安全一稳定”     0           0    0     0    0    0    0
    （三）不 4.保护第三方合法权益      1           0    0     0    0    0    1
    予公开  5.属于三类内部事务信息     0           0    0     0    0    0    0
         6.属于四类过程性信息      0           0    0          0    0    0
         7.属于行政执法案卷       0           0    0     0    0    0    0
         8.属于行政查询事项       0           0          0    0    0    0
         1.本机关不掌握相关政府信息   2           0    0     0    0    0    2
    （四）无
         2.没有现成信息需要另行制作   0           0    0     0    0    0    0
三、本 法提供  3.补正后申请内容仍不明确    0           0    0     0    0    0    0
年度办      1.信访举报投诉类申请      0                0     0    0    0    1
理结果      2.重复申请           0           0    0     0    0    0    0
    （五）不 3.要求提供公开出版物      0           0    0     0    0    0    0
    予处理  4.无正当理由大量反复申请    0           0    0     0    0    0    0
         5.要求行政机关确认或重新出具已 0           0    0     0    0    0    0
           获取信息
           1.申请人无正当理由逾期不补正、                                     0
           行政机关不再处理其政府信息公开            0    0     0    0    0
           申请
    （六）其
           2.申请人逾期未按收费通知要求缴                                     0
    他处理
           纳费用、行政机关不再处理其政府            0    0     0    0    0
           信息公开申请
           3.其他               0            0     0         0    0
    （七）总计                     9       1    0     0    0    0    10
四、结转下年度继续办理                              1       2        3        4        5             15
"""


def _f3(report: dict, row: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == "F3" and any(f"requests.{row}." in c["cell"] for c in f["cells"])]


def test_the_equalities_read_the_cells_every_placement_left_agrees_on(tmp_path):
    p = tmp_path / "layout.txt"
    p.write_text(CARRIED_FORWARD_SHORT, encoding="utf-8")
    r = extract_one(p)
    assert _row(r["cells"], "carried_forward") == [1, 2, None, None, None, 5, 15]
    (f3,) = _f3(r, "carried_forward")
    assert {c["cell"] for c in f3["cells"]} == {f"requests.carried_forward.{c}" for c in ("research", "nonprofit", "legal_services")}
    # the placements left are named, the printed one among them
    assert "1|2|3|空|4|5|15" in f3["message"] and "1|2|空|3|4|5|15" in f3["message"] and "1|2|3|4|空|5|15" in f3["message"]
    assert "读出了其余 4 格" in f3["message"]
    # the rows the equalities used are read as printed
    assert _row(r["cells"], "carried_over") == [1, 1, 3, 0, 4, 5, 14]
    assert _row(r["cells"], "handled_total") == [9, 1, 0, 0, 0, 0, 10]


def test_a_table_that_shows_an_error_whatever_the_placement_reads_nothing_on_its_word(tmp_path):
    """二、上年结转's 总计 misprinted (14 as 41): R1 fails in 总计 whatever the placement, so the one
    error a report may carry is spent there and the row stays F3 as before, all seven cells unread."""
    text = CARRIED_FORWARD_SHORT.replace("4    5    14", "4    5    41")
    p = tmp_path / "layout.txt"
    p.write_text(text, encoding="utf-8")
    r = extract_one(p)
    assert _row(r["cells"], "carried_forward") == [None] * 7
    (f3,) = _f3(r, "carried_forward")
    assert len(f3["cells"]) == 7 and "放法" not in f3["message"]


def test_equal_numbers_leave_the_blank_s_place_open(tmp_path):
    """Six zeros for seven columns: every placement holds (the empty cell may be any column), so no
    cell is read — a 0 read where the page prints nothing would be a wrong read."""
    text = CARRIED_FORWARD_SHORT
    for a, b in (("1       1    3     0    4    5    14", "0       0    0     0    0    0    0"),
                 ("9       2    0     0    0    0    11", "9       1    0     0    0    0    10"),
                 ("1       2        3        4        5             15", "0       0        0        0        0             0")):
        assert a in text
        text = text.replace(a, b)
    p = tmp_path / "layout.txt"
    p.write_text(text, encoding="utf-8")
    r = extract_one(p)
    assert _row(r["cells"], "carried_forward") == [None] * 7
    assert len(_f3(r, "carried_forward")) == 1
