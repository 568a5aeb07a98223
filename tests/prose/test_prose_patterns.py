"""Real sentence patterns that used to raise false R10/P1 errors, and the prose checks added with
them (行政诉讼, 现行有效行政规范性文件). The sentences are from published reports (the Pingtan
archive, see /work/shared/corpus) or follow their wording; each is read by the text reader and
checked by the rules engine, inside seed 003 (a 2021 bureau report with its tables) where the
tables matter."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.check import check
from checker.prose import cells
from checker.readers.text import read_text

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_15d564b43078fcdc.txt"
REQUESTS_LINE = "2021 年区城管局接到群众主动要求公开政府新的申请 3 条，按要求"
CARRIED_ROW = "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0"
APPEALS_ROW = "\t".join(["0"] * 15)


def seed_report(*edits, title: str | None = None):
    text = SEED.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    if title:
        text = text.replace("南岗区城管局 2021 年", f"{title} 2021 年", 1)
    return read_text(text, "report.txt", "report.txt")


def text_report(*sentences: str, unit: str = "平潭综合实验区某某局"):
    lines = [f"{unit}2022年度政府信息公开工作年度报告", "一、总体情况", *sentences]
    return read_text("\n".join(lines), "report.txt", "report.txt")


def findings(report, rules=("R10", "P1", "P2")):
    return check([report], select=list(rules)).findings


# --- 收办 = 新收 + 上年结转 -------------------------------------------------------------------

def test_handled_total_with_carried_over_part_is_new_plus_carried():
    # "全市共收办政府信息公开申请 N 件" whose own parts are 新收 and 上年结转: not 新收 alone
    r = seed_report((REQUESTS_LINE, "2021 年区城管局共收办政府信息公开申请 5 条，其中本年新收 3 条，上年结转 2 条。全年按要求"),
                    (CARRIED_ROW, CARRIED_ROW.replace("\t0\t0\t0\t0\t0\t0\t0", "\t2\t0\t0\t0\t0\t0\t2")))
    assert findings(r) == []
    (total,) = [f for f in r.prose if f.kind == "sum" and f.value == 5]
    assert total.parts == [3, 2] and total.cell == "requests.received.total+requests.carried_over.total"


def test_handled_total_still_checked_against_both_cells():
    r = seed_report((REQUESTS_LINE, "2021 年区城管局共收办政府信息公开申请 6 条，其中本年新收 3 条，上年结转 2 条。全年按要求"),
                    (CARRIED_ROW, CARRIED_ROW.replace("\t0\t0\t0\t0\t0\t0\t0", "\t2\t0\t0\t0\t0\t0\t2")))
    got = {f.rule: f for f in findings(r)}
    r10 = got["R10"]
    assert (r10.severity, r10.expected, r10.actual) == ("error", 5, 6)
    assert [c.cell for c in r10.cells] == ["requests.received.total", "requests.carried_over.total"]
    assert got["P1"].severity == "warning"      # 3 + 2 short of 6


def test_handled_total_with_its_parts_in_brackets():
    # the parts in brackets, and "上年度结转" (with 度) as printed in many reports
    r = seed_report((REQUESTS_LINE, "2021 年区城管局共收办政府信息公开申请 5 条（本年新收 3 条，上年度结转 2 条）。全年按要求"),
                    (CARRIED_ROW, CARRIED_ROW.replace("\t0\t0\t0\t0\t0\t0\t0", "\t2\t0\t0\t0\t0\t0\t2")))
    assert findings(r) == []
    assert [f.cell for f in r.prose if f.value == 5] == ["requests.received.total+requests.carried_over.total"]


def test_carried_over_with_du_is_this_years_cell():
    r = seed_report(("目前尚未发现", "上年度结转政府信息公开申请 1 条。目前尚未发现"))
    (f,) = findings(r, ["R10"])
    assert [c.cell for c in f.cells] == ["requests.carried_over.total"] and (f.expected, f.actual) == (0, 1)


def test_received_equal_to_new_plus_carried_is_a_warning_naming_that_reading():
    # the 2022 Pingtan zone report: "全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件" with
    # 新收 74 and 上年结转 1 in its table
    carried = (CARRIED_ROW, CARRIED_ROW.replace("\t0\t0\t0\t0\t0\t0\t0", "\t2\t0\t0\t0\t0\t0\t2"))
    (f,) = findings(seed_report((REQUESTS_LINE, "2021 年区城管局收到政府信息公开申请 5 条，涉及自然人 5 条。全年按要求"),
                                carried), ["R10"])
    assert (f.severity, f.expected, f.actual) == ("warning", 3, 5) and "新收加上年结转" in f.message
    # any other figure is still an error
    (f,) = findings(seed_report((REQUESTS_LINE, "2021 年区城管局收到政府信息公开申请 6 条。全年按要求"), carried), ["R10"])
    assert f.severity == "error"


# --- whose figures a sentence gives -------------------------------------------------------------

def test_area_figures_in_a_bureau_report_are_not_its_table():
    r = seed_report(("目前尚未发现", "全区共受理政府信息公开申请 120 条。目前尚未发现"))
    assert findings(r) == []


def test_office_acting_for_the_district_is_not_the_district_table():
    # "区政府办代表区政府受理……件" in the district's report: the office's own count
    r = seed_report(("目前尚未发现", "区政府办代表区政府受理政府信息公开申请 2 条。目前尚未发现"), title="南岗区人民政府")
    assert r.unit == "南岗区人民政府"
    assert findings(r, ["R10"]) == []


def test_wider_area_in_a_district_report_is_not_compared():
    r = seed_report(("目前尚未发现", "全市共受理政府信息公开申请 1520 条。目前尚未发现"), title="南岗区人民政府")
    assert findings(r, ["R10"]) == []


def test_district_wide_figure_in_the_district_report_is_compared():
    r = seed_report(("目前尚未发现", "全区共收到政府信息公开申请 4 条。目前尚未发现"), title="南岗区人民政府")
    (f,) = findings(r, ["R10"])
    assert (f.expected, f.actual) == (3, 4)


# --- lists that are not sums -------------------------------------------------------------------

def test_parenthetical_breakdown_and_a_change_are_not_the_total():
    # "…（其中甲区16件），同比增长/增加…，其中…": the bracket is a breakdown of one figure, the
    # change is no total; the list after the second 其中 adds up to the first figure
    r = text_report("2022年全区共收到政府信息公开申请94件（其中海坛片区16件），同比增加20件，其中当面申请30件、网络申请64件。",
                    unit="平潭综合实验区")
    assert findings(r, ["P1"]) == []
    (s,) = [f for f in r.prose if f.kind == "sum"]
    assert (s.value, s.parts) == (94, [30, 64])


def test_long_parenthetical_list_is_not_a_sum():
    r = text_report("2022年全区共收到政府信息公开申请94件（其中海坛片区管理局16件、君山片区管理局20件、"
                    "苏平片区管理局11件、金井片区管理局8件、澳前镇人民政府2件、北厝镇人民政府5件、"
                    "平原镇人民政府3件、白青乡人民政府1件），同比增长70.3%。", unit="平潭综合实验区")
    assert findings(r, ["P1"]) == []


def test_figure_without_counting_word_counts_as_an_item():
    # shs_2022: "主动公开信息数169，" has no 条
    r = text_report("全年印发公文类政府信息共510条，其中主动公开信息数169，依申请公开信息数317条，不予公开24条；"
                    "全年通过政府门户网站主动公开政策，规范性文件类信息5条，民政扶贫救灾社会保障就业类信息77条。")
    assert findings(r, ["P1"]) == []
    (s,) = [f for f in r.prose if f.kind == "sum"]
    assert s.parts == [169, 317, 24]


def test_figure_without_counting_word_in_a_wrong_list_is_still_caught():
    r = text_report("全年印发公文类政府信息共510条，其中主动公开信息数170，依申请公开信息数317条，不予公开24条。")
    (f,) = findings(r, ["P1"])
    assert (f.severity, f.actual, f.expected) == ("error", 510, 511)


def test_items_with_a_share_of_an_earlier_item_are_its_sub_items():
    # jtj_2021: 45, 41, 36, 55, 41 are shares of the 57 行政许可, not siblings adding up to 89
    r = text_report("在省网绑定并发布的事项共有89项，其中行政许可57项，实现“一趟不用跑”的有45项，占比78.9%；"
                    "实现“全程网办”的有41项，占比71.9%；即办件有36项，占比63.2%，；压缩时限至法定时限80%的有55项，"
                    "占比96.5%；“是否免于提交纸质证照”的有41项，占比71.9%。")
    assert findings(r, ["P1"]) == []


def test_sentence_opening_with_qizhong_shares_out_the_figure_its_parts_add_up_to():
    # gaj_2024: the 其中 list (3 + 4 + 1) is of the 8 requests, not of the 6 小区备案 ones
    r = text_report("2024年，我局收到群众通过邮寄、网络提交的各类政府信息公开申请共计8件，申请事项涉及政策法规信息1件、"
                    "机构设置信息1件、小区备案信息6件，均严格按照《条例》要求，做好申请公开登记、审核、办理、答复、归档等各项工作。"
                    "其中，同意公开3件，占比37.5%；无法提供4件，占比50%；区分处理后公开1件，占比12.5%。")
    assert findings(r, ["P1"]) == []
    (s,) = [f for f in r.prose if f.kind == "sum"]
    assert (s.value, s.parts) == (8, [3, 4, 1])
    # parts adding up to none of the sentence's figures: which one they share out is not plain
    (f,) = findings(text_report(r_text := "2024年，我局收到政府信息公开申请共计8件，涉及小区备案信息6件。"
                                           "其中，同意公开3件；无法提供4件；区分处理后公开2件。"), ["P1"])
    assert f.severity == "warning", r_text


def test_requests_completed_are_not_the_new_requests():
    # "办结……申请共计 N 件" is an outcome (办结 includes last year's carried-over), not 本年新收: it is
    # （七）总计 (behaviour change: before, not compared at all; now 5 against seed 003's 总计 3)
    r = seed_report(("目前尚未发现", "全年办结政府信息公开申请共计 5 条。目前尚未发现"))
    (f,) = findings(r, ["R10"])
    assert [c.cell for c in f.cells] == ["requests.handled_total.total"]
    assert findings(seed_report(("目前尚未发现", "全年收到政府信息公开申请共计 5 条。目前尚未发现")), ["R10"])


def test_added_and_removed_items_are_a_change_not_parts():
    # gwh_2022: 33 = 35 − 5 + 3
    r = text_report("二是加强政务新媒体管理，从原有的35家政务新媒体调整为33家，其中，注销5家维护更新不及时的政务新媒体，"
                    "新增区行政审批局、区经济发展局、区交通建设局3家政务新媒体。")
    assert findings(r, ["P1"]) == []


def test_list_ending_in_deng_names_only_some_parts():
    # czj_2021: "……公示公告信息17条等。"
    sentence = ("全文电子化的主动公开信息数共198条，其中:财税金融等政策及解读共7条；财政预算、决算报告共3条；"
                "专项资金使用情况公开共62条；其他文件共2条；工作动态共2条;地方性法规1条；公示公告信息17条等。")
    assert findings(text_report(sentence), ["P1"]) == []
    # without 等 the same list is short of its total: a warning, as before
    (f,) = findings(text_report(sentence.replace("17条等。", "17条。")), ["P1"])
    assert f.severity == "warning"


def test_a_later_statement_in_another_unit_ends_the_list():
    # zhz_2020: "……431份；立案查处……784起" — the 起 belongs to another statement; the list is
    # plainly one list, short of its total (a true warning, with the right reason)
    r = text_report("2020年，共制作政府信息（文件）617份，其中主动公开138份、依申请公开及不予公开431份；"
                    "立案查处各类违法行为并作出行政处罚决定784起，全部予以公开挂网。")
    (f,) = findings(r, ["P1"])
    assert f.severity == "warning" and "小于合计" in f.message


# --- found on real reports of other units and provinces (the sweep of bench/NOTES.md) ---------------

def test_parts_told_along_a_running_account_are_some_parts_only():
    # hzs_2025: "其中，项目审批信息191条，持续保持高频更新；行政规范性文件3条，……" names two of the
    # 251 with a remark between them: no list of all parts, so falling short says nothing
    told = ("全年累计主动公开政府信息 236 条。其中，项目审批信息 170 条，持续保持高频更新；"
            "行政规范性文件 4 条，有效保障了公众的知情权。")
    assert findings(text_report(told), ["P1"]) == []
    # the same two items as a plain list are read as all the parts: short of the total, a warning
    (f,) = findings(text_report("全年累计主动公开政府信息 236 条。其中，项目审批信息 170 条；行政规范性文件 4 条。"), ["P1"])
    assert f.severity == "warning" and "小于合计" in f.message


def test_a_list_running_into_other_statements_is_not_all_parts():
    # 南京高淳区 2022: "发布信息4583条,其中主动公开各类政府信息2107条,市政府网站共采用672条,全年网站
    # 总访问量达3782565次;通过……新浪微博发布各类信息6012条,……" (half-width ";" and ","): the
    # 次 figure and the 6012 (larger than the total, after the ";") belong to other statements
    sentence = ("全区各部门通过区政府门户网站发布信息 3825 条,其中主动公开各类政府信息 1906 条,"
                "市政府网站共采用 540 条,全年网站总访问量达 2814730 次;通过政务微博发布各类信息 5120 条,"
                "政务微信订阅号发布各类信息 615 条;通过区政府门户网站发布政务动态信息 1919 条。")
    assert findings(text_report(sentence), ["P1"]) == []
    # a plain list that exceeds its total stays an error
    (f,) = findings(text_report("全年通过区政府门户网站发布信息 100 条，其中主动公开 60 条，依申请公开 50 条。"), ["P1"])
    assert f.severity == "error" and (f.actual, f.expected) == (100, 110)


def test_parts_sharing_out_two_figures_together():
    # a Hunan county 2022: "收到政府信息依申请公开9件,上年转结1件,其中网络申请数5件,信函申请数5件,已按程序按时
    # 办理,发生行政复议1件" — the 5 + 5 are the 9 + 1 together, not parts of the 1 (a false P1 warning before)
    r = text_report("2022年,我县收到政府信息依申请公开8件,上年转结2件,其中网络申请数6件,信函申请数4件,"
                    "已按程序按时办理,发生行政复议1件。")
    assert findings(r, ["P1"]) == []
    # parts that fit neither figure nor both are still a finding
    r = text_report("2022年,我县收到政府信息依申请公开8件,上年转结2件,其中网络申请数6件,信函申请数5件。")
    assert [f.rule for f in findings(r, ["P1"])] == ["P1"]


def test_one_part_in_the_totals_unit_is_no_list():
    # zhz_2025: "共发布政府信息（文件）575份，其中主动公开317份，立案查处各类违法行为并作出行政处罚决定204起"
    # — one part in 份 and another statement in 起: no list to check (a false P1 warning before)
    r = text_report("2025年，共发布政府信息（文件）530份，其中主动公开296份，立案查处各类违法行为并作出行政处罚决定187起，"
                    "全部予以公开挂网。")
    assert findings(r, ["P1"]) == []
    # two parts in 份 and the other statement: the list is read as before (zhz_2023, adds up)
    r = text_report("2023年，共发布政府信息（文件）687份，其中主动公开299份，依申请公开及不予公开388份，"
                    "立案查处各类违法行为并作出行政处罚决定640起，全部予以公开挂网。")
    (s,) = [f for f in r.prose if f.kind == "sum"]
    assert s.parts == [299, 388] and findings(r, ["P1"]) == []


def test_a_measure_of_a_part_in_another_unit_does_not_end_the_list():
    # seed 004: "单位 13 家，其中……6 家，涉及事项 43 项；部分进驻单位 7 家，涉及事项 206 项"
    r = text_report("已进驻的单位 12 家，其中全部事项进驻的有 5 家，涉及事项 41 项；部分进驻单位 7 家，涉及事项 198 项。")
    (s,) = [f for f in r.prose if f.kind == "sum"]
    assert (s.value, s.parts) == (12, [5, 7])


def test_a_share_is_of_the_figure_right_before_it_only():
    # hzs_2019: "开通……等11条热线短号，累计接听电话84472通，来自11条热线短号电话量占总数的10.09%"
    # — the share is of the calls (电话量), not of the 11 lines: no P2 error
    r = text_report("整合 12345、12315 等 9 条热线短号，累计接听电话 70215 通，来自 9 条热线短号电话量占总数的 8.31%。")
    assert findings(r, ["P2"]) == []
    # a share printed right after its figure is still checked
    (f,) = findings(text_report("全年共收到申请 15 件，其中通过网络申请 13 件，占 76.5%。"), ["P2"])
    assert (f.actual, f.expected) == (76.5, 86.67)


def test_petitions_handled_are_not_petition_requests():
    # zhz_2023: "未收到依申请公开行政复议……共接收处置部门转办信访、群众来信……网络投诉等信访投诉事项7733件"
    r = seed_report(("目前尚未发现", "全年未收到政府信息公开申请。共接收处置转办信访、网络投诉等信访投诉事项 6120 件，"
                                     "处置率达100%。目前尚未发现"))
    assert not [f for f in r.prose if f.cell and "petition" in f.cell]
    assert findings(r, ["R10"]) == []
    # the result row itself is still read
    assert cells.table_cell("属于信访举报投诉类申请", "2021") == "requests.not_processed.petition.total"


# --- groups of result rows; a 总计 column left blank ---------------------------------------------

def _blank_totals_page(tmp_path, said: str) -> Path:
    """A 2019-format page whose result rows print their applicants and leave 总计 blank, as
    上海市人民政府办公厅 2019 does (every 总计 of 三、本年度办理结果 blank, only （七）总计 printed)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from bench.htmlpage import page
    from checker.templates import template
    vals: dict = {c.id: None for c in template("2019").cells}
    vals |= {c.id: 0 for c in template("2019").cells if c.table != "requests"}
    rows = {"received": (30, 2), "carried_over": (0, 0), "granted": (10, 1), "partly_granted": (3, 0),
            "denied.state_secret": (2, 0), "unavailable.not_held": (9, 1), "unavailable.needs_creation": (4, 0),
            "unavailable.unclear": (2, 0), "handled_total": (30, 2), "carried_forward": (0, 0)}
    for row, (person, firm) in rows.items():
        vals[f"requests.{row}.natural_person"], vals[f"requests.{row}.commercial"] = person, firm
    for row in ("received", "carried_over", "handled_total", "carried_forward"):
        vals[f"requests.{row}.total"] = sum(rows[row])
    path = tmp_path / "report.html"
    path.write_text(page("2019", vals, unit="某市人民政府办公厅", year=2019, said=said), encoding="utf-8")
    return path


