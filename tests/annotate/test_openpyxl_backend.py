"""annotate_file through openpyxl: written to a file and read back."""
import hashlib
import warnings
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from checker.annotate import AnnotateError, AnnotateWarning, OutputExists, annotate_file, locate
from checker.annotate import state as st
from checker.model import column_letter
from checker.collection.facts import FACTS_SHEET


def _cell(wb, result, unit, cell):
    r = next(r for r in result.reports if r.unit == unit)
    sheet, row, col = locate.from_reports(result.reports)(r.identity, cell)
    return wb[sheet].cell(row, col)


def _rgb(cell):
    return cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type == "solid" else None


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_flags_notes_results_sheet_and_state_read_back(collection, tmp_path):
    path, result = collection
    before = _digest(path)
    out = annotate_file(result, tmp_path / "out.xlsx", engine="openpyxl")
    assert _digest(path) == before                      # the input is never modified
    wb = load_workbook(out)
    total = _cell(wb, result, "道里区政府办", "requests.received.total")
    assert _rgb(total) == "FF7C80"
    assert "R3" in total.comment.text and "建议值：5" in total.comment.text
    assert total.comment.author == "xxgk-checker"
    assert _rgb(_cell(wb, result, "道里区政府办", "requests.received.natural_person")) == "FFD966"

    ws = wb[st.RESULTS_SHEET]
    assert wb.sheetnames[0] == st.RESULTS_SHEET
    header = [c.value for c in ws[1]][:14]
    assert header[:3] == ["序号", "状态", "严重程度"] and "复核意见" in header
    rows = [[c.value for c in r][:14] for r in ws.iter_rows(min_row=2, max_row=4)]
    assert [r[5] for r in rows] == ["R3", "F1", "F4"]
    link = ws.cell(2, 9).hyperlink
    assert link.target is None          # internal: a location, not a file to open
    assert link.location == f"'{total.parent.title}'!{column_letter(total.column)}{total.row}"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:N")
    assert ws.column_dimensions["N"].hidden
    side = [c.value for c in ws["P"] if c.value]
    assert "图例" in side and "各报告问题数" in side
    assert wb[st.STATE_SHEET].sheet_state == "hidden"


def test_refuses_to_overwrite_and_to_write_over_the_input(collection, tmp_path):
    path, result = collection
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"keep me")
    with pytest.raises(OutputExists):
        annotate_file(result, out)
    assert out.read_bytes() == b"keep me"
    with pytest.raises(AnnotateError, match="不能与输入文件相同"):
        annotate_file(result, path, force=True)
    annotate_file(result, out, force=True)
    assert [c.value for c in load_workbook(out)[st.RESULTS_SHEET]["F"] if c.value] == ["规则", "R3", "F1", "F4"]
    assert not list(tmp_path.glob(".xxgk-*"))           # no temp file left behind


def test_rerun_gives_the_same_annotations_not_doubled_ones(collection, tmp_path):
    path, result = collection
    first = annotate_file(result, tmp_path / "1.xlsx")
    second = annotate_file(replace(result, inputs=[first]), tmp_path / "2.xlsx")
    a, b = load_workbook(first), load_workbook(second)
    for name in a.sheetnames:
        if name == st.STATE_SHEET:
            continue
        for ra, rb in zip(a[name].iter_rows(), b[name].iter_rows()):
            for ca, cb in zip(ra, rb):
                assert ca.value == cb.value, (name, ca.coordinate)
                assert _rgb(ca) == _rgb(cb), (name, ca.coordinate)
                assert (ca.comment and ca.comment.text) == (cb.comment and cb.comment.text), (name, ca.coordinate)
    total = _cell(b, result, "道里区政府办", "requests.received.total")
    assert total.comment.text.count("R3 总计列") == 1


