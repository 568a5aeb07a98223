"""Real sentence patterns of session 11's pages (tests/fixtures/corpus/w11: 2021–2025 reports of 开发区/高新区 and of
税务/海关/气象/公安 bureaus), checked through the real CLI with made-up bodies and numbers:
- 福州高新区 2023 `已答复13件,其中,上年结转答复1件,结转下一年答复1件`: 结转下一年 was not read as 结转下年度办理, and the
  figure was tied to （七）总计 for its 答复 (a wrong cell); 上年结转答复 was left unread for the same 答复;
- 蓬江区发改局 2024 `共188条。其中……其他3条,共发布102条;专题专栏包括……共发布86条`: the subtotal 102 was added as one
  more part (1 + … + 3 + 102 = 204 > 188): a false P1 error on a page whose figures all agree;
- 临夏州公安局 2023 `通过其他方式公开政府信息54条。其中,…微信公众号发布信息1205条、微博12984条…`: a list of all
  channels after the last channel's count was checked as the 54's parts (a P1 warning naming units that differ);
- 从化经开区 2022, 蓬江区发改局 2024 `收到政府信息公开申请0宗` / `3宗`: 宗 (Guangdong's counter for cases) was no
  counting word, so the figure was never read;
- a 管委会's report (`我委收到政府信息公开申请…`): its level is a government's, so 我委 was taken for someone else."""
from __future__ import annotations

from test_prose_other_provinces_2 import _p1
from test_prose_w10 import _ties

_HEAD = "某某高新技术产业开发区管理委员会2023年政府信息公开工作年度报告\n一、总体情况\n"


def test_requests_carried_to_next_year_are_carried_forward_not_the_total(tmp_path):
    ties = _ties(tmp_path, _HEAD + "2023年,我区共收到依申请公开政府信息13件,已答复13件,其中,上年结转答复1件,"
                                   "结转下一年答复2件。\n")
    assert {("requests.received.total", 13), ("requests.carried_over.total", 1),
            ("requests.carried_forward.total", 2)} <= ties
    assert ("requests.handled_total.total", 2) not in ties


def test_requests_answered_are_still_the_total(tmp_path):
    # guard: 答复 without 结转 is （七）总计
    assert ("requests.handled_total.total", 12) in _ties(tmp_path, _HEAD + "2023年共收到政府信息公开申请12件,共答复12件。\n")


def test_a_subtotal_in_a_list_stands_for_its_parts(tmp_path):
    sentence = ("2023年,主动公开政府信息共100条。其中政府信息公开目录中公开年度报告1条,组织机构4条、部门文件22条、其他3条,"
                "共发布30条;专题专栏价格收费52条、投资管理18条,共发布70条。")
    assert _p1(tmp_path, sentence) == []


def test_a_list_with_subtotals_that_does_not_add_up_is_found(tmp_path):
    sentence = ("2023年,主动公开政府信息共110条。其中政府信息公开目录中公开年度报告1条,组织机构4条、部门文件22条、其他3条,"
                "共发布30条;专题专栏价格收费52条、投资管理18条,共发布70条。")
    (f,) = _p1(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (110, 100)


def test_the_list_before_a_next_list_is_no_finding_with_its_subtotal(tmp_path):
    # the 蓬江 page: the list stops at 包括 (another list), so 188 is left unchecked rather than compared with 204
    sentence = ("2024年,主动公开政府信息共188条。其中政府信息公开目录中公开年度报告1条,组织机构4条、部门文件22条、行政执法3条、"
                "公告公示12条、工作动态53条、财政预决算4条、其他3条,共发布102条;专题专栏包括组织机构4条、价格收费52条、"
                "投资管理18条、重点项目12条,共发布86条。")
    assert _p1(tmp_path, sentence) == []


def test_a_total_said_again_at_the_end_of_its_list_is_no_part(tmp_path):
    ties = _ties(tmp_path, _HEAD + "2023年,我委共收到政府信息公开申请13件,其中,网上申请5件,信函申请8件,共13件。\n")
    assert ("requests.received.total", 13) in ties
    assert _p1(tmp_path, "2023年,我局共收到政府信息公开申请13件,其中,网上申请5件,信函申请8件,共13件。") == []
    assert _p1(tmp_path, "2023年,我局共收到政府信息公开申请13件,其中,网上申请5件,信函申请9件,共13件。")


def test_a_list_of_every_part_larger_than_the_count_before_it_is_not_its_parts(tmp_path):
    sentence = ("2023年,通过政府网站公开政府信息754条,通过政务新媒体公开政府信息2808条,通过其他方式公开政府信息54条。"
                "其中,微信公众号发布信息1205条、微博12984条、今日头条1118条。")
    assert _p1(tmp_path, sentence) == []


def test_a_committees_we_is_the_body_itself(tmp_path):
    # 我委 in a 管委会's report (a government, whose "我局" would be one of its bureaus) is the 管委会: its own figure
    assert ("requests.received.total", 5) in _ties(tmp_path, _HEAD + "2023年,我委收到政府信息公开申请5件。\n")


def test_a_bureau_in_a_committees_report_is_not_the_body(tmp_path):
    # guard: "我局" in a 管委会's report stays someone else's figure
    assert ("requests.received.total", 5) not in _ties(tmp_path, _HEAD + "2023年,我局收到政府信息公开申请5件。\n")


def test_zong_counts_requests(tmp_path):
    ties = _ties(tmp_path, _HEAD + "2023年,我委收到政府信息公开申请3宗,无信息公开类行政复议及诉讼案件。\n")
    assert ("requests.received.total", 3) in ties


def test_a_bracketed_breakdown_does_not_end_the_list(tmp_path):
    # 瓯海区审计局 2024: the list goes on after "(其中部门预算1条、部门决算1条)"; it adds up to 22: no finding
    sentence = ("2024年,我局主动公开各类政府信息22条,其中发布人事信息2条,动态信息2条,部门财务信息2条(其中部门预算1条、"
                "部门决算1条),计划总结5条,审计计划1条,审计结果4条,审计整改1条,其他信息5条。")
    assert _p1(tmp_path, sentence) == []
    (f,) = _p1(tmp_path, sentence.replace("其他信息5条", "其他信息3条"))
    assert (f["actual"], f["expected"]) == (22, 20)


def test_parts_counted_past_a_mark_are_no_share_out(tmp_path):
    # 广东省政数局 2024: "其中100万+推文4篇,10万+推文57篇" counts the posts read past a mark
    assert _p1(tmp_path, "全年共发布223篇推文,总阅读量突破2937万。其中100万+推文4篇,10万+推文57篇。") == []


def test_parts_each_followed_by_their_own_breakdown(tmp_path):
    # 嘉兴市政府办 2023: 11 = 7 + 4, each broken down right after it (6 + 1, 2 + 2) — not 22 of 11
    sentence = ("因信息公开引发行政争议11件,其中,行政复议7件,结果维持6件,尚未审结1件;行政诉讼4件,结果维持2件,"
                "尚未审结2件。")
    assert _p1(tmp_path, sentence) == []
    (f,) = _p1(tmp_path, sentence.replace("争议11件", "争议12件"))
    assert f["actual"] == 12


def test_a_flat_list_whose_run_happens_to_add_up_to_a_part_stays_flat(tmp_path):
    # guard: 5 + 3 + 2 + 10 = 20 read as it is printed (3 + 2 = 5 is no breakdown when the flat list adds up)
    assert _p1(tmp_path, "2023年,某某镇共主动公开政府信息20条,其中决策公开5条、财政资金3条、村务公开2条、其他10条。") == []