def _r10(path: Path) -> list[dict]:
    xxgk = Path(sys.executable).with_name("xxgk")
    out = subprocess.run([str(xxgk), "check", str(path), "--select", "R10", "-f", "json"],
                         capture_output=True, text=True, timeout=120)
    return json.loads(out.stdout)["findings"]


def test_prose_of_result_groups_against_a_table_with_blank_totals(tmp_path):
    # 上海市人民政府办公厅 2019: "予以公开及部分公开258件……因本机关不掌握等原因无法提供265件" with every
    # 总计 of the result rows blank: the groups' rows are summed from their applicants
    right = ("市政府办公厅代表市政府共受理政府信息公开申请32件。予以公开及部分公开14件；不予公开2件；"
             "因本机关不掌握等原因无法提供16件；其他处理0件。")
    assert _r10(_blank_totals_page(tmp_path, right)) == []
    # the real report's slip: 无法提供 given as the 不掌握 row only (10 of 16)
    (f,) = _r10(_blank_totals_page(tmp_path, right.replace("无法提供16件", "无法提供10件")))
    assert (f["severity"], f["expected"], f["actual"]) == ("error", 16, 10)
    assert {c["cell"] for c in f["cells"]} == {"requests.unavailable.not_held.total",
                                               "requests.unavailable.needs_creation.total",
                                               "requests.unavailable.unclear.total"}
    assert "（四）无法提供（各项总计之和）" in f["message"] and "为空，按该行各申请人栏之和比较" in f["message"]