def test_fixing_a_value_removes_its_flag_and_restores_fill_and_note(collection, tmp_path):
    path, result = collection
    wb = load_workbook(path)
    total = _cell(wb, result, "道里区政府办", "requests.received.total")
    total.fill = PatternFill("solid", fgColor="FFFFFF00")          # the office's own yellow
    total.comment = Comment("原表备注：含转办件", "填报人")
    wb.save(path)

    flagged = annotate_file(result, tmp_path / "1.xlsx")
    cell = _cell(load_workbook(flagged), result, "道里区政府办", "requests.received.total")
    assert _rgb(cell) == "FF7C80" and "【原批注】\n原表备注：含转办件" in cell.comment.text

    # the reviewer fixes the value: the check no longer finds R3
    sheet, row, col = locate.from_reports(result.reports)(_report(result, "道里区政府办", 2021), "requests.received.total")
    result.reports[0].set("requests.received.total", 5, part=0, row=row, col=col)
    result.findings = result.findings[1:]
    fixed = annotate_file(replace(result, inputs=[flagged]), tmp_path / "2.xlsx")
    wb = load_workbook(fixed)
    cell = _cell(wb, result, "道里区政府办", "requests.received.total")
    assert _rgb(cell) == "FFFF00" and cell.comment.text == "原表备注：含转办件"
    person = _cell(wb, result, "道里区政府办", "requests.received.natural_person")
    assert _rgb(person) is None and person.comment is None
    assert [c.value for c in wb[st.RESULTS_SHEET]["F"]][1:3] == ["F1", "F4"]


def test_reviewer_acceptance_survives_a_rerun(collection, tmp_path):
    path, result = collection
    first = annotate_file(result, tmp_path / "1.xlsx")
    wb = load_workbook(first)
    ws = wb[st.RESULTS_SHEET]
    review_col = [c.value for c in ws[1]].index("复核意见") + 1
    ws.cell(2, review_col, "已核实")
    wb.save(first)
    second = load_workbook(annotate_file(replace(result, inputs=[first]), tmp_path / "2.xlsx"))
    ws = second[st.RESULTS_SHEET]
    assert ws.cell(2, 2).value == "已核实" and ws.cell(2, review_col).value == "已核实"
    assert _rgb(_cell(second, result, "道里区政府办", "requests.received.total")) == "C6EFCE"
    assert ws["P1"].value == "待处理 2 条，已核实 1 条"


def test_warns_when_openpyxl_would_drop_a_chart(collection, tmp_path):
    path, result = collection
    wb = load_workbook(path)
    ws = wb[wb.sheetnames[1]]
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=4, min_row=27, max_row=28))
    ws.add_chart(chart, "L2")
    wb.save(path)
    with pytest.warns(AnnotateWarning, match="图表"):
        annotate_file(result, tmp_path / "out.xlsx", engine="openpyxl")


def test_document_inputs_get_a_flagged_collection_workbook(collection, tmp_path):
    _, result = collection
    for r in result.reports:                      # as read from documents: no sheet locations
        r.location_style, r.parts, r.source, r.place = "text", [], f"{r.unit}.txt", None
    by_unit = {r.unit: r for r in result.reports}         # the findings are about the reports as they are now
    findings = [replace(f, report=by_unit[f.unit].identity, cells=[by_unit[f.unit].ref(c.cell) for c in f.cells],
                        suspect=by_unit[f.unit].ref(f.suspect.cell) if f.suspect else None, suspects=())
                for f in result.findings]
    result = replace(result, findings=findings, kind="documents", inputs=[tmp_path / "a.txt", tmp_path / "b.txt"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = annotate_file(result, tmp_path / "out.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == [st.RESULTS_SHEET, "概览", "单位清单", "道里区政府办2021", "香坊区民政局2020", FACTS_SHEET,
                             st.STATE_SHEET]
    assert wb[FACTS_SHEET].sheet_state == "veryHidden"
    flagged = [c for c in wb["道里区政府办2021"]._cells.values() if c.comment is not None]
    assert len(flagged) == 2 and {_rgb(c) for c in flagged} == {"FF7C80", "FFD966"}


def test_excel_engine_needs_excel(collection, tmp_path):
    import sys
    path, result = collection
    if sys.platform in ("win32", "darwin"):
        pytest.skip("Excel may be installed here")
    with pytest.raises(AnnotateError, match="--engine excel"):
        annotate_file(result, tmp_path / "out.xlsx", engine="excel")


def _report(result, unit, year):
    """The identity of the report of `unit` for `year` (locators take a report, not a unit-year)."""
    return next(r.identity for r in result.reports if r.unit == unit and r.year == year)
