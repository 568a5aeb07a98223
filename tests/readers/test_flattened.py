"""Crawler-flattened text on one line (flattened.py), on constructed lines: rows by the template's
labels in order, runs with spaces, signs, `&nbsp;` and U+3000, the next row's enumerator, blank
rows, and prose that mentions a label with a number (never a row)."""
from __future__ import annotations

from checker.readers.text import read_text

_REQ_2021 = [
    ("一、本年新收政府信息公开申请数量", "142000016"), ("二、上年结转政府信息公开申请数量", "0000000"),
    ("三、本年度办理结果（一）予以公开", "5000005"), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0000000"),
    ("（三）不予公开1.属于国家秘密", "0000000"), ("2.其他法律行政法规禁止公开", "0000000"),
    ("3.危及“三安全一稳定”", "0000000"), ("4.保护第三方合法权益", "0000000"), ("5.属于三类内部事务信息", "1000001"),
    ("6.属于四类过程性信息", "2000002"), ("7.属于行政执法案卷", "0000000"), ("8.属于行政查询事项", "0000000"),
    ("（四）无法提供1.本机关不掌握相关政府信息", "5000005"), ("2.没有现成信息需要另行制作", "0000000"),
    ("3.补正后申请内容仍不明确", "0000000"), ("（五）不予处理1.信访举报投诉类申请", "0000000"), ("2.重复申请", "0000000"),
    ("3.要求提供公开出版物", "0000000"), ("4.无正当理由大量反复申请", "0000000"),
    ("5.要求行政机关确认或重新出具已获取信息", "0000000"),
    ("（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1000001"),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0000000"), ("3.其他", "0200002"),
    ("（七）总计", "142000016"), ("四、结转下年度继续办理", "0000000"),
]
# a crawler's page: its header lines, then the whole body on one line
_HEAD = ("标题: 某某区某某局2022年度政府信息公开工作年度报告\n发布时间: 2023-01-19 15:19\n"
         "==================== 正文 ====================\n"
         "某某区某某局2022年度政府信息公开工作年度报告 一、总体情况 2022年，我局办理行政许可12件。"
         "二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 ")
