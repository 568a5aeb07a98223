"""The entry point the `运行校验` button calls, end to end through xlwings' remote engine (the
engine behind xlwings Server and Lite, on Linux): the seeds' collection workbook goes in as the
client's payload, the real readers and rules run, and the annotations come out as actions."""
import re
from pathlib import Path

import pytest
import xlwings as xw
from openpyxl import load_workbook

from checker.annotate import annotate_file
from checker.annotate import state as st
from checker.annotate.remote import workbook_json
from checker.check import check_paths
from checker.excel import run_check, xxgk_check
from checker.workbook.importer import import_reports


@pytest.fixture
def seeds_workbook(seeds, tmp_path) -> Path:
    folder = next(iter(seeds.values())).parent
    return import_reports([folder], tmp_path / "seeds.xlsx").path


def _actions(book, func):
    return [a for a in book.json()["actions"] if a["func"] == func]


def _where(finding):
    """`南岗区城管局2021!D45` from a finding's location text."""
    m = re.search(r"(\S+)!([A-Z]+)(\d+)", finding.where or finding.message)
    return m.group(1), f"${m.group(2)}${m.group(3)}"


def test_button_entry_checks_and_annotates_the_open_workbook(seeds_workbook):
    book = xw.Book(json=workbook_json(seeds_workbook))
    counts = run_check(book)
    expected = check_paths([seeds_workbook])           # the same workbook checked from the command line
    assert counts["findings"] == len(expected.findings) > 0
    assert counts["reports"] == len(expected.reports) == 5
    assert counts["open"] == counts["findings"] and counts["accepted"] == 0

    sheets = [s["name"] for s in workbook_json(seeds_workbook)["sheets"]]
    noted = {(sheets[a["sheet_position"]], a["args"][0]) for a in _actions(book, "addNote")}
    f1 = next(f for f in expected.findings if f.rule == "F1")
    assert _where(f1) in noted                          # the first blank cell of that row got a note
    added = [a["args"][1] for a in _actions(book, "addSheet")]
    assert added == [st.RESULTS_SHEET, "概览", st.STATE_SHEET]          # 概览 is new (issue 14)
    table = next(a["values"] for a in _actions(book, "setValues") if a["values"][0][0] == "序号")
    assert len(table) == 1 + len(expected.findings)
    assert {row[5] for row in table[1:]} == {f.rule for f in expected.findings}


def test_rerun_after_a_fix_removes_that_flag_and_keeps_the_others(seeds_workbook, tmp_path):
    first = annotate_file(check_paths([seeds_workbook]), tmp_path / "flagged.xlsx")
    book = xw.Book(json=workbook_json(first))
    counts = run_check(book)
    assert not _actions(book, "addNote")                # nothing doubled: existing notes rewritten
    assert len(_actions(book, "setNoteText")) > 0

    # the reviewer fills a blank row of 南岗区城管局 with zeros, then clicks the button again
    payload = workbook_json(first)
    before = check_paths([seeds_workbook])
    f1 = next(f for f in before.findings if f.rule == "F1" and f.unit == "南岗区城管局")
    sheet, address = _where(f1)
    values = next(s for s in payload["sheets"] if s["name"] == sheet)["values"]
    row = int(address.split("$")[2])
    for col in range(3, 10):                            # D..J: the seven applicant columns
        values[row - 1][col] = 0
    book = xw.Book(json=payload)
    again = run_check(book)
    assert again["findings"] == counts["findings"] - 1
    position = [s["name"] for s in payload["sheets"]].index(sheet)
    deleted = {a["args"][0] for a in _actions(book, "deleteNote") if a["sheet_position"] == position}
    assert address in deleted
    cleared = [a for a in _actions(book, "setRangeColor") if a["sheet_position"] == position
               and a["start_row"] == row - 1 and a["start_column"] == 3]
    assert cleared and cleared[0]["args"] == [None]      # its original (no) fill is back


def test_the_xlwings_script_runs_the_same_check(seeds_workbook):
    book = xw.Book(json=workbook_json(seeds_workbook))
    xxgk_check(book)
    assert [a["args"][1] for a in _actions(book, "addSheet")] == [st.RESULTS_SHEET, "概览", st.STATE_SHEET]
    assert load_workbook(seeds_workbook).sheetnames[0] == "单位清单"   # the file itself is untouched