def test_one_row_named_within_its_group_is_that_row():
    assert cells.table_cell("本机关不掌握相关政府信息", "2021") == "requests.unavailable.not_held.total"
    assert cells.table_cell("因本机关不掌握等原因无法提供", "2021").count("+") == 2
    assert cells.table_cell("予以公开及部分公开", "2021") == cells.GRANTED_ANY
    assert cells.table_cell("行政诉讼中直接起诉", "2021") == "appeals.count.direct_suit.total"


def test_ben_jiguan_bu_zhangwo_names_a_row_not_a_subject():
    # "因本机关不掌握等原因无法提供 N 件" in a 街道's or government's report: 本机关 here is the row's
    # name, not a bureau speaking of its own figures; the figure is compared with the table
    line = "全年因本机关不掌握等原因无法提供 {} 条。目前尚未发现"
    assert findings(seed_report(("目前尚未发现", line.format(1)), title="道里区某某街道办事处"), ["R10"]) == []
    (f,) = findings(seed_report(("目前尚未发现", line.format(2)), title="道里区某某街道办事处"), ["R10"])
    assert (f.expected, f.actual) == (1, 2) and len(f.cells) == 3


def test_requests_dealt_with_are_the_results_total():
    # "共办结148件"（ptzhsyq_2025）, "依法办结政府信息公开申请58件"（jtj_2024）, "及时规范答复7件"（hzs_2023）,
    # "答复政府信息公开申请805件"（上海 2019）: （七）总计, each equal to its table in the real report
    line = "全年共办结政府信息公开申请 {} 条。目前尚未发现"
    assert findings(seed_report(("目前尚未发现", line.format(3))), ["R10"]) == []
    (f,) = findings(seed_report(("目前尚未发现", line.format(4))), ["R10"])
    assert [c.cell for c in f.cells] == ["requests.handled_total.total"] and (f.expected, f.actual) == (3, 4)
    # an outcome's answers and a rate are not it
    assert cells.table_cell("其中,予以公开答复", "2021") == "requests.granted.total"
    assert cells.table_cell("已答复件数", "2021") is None