_REQ_HEAD = ("三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
             "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
_APPEALS = ("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉"
            "复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计 ")


def _line(active: str, requests=_REQ_2021, appeals="0 0 0 0 0 1 0 0 0 1 0 0 0 0 0") -> str:
    body = "".join(label + run for label, run in requests)
    return _HEAD + active + _REQ_HEAD + body + _APPEALS + appeals + " 五、存在的主要问题及改进情况。 某某区某某局 2023年1月19日"


_ACTIVE_2021 = ("规章000行政规范性文件34089第二十条第（五）项信息内容本年处理决定数量行政许可0第二十条第（六）项信息内容"
                "本年处理决定数量行政处罚0行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费9116.36 ")


def _read(text: str):
    return read_text(text, "t.txt", "t.txt")


def test_one_line_report_reads_its_rows_in_order():
    r = _read(_line(_ACTIVE_2021))
    assert (r.unit, r.year, r.format) == ("某某区某某局", 2022, "2021")
    assert [r.get(f"requests.received.{c}") for c in ("natural_person", "commercial", "total")] == [14, 2, 16]
    assert r.get("requests.other.other.commercial") == 2            # `3.其他 0200002`
    assert r.get("requests.denied.internal.natural_person") == 1    # `00000006.属于四类…`: the 6. is a label
    assert r.get("active.fees.amount_wan") == 9116.36
    assert r.get("appeals.count.direct_suit.total") == 1
    assert r.get("active.licensing.decisions") == 0                 # not the 12 of the prose
    # 34089 splits 3|40|89, 34|0|89, …: unread, one F3 naming it, never a guess
    assert all(r.get(f"active.normative_docs.{c}") is None for c in ("issued", "repealed", "in_force"))
    [f3] = [f for f in r.findings if f.rule == "F3"]
    assert "34089" in f3.message
    assert not [f for f in r.findings if f.rule == "F4"]


def test_spaces_ideographic_spaces_and_nbsp_inside_runs():
    reqs = list(_REQ_2021)
    reqs[0] = (reqs[0][0], "14 2\u30000 0&nbsp;0 0 16")
    reqs[1] = (reqs[1][0], "0 0 0 0 0 00")         # first six spaced, last two run together
    reqs[2] = (reqs[2][0], "50 0 0 0 05")           # irregular spacing: 5|0|0|0|0|0|5
    r = _read(_line(_ACTIVE_2021, reqs))
    assert [r.get(f"requests.received.{c}") for c in ("natural_person", "commercial", "total")] == [14, 2, 16]
    assert r.get("requests.carried_over.total") == 0
    assert [r.get(f"requests.granted.{c}") for c in ("natural_person", "other_org", "total")] == [5, 0, 5]


_ACTIVE_2019 = ("第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件335第二十条第（五）项"
                "信息内容上一年项目数量本年增/减处理决定数量行政许可88-720其他对外管理服务事项1-10第二十条第（六）项信息内容"
                "上一年项目数量本年增/减处理决定数量行政处罚000行政强制000第二十条第（八）项信息内容上一年项目数量本年增/减"
                "行政事业性收费15-15第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购263042532")


def test_signed_values_of_the_2019_table():
    reqs = [(lab, run) for lab, run in _REQ_2021 if "申请人" not in lab and lab != "3.其他"]
    reqs.insert(20, ("（六）其他处理", "1200003"))
    r = _read(_line(_ACTIVE_2019, reqs).replace("2022年", "2020年"))
    assert r.format == "2019"
    assert [r.get(f"active.fees.{c}") for c in ("prev_items", "change")] == [15, -15]
    # 1-10 is 1|-1|0, or 1|-10 with 处理决定数量 blank (a blank leaves no trace); but -10 would leave
    # -9 items, and a count is never negative: 1|-1|0 (gwh_2020's page.html prints 1|-1|0)
    assert [r.get(f"active.other_services.{c}") for c in ("prev_items", "change", "decisions")] == [1, -1, 0]
    assert r.get("active.regulations.made") == 0                     # 000: no blank can hide in it
    # 88-720 is 88|-72|0, 88|-7|20 or 88|-720|空: 上一年项目数量 is 88 either way, the rest is unread
    assert r.get("active.licensing.prev_items") == 88
    assert r.get("active.licensing.change") is None and r.get("active.licensing.decisions") is None
    f3 = next(f for f in r.findings if f.rule == "F3" and "88-720" in f.message)
    assert {c.cell for c in f3.cells} == {"active.licensing.change", "active.licensing.decisions"}
    assert r.get("active.procurement.items") is None                 # 263042532: two cells, no sum
    assert r.get("requests.other.other_org") == 0 and r.get("requests.other.commercial") == 2


def test_a_change_never_takes_more_items_than_last_year_had():
    """本年增/减 ≥ −上一年项目数量 by definition (this year's count is their sum): `5-12` is 5|-1|2, not
    5|-12|空. A row no split of which keeps the count non-negative contradicts itself: it stays unread."""
    reqs = [(lab, run) for lab, run in _REQ_2021 if "申请人" not in lab and lab != "3.其他"]
    reqs.insert(20, ("（六）其他处理", "1200003"))
    active = _ACTIVE_2019.replace("行政处罚000", "行政处罚5-12").replace("行政强制000", "行政强制1-20")
    r = _read(_line(active, reqs).replace("2022年", "2020年"))
    assert [r.get(f"active.penalty.{c}") for c in ("prev_items", "change", "decisions")] == [5, -1, 2]
    # 1-20: 1|-2|0 and 1|-20|空 both leave fewer than 0 items; the row is printed wrong, not split
    assert r.get("active.enforcement.prev_items") == 1
    assert r.get("active.enforcement.change") is None and r.get("active.enforcement.decisions") is None
    assert any(f.rule == "F3" and "1-20" in f.message for f in r.findings)


def test_an_empty_cell_leaves_nothing_and_its_row_is_reported_with_every_place_of_the_blank():
    # jjp_2023 (平潭): page.html prints 四、结转下年度继续办理 as 0, <td><br/></td>, 0, 0, 0, 0, 0; page.txt
    # keeps `000000`. Every place of the blank fits the table's sums: nothing is read as 0, F3 lists them
    reqs = list(_REQ_2021)
    reqs[-1] = (reqs[-1][0], "000000")
    r = _read(_line(_ACTIVE_2021, reqs))
    cells = [f"requests.carried_forward.{c}" for c in ("natural_person", "commercial", "research", "nonprofit",
                                                       "legal_services", "other_org", "total")]
    assert all(r.get(c) is None for c in cells)
    f3 = next(f for f in r.findings if f.rule == "F3" and "000000" in f.message)
    assert {c.cell for c in f3.cells} == set(cells)
    assert "空|0|0|0|0|0|0" in f3.message and "0|空|0|0|0|0|0" in f3.message and "等 7 种" in f3.message


def test_a_run_as_long_as_its_row_whose_sums_fail_is_not_read_one_digit_a_cell_when_a_blank_may_hide():
    # 9|空|2|0|0|0|11 prints 9200011: seven digits for seven cells, but 9|2|0|0|0|1|1 would be wrong
    # (bench.renditions found such rows). 5100000 (海坛 2024: 5|1|0|0|0|0|0, 总计 printed 0) is also
    # 51|0|0|0|0|0|空: unread as well. Only a run with no two-digit reading is one digit a cell.
    reqs = list(_REQ_2021)
    reqs[2] = (reqs[2][0], "9200011")
    reqs[3] = (reqs[3][0], "5100000")
    reqs[4] = (reqs[4][0], "0000005")
    r = _read(_line(_ACTIVE_2021, reqs))
    for row in ("granted", "partly_granted"):
        assert r.get(f"requests.{row}.natural_person") is None and r.get(f"requests.{row}.total") is None
    assert [r.get(f"requests.denied.state_secret.{c}") for c in ("natural_person", "total")] == [0, 5]


def test_a_label_printed_without_values_is_a_row_of_blanks():
    reqs = list(_REQ_2021)
    reqs[21] = (reqs[21][0], "")      # `…不再处理其政府信息公开申请3.其他（七）总计…`
    reqs[22] = (reqs[22][0], "")
    reqs[23] = (reqs[23][0], "142000016")
    r = _read(_line(_ACTIVE_2021, reqs).replace("3.其他（七）", "3.其他（七）"))
    assert r.get("requests.other.unpaid_fee.total") is None and r.get("requests.other.other.total") is None
    f1 = {c.cell for f in r.findings if f.rule == "F1" for c in f.cells}
    assert "requests.other.unpaid_fee.total" in f1 and "requests.other.other.natural_person" in f1
    assert r.get("requests.handled_total.total") == 16


def test_prose_that_names_a_row_is_not_a_table():
    text = ("某某区某某局2022年度政府信息公开工作年度报告 " + "我局信息内容丰富，" * 30 +
            "本年度办理行政许可12件，行政处罚3件，规章0件。本年新收政府信息公开申请数量14件。")
    r = _read(text)
    assert r.facts.get("tables_found") in ([], None)
    assert r.values is None or all(v != v for v in r.values)   # nothing read from prose


def test_one_prose_figure_does_not_pick_a_split_that_a_misprint_could_fake():
    # 34089 alone splits 3|40|89, 34|0|89, 340|8|9 …; "本年度制发规范性文件34件" would leave 34|0|89, but the
    # prose and the table are written apart: one stated figure cannot tell a right split from a misprinted cell
    said = "本年度制发规范性文件34件，现行有效件数424件。"   # 424: no split gives it, so no evidence either
    r = _read(_line(_ACTIVE_2021).replace("我局办理行政许可12件。", "我局办理行政许可12件。" + said))
    assert [r.get(f"active.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [None] * 3
    assert any(f.rule == "F3" and "34089" in f.message for f in r.findings)


def test_a_misprinted_cell_is_not_read_as_the_prose_says():
    # the table prints 制发 22 (废止 0, 现行有效 53), the prose says 2: R10's business. Reading 2 from
    # `22053` because the prose says 2 would read the cell wrong and hide the disagreement
    active = _ACTIVE_2021.replace("行政规范性文件34089", "行政规范性文件22053")
    r = _read(_line(active).replace("我局办理行政许可12件。", "本年度制发规范性文件2件。"))
    assert r.get("active.normative_docs.issued") is None
    assert any(f.rule == "F3" and "22053" in f.message and "22|0|53" in f.message for f in r.findings)


def test_prose_figures_for_every_cell_of_the_row_pick_the_split():
    # hzs_2023 (平潭) pattern with 行政规范性文件5416: figures for all three cells leave one split within
    # one misprint (5|41|6, 54|1|6 … each contradict two of them)
    active = _ACTIVE_2021.replace("行政规范性文件34089", "行政规范性文件5416")
    said = "我局制定规范性文件5件，废止规范性文件4件，现行有效规范性文件16件。"
    r = _read(_line(active).replace("我局办理行政许可12件。", said))
    assert [r.get(f"active.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [5, 4, 16]
    assert not [f for f in r.findings if f.rule == "F3"]


def test_made_by_the_verb_zhiding_is_a_figure_for_the_cell_too():
    # hzs_2023 (平潭): "我局制定规范性文件5件" and "现行有效的规范性文件16件" with 行政规范性文件5416
    active = _ACTIVE_2021.replace("行政规范性文件34089", "行政规范性文件5416")
    said = "全面梳理了我局现行有效的规范性文件16件。我局制定规范性文件5件。"
    r = _read(_line(active).replace("我局办理行政许可12件。", said))
    # 5|4|16, 5|41|6, 5|空|416 … each within one misprint of the two figures: unread, the F3 names them
    assert [r.get(f"active.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [None] * 3
    f3 = next(f for f in r.findings if f.rule == "F3" and "5416" in f.message)
    assert "正文所述“本年制发件数 5、现行有效件数 16”" in f3.message
    said = "全面梳理了我局现行有效的规范性文件16件。指导各单位制定规范性文件5件。"
    r = _read(_line(active).replace("我局办理行政许可12件。", said))
    f3 = next(f for f in r.findings if f.rule == "F3" and "5416" in f.message)
    assert "本年制发件数 5" not in f3.message      # other units' documents: no evidence


def test_made_with_de_between_verb_and_noun_is_a_figure_for_the_cell_too():
    # ptzhsyq_2022 (平潭): "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件"
    active = _ACTIVE_2021.replace("行政规范性文件34089", "行政规范性文件6153327")
    said = "集中公开现行有效行政规范性文件327件，动态更新本年度制发的规范性文件61件。"
    r = _read(_line(active).replace("我局办理行政许可12件。", said))
    f3 = next(f for f in r.findings if f.rule == "F3" and "6153327" in f.message)
    assert "正文所述“本年制发件数 61、现行有效件数 327”" in f3.message   # as printed, not "61.0"
    said = "集中公开现行有效行政规范性文件327件，集中公开历年制发的规范性文件61件。"
    r = _read(_line(active).replace("我局办理行政许可12件。", said))
    assert r.get("active.normative_docs.issued") is None      # 历年: not this year's count
    f3 = next(f for f in r.findings if f.rule == "F3" and "6153327" in f.message)
    assert "本年制发件数 61" not in f3.message


def test_a_run_of_one_digit_a_cell_that_cannot_add_up_says_the_table_is_inconsistent():
    # lyy_2025 (平潭): 新收 printed 1|0|0|0|0|0|0 (总计 0) gives `100 0 0 00`; no split adds up, and a
    # blank beside a 10 prints the same run: unread, and the F3 says what the one-digit reading shows
    reqs = [(lab, "2000000" if lab.startswith("一、") else run) for lab, run in _REQ_2021]
    r = _read(_line(_ACTIVE_2021, reqs))
    assert r.get("requests.received.natural_person") is None and r.get("requests.received.total") is None
    f3 = next(f for f in r.findings if f.rule == "F3" and "2000000" in f.message)
    assert "若每格一位数（2|0|0|0|0|0|0），合计与各项之和不符，表格本身可能填错" in f3.message


def test_a_prose_figure_that_is_not_unmistakably_the_cell_tells_nothing():
    for said in ("较上年制发规范性文件34件增加2件。", "全区制发规范性文件34件。", "政策、规范性文件类信息34条。",
                 "制发规范性文件34件，另制发规范性文件3件。"):
        r = _read(_line(_ACTIVE_2021).replace("我局办理行政许可12件。", said))
        assert r.get("active.normative_docs.issued") is None, said
        assert any(f.rule == "F3" and "34089" in f.message for f in r.findings), said


def test_one_prose_figure_reads_nothing_of_a_row_a_misprint_could_split_otherwise():
    # 2019: 作出行政处罚决定784起 with 1121784784 (zhz_2020, 平潭): the splits giving 784 (1|121784|784, …,
    # 1121|784|784) are not the only ones within one misprint of the prose: the row stays F3
    active = _ACTIVE_2019.replace("行政处罚000", "行政处罚1121784784")
    reqs = [(lab, run) for lab, run in _REQ_2021 if lab != "3.其他"]
    reqs.insert(20, ("（六）其他处理", "1200003"))
    text = _line(active, reqs).replace("2022年", "2020年").replace("我局办理行政许可12件。", "全年作出行政处罚决定784起。")
    r = _read(text)
    assert [r.get(f"active.penalty.{c}") for c in ("prev_items", "change", "decisions")] == [None] * 3
    f3 = next(f for f in r.findings if f.rule == "F3" and "1121784784" in f.message)
    assert {c.cell for c in f3.cells} == {"active.penalty.prev_items", "active.penalty.change", "active.penalty.decisions"}


def test_procurement_items_and_an_amount_with_decimals_split_only_by_a_clause_giving_both():
    reqs = [(lab, run) for lab, run in _REQ_2021 if lab != "3.其他"]
    reqs.insert(20, ("（六）其他处理", "1200003"))
    active = _ACTIVE_2019.replace("政府集中采购263042532", "政府集中采购1973601627.4元")

    def read(said: str):
        text = _line(active, reqs).replace("2022年", "2020年").replace("我局办理行政许可12件。", said)
        return _read(text)

    # the amount's decimals belong to the last cell: 1|973601627.4, 19|73601627.4, 197|3601627.4 … unread
    r = read("我局认真做好公开工作。")
    f3 = next(f for f in r.findings if f.rule == "F3" and "1973601627.4元" in f.message)
    assert "197|3601627.4" in f3.message and r.get("active.procurement.items") is None
    # a clause stating both figures leaves one split
    r = read("在政府采购网全年共发布采购信息197批次涉及金额3601627.4元。")
    assert (r.get("active.procurement.items"), r.get("active.procurement.amount")) == (197, 3601627.4)
    assert r.cell_meta["active.procurement.amount"]["unit"] == "元"
    # the items alone, or an amount no split gives, is no evidence
    for said in ("全年共发布采购信息197批次。", "全年共发布采购信息197批次涉及金额360万元。"):
        assert read(said).get("active.procurement.items") is None, said


def test_a_plus_starts_the_signed_cell_as_a_minus_does():
    # gwh_2019 (平潭): `行政许可0+11` is 0|+1|1 or 0|+11|空 — never 空|0|11 or 0|空|11, which put the
    # signed number in 处理决定数量: 上一年项目数量 0 is read, the rest stays unread (F3 lists two splits)
    reqs = [(lab, run) for lab, run in _REQ_2021 if lab != "3.其他"]
    reqs.insert(20, ("（六）其他处理", "1200003"))
    active = _ACTIVE_2019.replace("行政许可88-720", "行政许可5+38")
    r = _read(_line(active, reqs).replace("2022年", "2020年"))
    assert r.get("active.licensing.prev_items") == 5
    assert r.get("active.licensing.change") is None and r.get("active.licensing.decisions") is None
    f3 = next(f for f in r.findings if f.rule == "F3" and "5+38" in f.message)
    assert "5|3|8；5|38|空，共 2 种" in f3.message


def test_procurement_items_and_amount_stated_with_tiao_and_gong():
    # gwh_2019 (平潭): "今年共发布采购信息21条共5419886元" with 政府集中采购215419886元
    reqs = [(lab, run) for lab, run in _REQ_2021 if lab != "3.其他"]
    reqs.insert(20, ("（六）其他处理", "1200003"))
    active = _ACTIVE_2019.replace("政府集中采购263042532", "政府集中采购215419886元")
    text = _line(active, reqs).replace("2022年", "2020年")
    assert _read(text).get("active.procurement.items") is None       # 2|15419886, 21|5419886 …: unread
    r = _read(text.replace("我局办理行政许可12件。", "今年共发布采购信息21条共5419886元。"))
    assert (r.get("active.procurement.items"), r.get("active.procurement.amount")) == (21, 5419886)


def test_prose_figures_are_found_with_spaces_around_them():
    from checker.readers.stated import figures
    assert figures("全年依法作出行政处罚决定 784 起，全部按规定公开。") == {"active.penalty.decisions": 784}
    assert figures("本年度制发规范性文件\u30003 件。")["active.normative_docs.issued"] == 3


def test_a_row_one_digit_short_is_placed_by_the_table_s_sums_and_its_blank_stays_unread():
    # （一）予以公开 printed 5|0|0|0|空|0|5 leaves `500005`: one cell is blank and may hide any number.
    # The sums of the other columns (（七）总计 = the result rows) rule out the 5 standing anywhere but
    # 自然人, so 自然人 and 总计 are read; which of the zeros is the blank stays unknown (F3)
    reqs = list(_REQ_2021)
    reqs[2] = (reqs[2][0], "500005")
    r = _read(_line(_ACTIVE_2021, reqs))
    assert (r.get("requests.granted.natural_person"), r.get("requests.granted.total")) == (5, 5)
    assert all(r.get(f"requests.granted.{c}") is None for c in ("commercial", "legal_services", "other_org"))
    f3 = next(f for f in r.findings if f.rule == "F3" and "500005" in f.message)
    assert "requests.granted.natural_person" not in {c.cell for c in f3.cells}
    # alone (no table around it) the 5 could stand in any column: nothing is read
    r = _read(_line(_ACTIVE_2021, [reqs[2]]))
    assert r.get("requests.granted.natural_person") is None


def _departure(requests: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The 2021 table with （六）其他处理 printed as one row of values (the 2019 layout)."""
    at = next(i for i, (label, _) in enumerate(requests) if label.startswith("（六）"))
    return requests[:at] + [("（六）其他处理", "1200003")] + requests[at + 3:]


def test_a_lone_2019_other_row_does_not_outvote_the_2021_column_headers():
    """A one-line 2021 page printing （六）其他处理 as one row: its column headers (本年制发件数,
    本年处理决定数量, 本年收费金额) and its data year say 2021; the one 2019-shaped row is a
    departure, reported once with its values kept, never the 2019 template for the whole report."""
    r = _read(_line(_ACTIVE_2021, _departure(_REQ_2021)))
    assert (r.year, r.format) == (2022, "2021")
    assert r.get("active.licensing.decisions") == 0 and r.get("active.fees.amount_wan") == 9116.36
    [f4] = [f for f in r.findings if f.rule == "F4"]
    assert "按 2019 版印成一行" in f4.message and "1|2|0|0|0|0|3" in f4.message
    assert r.facts["group_totals"]["requests.other"]["total"] == 3


def test_a_2021_page_whose_headers_are_lost_is_told_by_its_data_year():
    """No column header word survives (the table printed `信息内容` alone): the data year (2022)
    outvotes the lone 2019-shaped row."""
    active = ("规章000行政规范性文件34089行政许可0行政处罚0行政强制0行政事业性收费9116.36 ")
    r = _read(_line(active, _departure(_REQ_2021)).replace(" 信息内容 本年制发件数 本年废止件数 现行有效件数 ", " 信息内容 "))
    assert (r.year, r.format) == (2022, "2021")
    assert r.get("active.licensing.decisions") == 0


def test_a_2019_page_keeps_its_format_by_its_headers():
    """The 2019 column headers (上一年项目数量, 本年增/减) win over a data year that says 2021."""
    active = ("规章000规范性文件666第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可00126"
              "其他对外管理服务事项000第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚000行政强制000"
              "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00第二十条第（九）项信息内容采购项目数量"
              "采购总金额政府集中采购00 ")
    text = _line(active, _departure(_REQ_2021)).replace("本年制发件数 本年废止件数 现行有效件数", "本年新制作数量 本年新公开数量 对外公开总数量")
    r = _read(text)
    assert (r.year, r.format) == (2022, "2019")
    assert r.get("active.licensing.decisions") == 126


def _replace(requests, old: str, new: str, run: str | None = None):
    return [(new if label == old else label, run if label == old and run is not None else r) for label, r in requests]


def test_a_year_the_prose_after_a_table_opens_with_is_not_a_cell():
    """Real page (市场监管局 2025): `行政事业性收费02025年，我局…` and `结转下年度继续办理20000022025年…`:
    the prose after the table opens with its year, glued to the last cell."""
    active = _ACTIVE_2021.replace("行政事业性收费9116.36 ", "行政事业性收费0") + "2022年，我局严格按照《条例》规定公开。"
    requests = _replace(_REQ_2021, "四、结转下年度继续办理", "四、结转下年度继续办理", "2000002")
    requests = _replace(requests, "（七）总计", "（七）总计", "122000014")
    text = _line(active, requests).replace(_APPEALS, "2022年，我局共收到申请16件。" + _APPEALS)
    r = _read(text)
    assert r.get("active.fees.amount_wan") == 0                     # not 2022
    assert [r.get(f"requests.carried_forward.{c}") for c in ("natural_person", "commercial", "total")] == [2, 0, 2]


def test_a_misprinted_row_label_is_placed_between_the_rows_found_and_noted():
    """`7.属于行政执法案件` (for 案卷) and `2.其他法律和行政法规禁止公开`: the rows around them are found
    by their keys; the misprinted one keeps its numbers (before, they ran into the row above: F3)."""
    requests = _replace(_REQ_2021, "7.属于行政执法案卷", "7.属于行政执法案件", "3000003")
    requests = _replace(requests, "2.其他法律行政法规禁止公开", "2.其他法律和行政法规禁止公开")
    requests = _replace(requests, "（七）总计", "（七）总计", "172000019")
    requests = _replace(requests, "一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "172000019")
    r = _read(_line(_ACTIVE_2021, requests))
    assert [r.get(f"requests.denied.enforcement_file.{c}") for c in ("natural_person", "total")] == [3, 3]
    assert [r.get(f"requests.denied.process.{c}") for c in ("natural_person", "total")] == [2, 2]
    assert [r.get(f"requests.denied.state_secret.{c}") for c in ("natural_person", "total")] == [0, 0]
    notes = [f for f in r.findings if f.rule == "F4" and f.severity == "info"]
    assert len(notes) == 1 and "属于行政执法案件" in notes[0].message and "行政执法案卷" in notes[0].message
    assert not [f for f in r.findings if f.rule == "F4" and f.severity == "error"]
    assert not [f for f in r.findings if f.rule == "F3" and "requests" in f.cells[0].cell]


def test_a_traditional_character_mirror_of_a_flattened_page_reads_as_the_original():
    from checker.readers.traditional import SIMPLIFIED, TRADITIONAL
    to_trad = str.maketrans(dict(zip(SIMPLIFIED, TRADITIONAL)))
    simple = _read(_line(_ACTIVE_2021))
    mirror = _read(_line(_ACTIVE_2021).translate(to_trad))
    assert mirror.format == simple.format == "2021"
    for cid in ("requests.received.total", "requests.other.other.commercial", "active.fees.amount_wan",
                "appeals.count.direct_suit.total", "requests.denied.internal.natural_person"):
        assert mirror.get(cid) == simple.get(cid) is not None, cid
