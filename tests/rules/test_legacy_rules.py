"""L1–L4 on legacy reports (data years up to 2018): cells a report does not give are absent, so an
equality over them is not evaluable, never a failure."""
from checker.check import check
from checker.model import Report


def legacy(**cells):
    r = Report(source="legacy.txt", unit="道里区", year=2017)
    r.set_format("legacy")
    for k, v in cells.items():
        r.set("legacy." + k.replace("__", "."), v, row=3)
    return r


def errors(reports, **kw):
    return [f for f in check(reports, **kw).findings if f.severity == "error"]


def test_consistent_legacy_figures_pass_and_absent_ones_are_not_evaluable():
    r = legacy(requests__received=10, requests__in_person=3, requests__online=5, requests__letter=2,
               requests__fax=0, requests__closed=10, requests__closed_on_time=9, requests__closed_extended=1)
    result = check([r])
    assert [f for f in result.findings if f.severity == "error"] == []
    assert result.stats["L1"]["passed"] == 1 and result.stats["L3"]["passed"] == 1
    assert result.stats["L2"]["not_evaluable"] == 1        # the answers are not given


def test_l1_and_l3_fail_with_the_figures_in_the_message():
    r = legacy(requests__received=10, requests__in_person=3, requests__online=5, requests__letter=1,
               requests__fax=0, requests__closed=12, requests__closed_on_time=10, requests__closed_extended=1)
    errs = errors([r])
    assert sorted(f.rule for f in errs) == ["L1", "L3"]
    l1 = next(f for f in errs if f.rule == "L1")
    assert "10" in l1.message and "收到申请数" in l1.message
    assert any(c.cell == "legacy.requests.letter" for c in l1.cells)


def test_l4_a_channel_above_the_total():
    r = legacy(active__total=120, active__website=150, active__gazette=20)
    [f] = errors([r], select=["L"])
    assert f.rule == "L4" and f.actual == 150 and f.expected == 120 and "政府网站" in f.message