def test_information_withheld_is_not_the_requests_withheld():
    # jjf_2021 / shs_2022: "共制发政府信息378条，其中，主动公开政府信息125条、依申请公开176条、不予公开77条"
    # counts information by how it is published, not requests: no 表三 cell (their tables say 0)
    r = seed_report(("目前尚未发现", "全年共制发政府信息 290 条，其中，主动公开政府信息 101 条、依申请公开 131 条、"
                                     "不予公开 58 条。目前尚未发现"))
    assert not [f for f in r.prose if f.cell and "denied" in f.cell]
    assert findings(r, ["R10"]) == []


# --- new checks: 行政诉讼 and 现行有效行政规范性文件 --------------------------------------------------

LITIGATION_SENTENCE = "全年发生政府信息公开行政复议案件 0 件，行政诉讼案件 1 件。目前尚未发现"


def test_litigation_against_both_suit_columns():
    assert findings(seed_report(("目前尚未发现", LITIGATION_SENTENCE),
                                (APPEALS_ROW, "0\t0\t0\t0\t0\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0")), ["R10"]) == []
    assert findings(seed_report(("目前尚未发现", LITIGATION_SENTENCE),
                                (APPEALS_ROW, "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t1\t0\t0\t0\t1")), ["R10"]) == []
    (f,) = findings(seed_report(("目前尚未发现", LITIGATION_SENTENCE),
                                (APPEALS_ROW, "0\t0\t0\t0\t0\t1\t0\t0\t0\t1\t1\t0\t0\t0\t1")), ["R10"])
    assert (f.severity, f.expected, f.actual) == ("error", 2, 1)
    assert [c.cell for c in f.cells] == ["appeals.count.direct_suit.total", "appeals.count.suit_after_review.total"]


