"""R10, P1, P2 end to end: the seeds (and copies edited to hold one error) read by the text
reader and checked by the rules engine."""
from __future__ import annotations

from checker.check import check
from checker.readers.text import read_text

from seed_edits import read

PROSE_RULES = ["R10", "P1", "P2"]


def findings(reports, select=PROSE_RULES):
    return check(reports, select=select).findings


def test_seeds_raise_nothing(seeds):
    reports = [read(seeds[s]) for s in sorted(seeds)]
    assert findings(reports) == []


def test_p1_total_exceeded_is_an_error(seeds):
    (f,) = findings([read(seeds["002"], ("不属于本行政机关公开10件", "不属于本行政机关公开11件"))], ["P1"])
    assert (f.rule, f.severity, f.actual, f.expected) == ("P1", "error", 16, 17)
    assert "11 + 2 + 2 + 2" in f.message and "第4行" in f.message
    assert f.unit == "哈尔滨市城市管理局" and f.year == 2020


def test_p1_parts_short_of_total_is_a_warning(seeds):
    (f,) = findings([read(seeds["002"], ("不属于本行政机关公开10件", "不属于本行政机关公开9件"))], ["P1"])
    assert (f.severity, f.actual, f.expected) == ("warning", 16, 15)


def test_p1_legacy_seed_edit(seeds):
    (f,) = findings([read(seeds["004"], ("其中网络申请 14 件", "其中网络申请 15 件"))], ["P1"])
    assert (f.severity, f.actual, f.expected) == ("error", 16, 17)


def test_p2_share_off_by_one_point(seeds):
    (f,) = findings([read(seeds["004"], ("占比 96.5%", "占比 95.5%"))], ["P2"])
    assert (f.rule, f.severity, f.actual, f.expected) == ("P2", "error", 95.5, 96.5)
    assert "386/400" in f.message


def test_p2_rounding_tolerance(seeds):
    # 368 / 400 = 92%: "92%" holds, "92.0%" holds, "91.9%" and "93%" do not
    assert findings([read(seeds["004"], ("占比 92%", "占比 92.0%"))], ["P2"]) == []
    assert len(findings([read(seeds["004"], ("占比 92%", "占比 91.9%"))], ["P2"])) == 1
    assert len(findings([read(seeds["004"], ("占比 92%", "占比 93%"))], ["P2"])) == 1


def test_r10_prose_against_table(seeds):
    # the prose says 4 new requests, the table's row (3 + 0 + … = 3) says 3
    (f,) = findings([read(seeds["003"], ("新的申请 3 条", "新的申请 4 条"))], ["R10"])
    assert (f.rule, f.severity, f.expected, f.actual) == ("R10", "error", 3, 4)
    assert [c.cell for c in f.cells] == ["requests.received.total"]
    assert f.suspect is None and "正文的数字有误" in f.message


def test_r10_names_the_table_total_when_its_row_backs_the_prose(seeds):
    # the table's 予以公开 total says 2 while its applicants add up to 1, as the prose says
    report = read(seeds["003"])
    report.set("requests.granted.total", 2, row=51, col=9)
    (f,) = findings([report], ["R10"])
    assert f.suspect.cell == "requests.granted.total" and f.suggestion == 1
    assert (f.expected, f.actual) == (2, 1)


def test_r10_skips_blank_and_absent_cells(seeds):
    report = read(seeds["003"], ("新的申请 3 条", "新的申请 4 条"))
    report.set("requests.received.total", None, row=44, col=9)     # blank: F1's business, not R10's
    for cell in ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org"):
        report.set(f"requests.received.{cell}", None, row=44, col=2)   # … and nothing of the row printed
    assert findings([report], ["R10"]) == []


def test_r10_blank_total_is_the_sum_of_its_printed_applicants(seeds):
    # behaviour change (issue 13): a 总计 left blank while the row's applicants are printed (上海市
    # 政府办公厅 2019 prints the result rows so) is compared through their sum; before, not at all
    report = read(seeds["003"], ("新的申请 3 条", "新的申请 4 条"))
    report.set("requests.received.total", None, row=44, col=9)
    (f,) = findings([report], ["R10"])
    assert (f.expected, f.actual, f.suspect) == (3, 4, None)
    assert "为空，按该行各申请人栏之和比较" in f.message


def test_r10_prose_breaks_the_tie_r3_cannot(seeds):
    # seed 003's blank rows leave R2 unevaluable, so R3 alone cannot tell which cell of the row is
    # wrong (R3 alone: no suspect); the prose ("予以公开 1 条") is the total's candidate value, so it
    # names the total: one finding for the one root cause, the prose folded in as its evidence
    report = read(seeds["003"])
    report.set("requests.granted.total", 2, row=51, col=9)
    assert [f.suspect for f in findings([report], ["R3"])] == [None]
    (f,) = findings([report], ["R3", "R10"])
    assert f.rule == "R3" and f.suspect.cell == "requests.granted.total" and f.suggestion == 1
    assert "正文写作 1" in f.message


