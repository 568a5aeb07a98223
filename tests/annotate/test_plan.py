"""The annotation plan, built from a real collection workbook and catalogue-made findings."""
import dataclasses

from openpyxl import load_workbook

from checker.annotate import locate
from checker.annotate.openpyxl_backend import OpenpyxlView
from checker.annotate.plan import (ACCEPTED_FILL, INVOLVED_FILL, SUSPECT_FILL, build, finding_key,
                                   signature)
from checker.model import column_letter


def _plan(path, result):
    return build(result, locate.from_reports(result.reports, source=str(path)), OpenpyxlView(load_workbook(path)))


def _op(plan, sheet, row, col):
    """The plan's operation on one cell (None: the cell is left alone)."""
    return next((c for c in plan.cells if (c.sheet, c.row, c.col) == (sheet, row, col)), None)


def _where(result, unit, cell):
    r = next(r for r in result.reports if r.unit == unit)
    return locate.from_reports(result.reports)(r.identity, cell)


def test_suspect_red_involved_amber_each_with_a_chinese_note(collection):
    path, result = collection
    plan = _plan(path, result)
    total = _op(plan, *_where(result, "道里区政府办", "requests.received.total"))
    person = _op(plan, *_where(result, "道里区政府办", "requests.received.natural_person"))
    assert (total.level, total.fill) == ("suspect", SUSPECT_FILL)
    assert (person.level, person.fill) == ("involved", INVOLVED_FILL)
    assert "R3 总计列等于各类申请人之和" in total.note
    assert "预期：5；实际：7" in total.note and "建议值：5" in total.note
    assert "相关单元格" in person.note
    blank = _op(plan, *_where(result, "香坊区民政局", "appeals.count.review.upheld"))
    assert blank.level == "suspect" and "F1" in blank.note
    assert len(plan.cells) == 3          # the F4 finding names no cell: listed, not painted


def test_results_rows_link_to_the_suspect_cell_or_the_report_sheet(collection):
    path, result = collection
    plan = _plan(path, result)
    assert [r.values[5] for r in plan.results] == ["R3", "F1", "F4"]
    sheet, row, col = _where(result, "道里区政府办", "requests.received.total")
    r3 = plan.results[0]
    assert r3.link == (sheet, row, col)
    assert r3.values[8] == f"{sheet}!{column_letter(col)}{row}"
    assert r3.values[2] == "错误" and r3.values[11] == 5 and r3.status == "待处理"
    f4 = plan.results[2]
    assert f4.link == ("香坊区民政局2020", 1, 1) and f4.values[8] == ""
    assert plan.open == 3 and plan.accepted == 0
    assert plan.counts[0] == ["单位", "年度", "错误", "警告", "提示", "已核实"]
    assert ["道里区政府办", 2021, 1, 0, 0, 0] in plan.counts and ["香坊区民政局", 2020, 2, 0, 0, 0] in plan.counts


def test_key_ignores_the_message_and_signature_follows_the_values(collection):
    path, result = collection
    f = result.findings[0]
    key = finding_key(f)
    assert finding_key(dataclasses.replace(f, message="另一种说法")) == key   # findings are immutable
    reports = {r.identity: r for r in result.reports}
    before = signature(f, reports)
    result.reports[0].set("requests.received.total", 5)
    assert signature(f, reports) != before


def test_state_records_every_flagged_cell_and_finding(collection):
    path, result = collection
    plan = _plan(path, result)
    kinds = [row[0] for row in plan.state[1:]]
    assert kinds.count("cell") == 3 and kinds.count("finding") == 3


def test_accepted_finding_turns_green_until_a_value_changes(collection):
    from checker.annotate import state as st
    path, result = collection
    r3 = result.findings[0]
    reports = {r.identity: r for r in result.reports}
    signed = signature(r3, reports)       # the values when the reviewer accepted it

    class Reviewed(OpenpyxlView):
        def values(self, sheet):
            if sheet == st.STATE_SHEET:
                return st.dump({}, {finding_key(r3): signed})
            if sheet == st.RESULTS_SHEET:
                return [[st.REVIEW_HEADER, st.KEY_HEADER], ["已核实，原表如此", finding_key(r3)]]
            return super().values(sheet)

    view = Reviewed(load_workbook(path))
    plan = build(result, locate.from_reports(result.reports), view)
    total = _op(plan, *_where(result, "道里区政府办", "requests.received.total"))
    assert total.fill == ACCEPTED_FILL and "【已核实】" in total.note
    assert plan.results[0].status == "已核实" and plan.results[0].values[12] == "已核实，原表如此"
    assert (plan.open, plan.accepted) == (2, 1)

    result.reports[0].set("requests.received.natural_person", 6)    # the value changed since
    plan = build(result, locate.from_reports(result.reports), view)
    assert plan.results[0].status == "需重新核实" and plan.accepted == 0
    assert _op(plan, *_where(result, "道里区政府办", "requests.received.total")).fill == SUSPECT_FILL