def test_litigation_equal_to_the_decided_suits_is_a_warning_naming_that_reading():
    # 2 suits, 1 still pending: "行政诉讼案件 1 件" may count the decided one only
    (f,) = findings(seed_report(("目前尚未发现", LITIGATION_SENTENCE),
                                (APPEALS_ROW, "0\t0\t0\t0\t0\t1\t0\t0\t1\t2\t0\t0\t0\t0\t0")), ["R10"])
    assert (f.severity, f.expected, f.actual) == ("warning", 2, 1)
    assert "已审结" in f.message and "尚未审结 1" in f.message


def test_normative_docs_in_force_against_table_two():
    # seed 003's 表二: 规范性文件 现行有效件数 1
    line = "本年度区城管局制发规范性文件 0 件，现行有效行政规范性文件 {} 件。目前尚未发现"
    assert findings(seed_report(("目前尚未发现", line.format(1))), ["R10"]) == []
    (f,) = findings(seed_report(("目前尚未发现", line.format(3))), ["R10"])
    assert [c.cell for c in f.cells] == ["active.normative_docs.in_force"]
    assert (f.expected, f.actual) == (1, 3)
    # a warning naming the other reading: real reports give the 文件库's (area-wide) count here
    # (gwh_2022 "建成规范性文件库……现行有效件数424件" against 表二's 89)
    assert f.severity == "warning" and "规范性文件库" in f.message


