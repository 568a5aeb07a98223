"""Prose figures of 表二 that real reports state and session 16 ties to their cells (t16), each from the real sentence
pattern put into seed 003 (a 2021 report whose 表二 prints 行政规范性文件 0 | 2 | 1) and checked through the real CLI:
- noun first, count after: "2024年，我局废止规范性文件6件，制定规范性文件15件" (平潭 住房和城乡建设局 2024, 表二 15 | 6),
  "2025年,共制发行政规范性文件6个,废止行政规范性文件6个" (天门市政府办公室 2025, 表二 6 | 6),
  "2025年，实验区管委会（办公室）制发行政规范性文件9件" (平潭 管委会 2025, 表二 9 | 7): 本年制发件数 / 本年废止件数."""
from __future__ import annotations

from test_real_prose_a6 import _issued


def test_documents_issued_and_repealed_noun_first_are_compared_with_table_two(tmp_path):
    got = _issued(tmp_path, "2021 年，我局废止规范性文件6件，制定规范性文件15件。")
    found = {f["cells"][0]["cell"]: (f["severity"], f["actual"], f["expected"]) for f in got}
    assert found == {"active.normative_docs.issued": ("warning", 15, 0),
                     "active.normative_docs.repealed": ("warning", 6, 2)}
    repealed = next(f for f in got if f["cells"][0]["cell"] == "active.normative_docs.repealed")
    assert "废止规范性文件6件" in repealed["message"] and "宣布失效" in repealed["message"]


def test_noun_first_counts_that_agree_with_table_two_raise_nothing(tmp_path):
    row = "规范性文件\t6\t6\t1"
    assert _issued(tmp_path, "2021 年,共制发行政规范性文件6个,废止行政规范性文件6个。", row=row) == []
    assert _issued(tmp_path, "2021年，区管委会（办公室）制发行政规范性文件6件。", row=row) == []


def test_documents_named_by_another_verb_or_not_issued_are_not_compared(tmp_path):
    # the clause's own verb is another's: the documents updated or published, not the count issued
    assert _issued(tmp_path, "动态更新发布本年度制发行政规范性文件62件。") == []
    assert _issued(tmp_path, "以区政府名义印发并公开的行政规范性文件17件。") == []
    assert _issued(tmp_path, "本年度拟废止规范性文件3件，未制定规范性文件以外的文件。") == []
    # both rows of 表二's 第二十条第（一）项 in one figure
    assert _issued(tmp_path, "2021 年，区城管局制定规章和规范性文件3件。") == []
    # another year's, or someone else's
    assert _issued(tmp_path, "2020年，我局制定规范性文件5件。") == []
    assert _issued(tmp_path, "全市各部门共制定规范性文件12件。") == []
    # information items of that kind, no verb of issuing
    assert _issued(tmp_path, "2021 年，主动公开政府信息310条，规范性文件类信息15条。") == []


# --- 表二's 处理决定数量 said by what the body did, without 决定 ---------------------------------------------
# 卢氏县交通运输局 2021 "全年办理行政许可27件、行政处罚463件" (表二 27, 463); a 卫生健康局 2022 "共计行政处罚3起" (表二 3);
# 溱潼镇 2025 "实施行政处罚11件,办理行政许可528件". Seed 003's 表二 prints 行政许可 2483, 行政处罚 0.

def _decisions(got):
    return {f["cells"][0]["cell"]: (f["severity"], f["actual"], f["expected"]) for f in got}


def test_licences_and_penalties_processed_are_compared_with_the_decisions_of_table_two(tmp_path):
    got = _issued(tmp_path, "2021 年，区城管局全年办理行政许可2483件、行政处罚5件。")
    assert _decisions(got) == {"active.penalty.decisions": ("warning", 5, 0)}
    assert "行政处罚5件" in got[0]["message"] and "未必都是表二所计的处理决定" in got[0]["message"]
    got = _issued(tmp_path, "2021 年，开展执法检查，共计行政处罚3起，均已公示。")
    assert _decisions(got) == {"active.penalty.decisions": ("warning", 3, 0)}
    got = _issued(tmp_path, "2021 年，区城管局实施行政处罚0件,办理行政许可2480件。")
    assert _decisions(got) == {"active.licensing.decisions": ("warning", 2480, 2483)}


