"""M1, M2, M3 end to end: the seeds (and copies edited to hold one error) read by the text reader
and checked by the rules engine."""
from __future__ import annotations

from checker.check import check
from checker.readers.text import read_text

from seed_edits import read

META_RULES = ["M1", "M2", "M3"]


def findings(reports, select=META_RULES):
    return check(reports, select=select).findings


def test_seeds_give_exactly_the_known_findings(seeds):
    reports = [read(seeds[s]) for s in sorted(seeds)]
    got = sorted((f.rule, f.severity, f.unit, f.year) for f in findings(reports))
    assert got == [("M1", "error", "哈尔滨文化园区管理处", 2020), ("M2", "error", "道里区", 2018)]


def test_m1_seed_000_period_is_the_suspect(seeds):
    (f,) = findings([read(seeds["000"])], ["M1"])
    assert f.suspect.cell == "meta.period" and f.suggestion == "2020-01-01/2020-12-31"
    assert f.actual == "2019-01-01/2019-12-31"
    assert "第114行" in f.message and "统计期限与另外两项不符" in f.message
    assert {c.cell for c in f.cells} == {"meta.year", "meta.period", "meta.published"}


def test_m1_period_edited_to_last_year(seeds):
    edit = ("统计期限自 2021 年 1 月 1 日起至 2021 年 12 月 31 日", "统计期限自 2020 年 1 月 1 日起至 2020 年 12 月 31 日")
    (f,) = findings([read(seeds["003"], edit)], ["M1"])
    # 003 has no signature: title and period disagree with nobody to break the tie
    assert f.suspect is None and {c.cell for c in f.candidates} == {"meta.year", "meta.period"}
    assert f.severity == "error"


def test_m1_title_is_the_odd_one(seeds):
    (f,) = findings([read(seeds["001"], ("文化街道办事处 2020 年度", "文化街道办事处 2019 年度"))], ["M1"])
    assert f.suspect.cell == "meta.year" and f.suggestion == 2020


def test_m1_signature_in_the_data_year_is_wrong(seeds):
    (f,) = findings([read(seeds["001"], ("2021年1月21日", "2020年1月21日"))], ["M1"])
    assert f.suspect.cell == "meta.published" and f.severity == "error"


def test_m1_signature_late_in_next_year_is_a_warning(seeds):
    assert findings([read(seeds["001"], ("2021年1月21日", "2021年6月30日"))], ["M1"]) == []
    (f,) = findings([read(seeds["001"], ("2021年1月21日", "2021年9月1日"))], ["M1"])
    assert f.severity == "warning" and f.suspect.cell == "meta.published"


def test_m2_beilun_in_daoli(seeds):
    (f,) = findings([read(seeds["004"])], ["M2"])
    assert f.actual == "北仑区" and "浙江省宁波市" in f.message and "黑龙江省哈尔滨市" in f.message
    assert "第149行" in f.message


def test_m2_same_province_is_a_warning(seeds):
    (f,) = findings([read(seeds["004"], ("北仑区", "萨尔图区"))], ["M2"])
    assert f.severity == "warning" and "大庆市" in f.message


def test_m2_a_copied_district_in_a_2021_report(seeds):
    edit = ("严格审核是否涉及国家秘密", "严格按照《西湖区政府信息公开审核办法》审核是否涉及国家秘密")
    (f,) = findings([read(seeds["003"], edit)], ["M2"])
    assert f.actual == "西湖区" and f.severity == "error"   # 西湖区: 杭州 and 南昌, neither in Heilongjiang


def test_m3_missing_section(seeds):
    r = read(seeds["001"], ("六、其他需要报告的事项：无", "其他需要报告的事项：无"),
             ("五、存在的主要问题及改进措施", "存在的主要问题及改进措施"))
    (f,) = findings([r], ["M3"])
    assert f.rule == "M3" and f.severity == "warning"
    assert "五、存在的主要问题及改进情况" in f.message and "六、其他需要报告的事项" in f.message
    assert (f.expected, f.actual) == (6, 4)


def test_m3_not_for_legacy_or_short_text(seeds):
    assert findings([read(seeds["004"])], ["M3"]) == []          # legacy outline differs
    short = read_text("哈尔滨市某局2020年政府信息公开工作年度报告\n一、总体情况\n无。", "t.txt", "t.txt")
    assert findings([short], ["M3"]) == []


def test_m1_without_prose_analysis_uses_report_fields():
    # a report built by another reader (or the bench) with its metadata set directly
    from checker.model import Report
    r = Report(source="东区.xlsx", unit="某某局", year=2020, period="2019-01-01/2019-12-31", published="2021-01-20")
    r.set_format("2019")
    (f,) = findings([r], ["M1"])
    assert f.suspect.cell == "meta.period" and f.suggestion == "2020-01-01/2020-12-31"


def test_m1_reader_year_counts_against_the_text(seeds):
    # seed 002 has no title; a workbook header said 2019 while period and signature say 2020
    from checker.model import Report
    from checker.prose import analyse
    lines = seeds["002"].read_text(encoding="utf-8").splitlines()
    r = Report(source="x.xlsx", unit="哈尔滨市城市管理局", year=2019)
    analyse(lines, r)
    assert r.facts["meta"]["year_source"] == "reader"
    (f,) = findings([r], ["M1"])
    assert f.suspect.cell == "meta.year" and f.suggestion == 2020
    # a reader's year that the text gives too is one statement, not two
    r = Report(source="x.txt", year=2020)
    analyse(lines, r)
    assert r.facts["meta"]["year_source"] == "period" and findings([r], ["M1"]) == []


def test_m1_seed_001_period_edited_to_2019(seeds):
    edit = ("统计时限为 2020 年 1 月 1 日至 2020 年 12 月 31 日", "统计时限为 2019 年 1 月 1 日至 2019 年 12 月 31 日")
    (f,) = findings([read(seeds["001"], edit)], ["M1"])
    assert (f.severity, f.suspect.cell, f.suggestion) == ("error", "meta.period", "2020-01-01/2020-12-31")


def test_m4_template_generation_fits_the_data_year(seeds):
    """The seeds use their year's tables (2018 legacy, 2020 on the 2019 tables, 2021 on the 2021 ones):
    no M4. The 2020 seed retitled 2022 keeps its 2019 tables: one warning naming both generations."""
    assert findings([read(seeds[s]) for s in sorted(seeds)], ["M4"]) == []
    edited = read(seeds["001"], ("文化街道办事处 2020 年度", "文化街道办事处 2022 年度"),
                  ("2020 年 1 月 1 日", "2022 年 1 月 1 日"), ("2020 年 12 月 31 日", "2022 年 12 月 31 日"))
    (f,) = findings([edited], ["M4"])
    assert f.severity == "warning" and f.year == 2022 and (f.actual, f.expected) == ("2019", "2021")
    assert "国办公开办函〔2019〕60号" in f.message and "应使用 2021 版" in f.message
