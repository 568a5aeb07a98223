"""The xlwings backend through xlwings' remote engine (the engine behind xlwings Server and
Lite, on Linux): the workbook goes in as the client's JSON payload, the plan comes out as the
actions Excel would run."""
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from checker.annotate import annotate_file, locate
from checker.annotate import state as st
from checker.annotate import xlwings_backend as xb
from checker.annotate.openpyxl_backend import OpenpyxlView
from checker.annotate.plan import build
from checker.annotate.remote import workbook_json


def _book(path):
    import xlwings as xw
    return xw.Book(json=workbook_json(path))


def _actions(book, func):
    return [a for a in book.json()["actions"] if a["func"] == func]


def _run(path, result):
    book = _book(path)
    plan = build(result, locate.from_reports(result.reports), xb.XlwingsView(book))
    xb.apply(plan, book)
    return book, plan


def test_same_plan_as_openpyxl_on_the_same_workbook(collection):
    path, result = collection
    via_openpyxl = build(result, locate.from_reports(result.reports), OpenpyxlView(load_workbook(path)))
    via_xlwings = build(result, locate.from_reports(result.reports), xb.XlwingsView(_book(path)))
    assert via_openpyxl.cells == via_xlwings.cells
    assert [r.values for r in via_openpyxl.results] == [r.values for r in via_xlwings.results]


def test_actions_fill_note_results_sheet_and_hidden_state(collection):
    path, result = collection
    sheet, row, col = locate.from_reports(result.reports)(_report(result, "道里区政府办", 2021), "requests.received.total")
    position = load_workbook(path).sheetnames.index(sheet)     # before 校验结果 is inserted first
    book, plan = _run(path, result)
    colors = {(a["sheet_position"], a["start_row"] + 1, a["start_column"] + 1): a["args"][0]
              for a in _actions(book, "setRangeColor") if a["row_count"] == 1 and a["column_count"] == 1}
    assert colors[(position, row, col)] == "#FF7C80"
    notes = _actions(book, "addNote")
    assert len(notes) == 3
    assert any("R3 总计列等于各类申请人之和" in a["args"][1] and "建议值：5" in a["args"][1] for a in notes)
    assert [a["args"][1] for a in _actions(book, "addSheet")] == [st.RESULTS_SHEET, "概览", st.STATE_SHEET]
    values = next(a["values"] for a in _actions(book, "setValues") if a["values"][0][0] == "序号")
    assert [r[5] for r in values[1:]] == ["R3", "F1", "F4"]
    links = [a["args"][0] for a in _actions(book, "addHyperlink")]
    assert f"#'{sheet}'!J{row}" in links and "#'香坊区民政局2020'!A1" in links
    assert _actions(book, "addTable")[0]["args"][0] == "$A$1:$N$4"        # header filters
    assert _actions(book, "freezePaneAtRange")[0]["args"] == ["1:1"]
    assert _actions(book, "setSheetVisibility")[0]["args"] == ["Hidden"]


def test_rerun_on_an_annotated_workbook_rewrites_instead_of_adding(collection, tmp_path):
    path, result = collection
    annotated = annotate_file(result, tmp_path / "a.xlsx")      # flagged once (openpyxl)
    sheet, row, col = locate.from_reports(result.reports)(_report(result, "道里区政府办", 2021), "requests.received.total")
    result.reports[0].set("requests.received.total", 5, part=0, row=row, col=col)
    result.findings = result.findings[1:]                               # the reviewer fixed R3
    book, plan = _run(annotated, result)
    assert not _actions(book, "addNote")                                # no doubled notes
    deleted = {a["args"][0] for a in _actions(book, "deleteNote")}
    assert f"$J${row}" in deleted and f"$D${row}" in deleted             # both R3 notes removed
    restored = [a for a in _actions(book, "setRangeColor")
                if a["start_row"] + 1 == row and a["start_column"] + 1 == col]
    assert restored and restored[0]["args"] == [None]                    # the original: no fill
    assert len(_actions(book, "setNoteText")) == 1                       # F1 still flagged, re-written
    assert [a["func"] for a in book.json()["actions"]].count("sheetDelete") == 3     # 校验结果, 概览, state


def test_status_bar_is_ignored_where_there_is_none(collection):
    path, _ = collection
    book = _book(path)
    xb.status(book, "正在校验…")          # the remote engine has no status bar: no error, no action
    assert book.json()["actions"] == []


def _report(result, unit, year):
    """The identity of the report of `unit` for `year` (locators take a report, not a unit-year)."""
    return next(r.identity for r in result.reports if r.unit == unit and r.year == year)


def test_column_widths_as_the_openpyxl_backend_draws_them(collection, tmp_path):
    """校验结果 and 概览 get the layout's column widths through the remote engine too (in points,
    what Office.js takes), each column before it is hidden (a width would show it again)."""
    path, result = collection
    book, plan = _run(path, result)
    actions = book.json()["actions"]
    added = [a["args"] for a in _actions(book, "addSheet")]
    on_disk = load_workbook(annotate_file(result, tmp_path / "a.xlsx"))      # the openpyxl backend
    for sheet in plan.sheets():
        position = next(p for p, name in added if name == sheet.name)
        drawn = {a["start_column"] + 1: a["args"][0] for a in actions
                 if a["func"] == "setColumnWidth" and a["sheet_position"] == position}
        assert sheet.widths and drawn == {col: xb.points(w) for col, w in sheet.widths.items()}, sheet.name
        ws = on_disk[sheet.name]
        for col, width in sheet.widths.items():
            assert ws.column_dimensions[get_column_letter(col)].width == width
        for col in sheet.hidden_columns:
            order = [a["func"] for a in actions if a["func"] in ("setColumnWidth", "setColumnHidden")
                     and a["sheet_position"] == position and a["start_column"] + 1 == col]
            assert order == ["setColumnWidth", "setColumnHidden"]
    assert xb.points(8.43) == 48.01 and xb.points(70) == 371.25          # Excel: 64 px, 495 px