def test_a_decision_said_as_such_stays_an_error(tmp_path):
    got = _issued(tmp_path, "2021 年，区城管局全年行政许可决定2483件、行政处罚5件。")
    assert _decisions(got) == {"active.penalty.decisions": ("warning", 5, 0)}
    got = _issued(tmp_path, "2021 年，区城管局作出行政处罚决定5起。")
    assert _decisions(got) == {"active.penalty.decisions": ("error", 5, 0)}


def test_requests_channels_and_information_about_decisions_are_not_compared(tmp_path):
    assert _issued(tmp_path, "2021 年，区城管局受理行政许可申请2400件，网上办理行政许可2400件。") == []
    assert _issued(tmp_path, "2021 年，区城管局在信用平台公示行政处罚信息5条，办理行政许可事项5件。") == []
    assert _issued(tmp_path, "2021 年，全市办理行政许可24000件、行政处罚50件。") == []
    assert _issued(tmp_path, "2020 年，区城管局办理行政许可2400件、行政处罚5件。") == []


# --- requests carried, named by their years --------------------------------------------------------------
# 平潭综合实验区 2025 "共收到政府信息公开申请154件，共办结148件，结转至2026年6件" (表三 结转下年度 6); 连云区 2025 "结转至
# 2026年办理13件"; 天津市住建委 2024 "2023年结转132件"; 大理州 2023 "结转2024年度继续办理1件". Seed 003 prints both 0.

def test_requests_carried_named_by_their_years_are_compared_with_table_three(tmp_path):
    got = _issued(tmp_path, "2021 年，区城管局共办结3件，结转至2022年办理5件，2020年结转2件。")
    assert _decisions(got) == {"requests.carried_forward.total": ("error", 5, 0),
                               "requests.carried_over.total": ("error", 2, 0)}
    assert _issued(tmp_path, "2021 年，区城管局结转2022年度继续办理0件，2020 年度结转0件。") == []


def test_requests_carried_into_or_from_other_years_are_not_compared(tmp_path):
    assert _issued(tmp_path, "2021 年，区城管局结转至2023年办理5件，2019年结转2件。") == []


# --- appeals named by their short words ------------------------------------------------------------------
# 嘉善县大云镇 2024 "……涉及复议0件、诉讼0件"; 上海市政府办公厅 2019 "信息公开类行政复议7件，诉讼9件" (表四 7; 9 direct suits).
# Seed 003's 表四 prints 0 throughout.

def test_appeals_named_by_their_short_words_are_compared_with_table_four(tmp_path):
    got = _issued(tmp_path, "2021 年，区城管局因政府信息公开涉及复议2件、诉讼1件。")
    assert _decisions(got) == {"appeals.count.review.total": ("error", 2, 0),
                               "appeals.count.direct_suit.total": ("error", 1, 0)}
    assert _issued(tmp_path, "2021 年，区城管局因政府信息公开涉及复议0件、诉讼0件。") == []


def test_a_suit_alone_not_after_a_review_figure_is_not_compared(tmp_path):
    # "诉讼 3 件" alone says not which: a 诉讼 of any kind (民事, 刑事) the body was party to
    assert _issued(tmp_path, "2021 年，区城管局办理各类案件，其中诉讼3件。") == []


def test_a_review_in_progress_is_no_count_of_reviews(tmp_path):
    # 正定县政府办 2025: "政府信息公开行政复议案件5件，结果维持3件，结果纠正1件，正在复议1件"
    assert _issued(tmp_path, "2021 年，区城管局结果维持0件，正在复议1件。") == []


def test_a_list_of_decisions_runs_on_only_from_a_row_said_with_its_verb(tmp_path):
    # "全年办理行政许可27件、行政处罚463件、行政强制5件": the verb carries down the list
    got = _issued(tmp_path, "2021 年，区城管局全年办理行政许可2483件、行政处罚5件、行政强制2件。")
    assert _decisions(got) == {"active.penalty.decisions": ("warning", 5, 0),
                               "active.enforcement.decisions": ("warning", 2, 0)}
    # applications received are no decisions, nor the rows after them; nor documents or decisions the body helped with
    assert _issued(tmp_path, "2021 年，区城管局受理行政许可申请2400件、行政处罚30件。") == []
    assert _issued(tmp_path, "2021 年，区城管局配合市局制定规范性文件2件，协助办理行政许可20件。") == []
