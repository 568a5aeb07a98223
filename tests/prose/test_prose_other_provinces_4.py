"""Real sentence patterns from session 8's pages (tests/fixtures/corpus/other-provinces-4) that raised false
P1 warnings, checked through the real CLI with made-up numbers:
- 沙依巴克区政府办 2023 "共受理依申请公开33件,其中本年新收33件,上年结转0件,结转至下年办理0件": the first part
  equals the total, so it was dropped as a restatement and 0 + 0 was compared with 33 — but the whole list
  adds up with it;
- 平潭 2011–2013 "在…网站主动公开的2026条政府信息中，机构职能…信息161条，占7.9%；…安全生产、应急管理类信息
  199条，占9.8%": every part prints its share of the total and the shares add up to 57.9 %: the report says
  its list of 主要类别 is partial; and "公开政府信息3636条，其中涉及财政预算决算…信息9条；保障性住房信息7条…":
  a list of the topics some items concern, not a share-out."""
from __future__ import annotations

from test_prose_other_provinces_2 import _p1


def test_a_first_part_as_large_as_the_total_counts_when_the_list_adds_up_with_it(tmp_path):
    assert _p1(tmp_path, "2020年共受理依申请公开27件,其中本年新收27件,上年结转0件,结转至下年办理0件。") == []


def test_a_list_exceeding_its_total_is_still_checked(tmp_path):
    # guard: the same list with a carried-over count that breaks the total still gets P1 (a warning, as
    # before: a part as large as its total leaves open whether the list is a share-out)
    (f,) = _p1(tmp_path, "2020年共受理依申请公开27件,其中本年新收27件,上年结转3件。")
    assert (f["actual"], f["expected"]) == (27, 30)


def test_parts_whose_printed_shares_fall_well_short_of_100_percent_are_some_of_the_total(tmp_path):
    sentence = ("在某某区政府网站主动公开的400条政府信息中，机构职能类信息60条，占15%；规划计划类信息40条，占10%；"
                "行政许可类信息100条，占25%。")
    assert _p1(tmp_path, sentence) == []


def test_parts_whose_printed_shares_make_100_percent_are_still_checked(tmp_path):
    # guard: shares adding up to the whole say the list is complete: falling short of the total is P1's
    sentence = "在某某区政府网站主动公开的400条政府信息中，机构职能类信息240条，占60%；规划计划类信息150条，占40%。"
    (f,) = _p1(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (400, 390)


def test_a_list_of_what_some_items_concern_is_no_share_out(tmp_path):
    sentence = "全年通过门户网站公开政府信息2500条，其中涉及财政预决算信息12条；保障性住房信息8条；食品安全信息3条。"
    assert _p1(tmp_path, sentence) == []


def test_a_concerning_list_larger_than_its_total_is_still_checked(tmp_path):
    # guard: topics adding up to more than the total still break it
    (f,) = _p1(tmp_path, "全年公开政府信息15条，其中涉及财政预决算信息12条；保障性住房信息8条。")
    assert f["severity"] == "error" and (f["actual"], f["expected"]) == (15, 20)


def _legacy(tmp_path, prose: str) -> list[dict]:
    from test_prose_other_provinces_2 import findings_of
    text = ("某某县人民政府2012年政府信息公开工作年度报告 本报告所列数据的统计期限自2012年1月1日起至2012年12月31日。"
            + prose + " 附件1：统计表 指标名称 计量单位 2012年度 历年累计 主动公开信息数 条 120 560 "
            "其中：1、网站公开 条 118 550 2、政府公报公开 条 2 10 受理依申请公开信息总数 条 0 0")
    return findings_of(tmp_path, text, "R10")


def test_a_legacy_prose_total_that_contradicts_its_flattened_table_is_found(tmp_path):
    # 平潭综合实验区 2012: prose 主动公开 1913, the table 739
    (f,) = _legacy(tmp_path, "一、概述 2012年，全县主动公开政府信息150条。")
    assert (f["actual"], f["expected"]) in ((120, 150), (150, 120))


def test_a_part_of_the_body_is_not_compared_with_the_legacy_total(tmp_path):
    # "县直各单位主动公开政府信息303条…各乡镇主动公开政府信息122条": the units' shares, not the total
    assert _legacy(tmp_path, "一、概述 2012年，全县主动公开政府信息120条，县直各单位主动公开政府信息80条，"
                             "各乡镇主动公开政府信息40条，县政府公开办主动公开信息数为20条。") == []