def test_decisions_stated_in_the_prose_against_table_two():
    # the real sentence (zhz_2022 "立案查处各类违法行为并作出行政处罚决定753起", equal to its table);
    # seed 003's 表二: 行政许可 2483, 行政处罚 0
    line = "全年立案查处各类违法行为并作出行政处罚决定{}起，作出行政许可决定{}件。目前尚未发现"
    assert findings(seed_report(("目前尚未发现", line.format(0, 2483))), ["R10"]) == []
    (f,) = findings(seed_report(("目前尚未发现", line.format(0, 2438))), ["R10"])
    assert [c.cell for c in f.cells] == ["active.licensing.decisions"]
    assert (f.severity, f.expected, f.actual) == ("error", 2483, 2438)
    # what was published (决定书, 决定信息), the 2019 table's items (许可事项 N 项), a change, the
    # whole area's count in a bureau's report: no decisions cell
    for other in ("公开行政许可决定书{}份", "公开行政处罚决定信息{}条", "行政许可事项{}项", "行政许可决定较上年增加{}件",
                  "全区作出行政许可决定{}件"):
        r = seed_report(("目前尚未发现", other.format(17) + "。目前尚未发现"))
        assert not [x for x in r.prose if x.cell and "decisions" in x.cell], other
        assert findings(r, ["R10"]) == [], other


def test_an_object_is_no_subject():
    # "按照省政府办公厅相关工作要求……": the office is whose requirement, not who counts
    r = text_report("按照省政府办公厅相关工作要求设立规范性文件库，清理并集中发布现行有效行政规范性文件393件。",
                    unit="平潭综合实验区")
    assert [f.cell for f in r.prose] == ["active.normative_docs.in_force"]


# --- as users run it --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "2021 年区城管局共收办政府信息公开申请 5 条，其中本年新收 3 条，上年结转 2 条。全年按要求",
])
def test_cli_raises_no_prose_error_on_the_real_pattern(tmp_path, sentence):
    text = SEED.read_text(encoding="utf-8").replace(REQUESTS_LINE, sentence).replace(
        CARRIED_ROW, CARRIED_ROW.replace("\t0\t0\t0\t0\t0\t0\t0", "\t2\t0\t0\t0\t0\t0\t2"))
    path = tmp_path / "南岗区城管局2021.txt"
    path.write_text(text, encoding="utf-8")
    xxgk = Path(sys.executable).with_name("xxgk")
    out = subprocess.run([str(xxgk), "check", str(path), "--select", "R10,P1,P2", "-f", "json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["findings"] == []