def test_p1_restated_total_is_no_error():
    report = read_text("某某局2020年政府信息公开工作年度报告\n"
                       "2020年受理政府信息公开申请 10 件，其中办结 10 件，按时办结 10 件。\n", "t.txt", "t.txt")
    got = findings([report], ["P1"])
    assert [f.severity for f in got] == ["warning"]


def test_r10_a_received_row_that_breaks_r1_backs_nothing(seeds):
    # real shape (an archive report): the 新收 row says 5 and adds up (5 + 0 + … = 5), every result
    # and 结转 row says what the prose says (3 requests). Its row adding up does not make the table
    # the likelier side: R1 (新收 + 上年结转 = 办理结果 + 结转下年度) wants the prose's 3 there.
    report = read(seeds["003"])
    report.set("requests.received.natural_person", 5, row=44, col=2)
    report.set("requests.received.total", 5, row=44, col=9)
    (f,) = findings([report], ["R10"])
    assert (f.expected, f.actual) == (5, 3)
    assert f.suspect.cell == "requests.received.total" and f.suggestion == 3
    assert "正文的数字有误" not in f.message and "勾稽关系要求该格为正文的数字" in f.message


def test_r10_a_received_row_that_breaks_r1_another_way_blames_neither(seeds):
    # R1 fails, and its value (3) is neither the table's (5) nor the prose's (4): no side is named
    report = read(seeds["003"], ("新的申请 3 条", "新的申请 4 条"))
    report.set("requests.received.natural_person", 5, row=44, col=2)
    report.set("requests.received.total", 5, row=44, col=9)
    (f,) = findings([report], ["R10"])
    assert f.suspect is None and "无法确定是正文还是表格有误" in f.message


def _district_findings(d, unit, tmp_path):
    """A generated district written as text reports and checked through the CLI: the errors found in
    `unit`'s report, and the cells they blame with their suggestions."""
    import json
    import subprocess
    import sys

    from bench.generate import write_texts, write_units
    write_texts(d, tmp_path / "reports")
    run = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(tmp_path / "reports"), "--units",
                          str(write_units(d, tmp_path / "units.csv")), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 1, run.stderr[-500:]
    found = [f for f in json.loads(run.stdout)["findings"] if f["severity"] == "error" and f["unit"] == unit]
    blamed = {(s["cell"], s["suggestion"]) for f in found
              for s in f.get("suspects") or ([dict(f["suspect"], suggestion=f["suggestion"])] if f["suspect"] else [])}
    prose = [f for f in json.loads(run.stdout)["findings"] if f["rule"] == "R10" and f["unit"] == unit]
    return found, blamed, prose


def test_r10_r1_broken_by_another_total_off_its_row_backs_neither_side(tmp_path):
    """bench.accuracy (real draw, --errors 20, seed 18): （七）总计·总计 printed 32 for its row's 23 (digits
    swapped) while the prose misstates 新收 23 as 32 (the same swap). R1 then "wants" 32 in 新收, but only
    because of the other total's slip: the table blames （七）总计 and R10 must not blame 新收, whose row adds up."""
    from bench.generate import district
    d = district(8, (2020,), seed=4)
    unit = "道里区工业和信息化局"
    r = d.report(unit, 2020)
    assert r.get("requests.received.total") == r.get("requests.handled_total.total") == 38
    assert not r.get("requests.carried_over.total") and not r.get("requests.carried_forward.total")
    r.set("requests.handled_total.total", 83)
    d.prose[(unit, 2020)] = (83, d.prose[(unit, 2020)][1])
    found, blamed, (prose,) = _district_findings(d, unit, tmp_path)
    assert ("requests.handled_total.total", 38) in blamed
    assert not any(cell == "requests.received.total" for cell, _ in blamed), found
    assert "正文的数字有误" in prose["message"] and "勾稽关系要求该格为正文的数字" not in prose["message"]


def test_r10_r1_broken_by_a_zero_result_total_row_backs_neither_side(tmp_path):
    """bench.accuracy (real draw, --errors 60, seed 17): a unit's （七）总计 row printed 0 across (it adds
    up along itself, 0 = 0 + … + 0) while its results say 15, and its prose misstates 新收 16 as 1 —
    exactly what R1 gives 新收 from that 0 and 结转下年度 1. R2 shows the 0 is the slip: R1 backs
    neither side, and 新收, whose row adds up, is not blamed for the prose's figure."""
    from bench.generate import district
    from checker.templates import template
    d = district(8, (2020,), seed=4)
    unit = "道里区财政局"
    r = d.report(unit, 2020)
    assert [r.get(f"requests.{row}.total") for row in ("received", "carried_over", "handled_total", "carried_forward")] \
        == [16, 0, 15, 1]
    for cell in template(r.format).index:
        if cell.startswith("requests.handled_total."):
            r.set(cell, 0)
    d.prose[(unit, 2020)] = (1, d.prose[(unit, 2020)][1])
    found, blamed, (prose,) = _district_findings(d, unit, tmp_path)
    assert ("requests.handled_total.total", 15) in blamed, found
    assert not any(cell == "requests.received.total" for cell, _ in blamed), found
    assert prose["suspect"] is None and "勾稽关系要求该格为正文的数字" not in prose["message"], prose
