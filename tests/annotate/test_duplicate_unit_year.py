"""A collection workbook holding one unit's report for one year twice (a resubmitted sheet, 重报):
each sheet's findings are flagged on that sheet and an accepted finding keeps the state of its own
sheet, because a finding names its report by the report's identity, not by unit and year.
Through the real CLI (subprocess), the workbooks written and read back; and the Excel entry
(xlwings' remote engine) finds the same."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench.generate import district, write_workbook
from checker.annotate import locate
from checker.annotate import state as st
from checker.check import check_paths

XXGK = [str(Path(sys.executable).parent / "xxgk")]     # the installed command, as users run it
RED = "FF7C80"
GRANTED, CARRIED = "requests.granted.total", "requests.carried_over.total"


def _xxgk(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*XXGK, *args], capture_output=True, text=True, timeout=300)


def _places(book: Path) -> tuple[str, str, dict]:
    """The two sheets of the duplicated unit-year and where a cell is on each: {(sheet, cell): (row, col)}."""
    reports = check_paths([book]).reports
    twice = [r for r in reports if (r.unit, r.year) == (reports[0].unit, reports[0].year)]
    assert len(twice) == 2 and twice[0].place != twice[1].place
    where = locate.from_reports(reports)
    places = {}
    for r in twice:
        for cell in (GRANTED, CARRIED, "requests.granted.research"):
            sheet, row, col = where(r.identity, cell)
            assert sheet == r.place
            places[(sheet, cell)] = (row, col)
    return twice[0].place, twice[1].place, places


def _pasted_twice(tmp_path: Path, wrong) -> tuple[Path, str, str, dict]:
    """A generated (clean) collection whose first report sheet is copied as a 重报 sheet, 7 added
    to the cells `wrong(a, b)` names as (sheet, cell) pairs."""
    book = write_workbook(district(1, (2021,), seed=9), tmp_path / "collection.xlsx")
    wb = load_workbook(book)
    first = wb[wb.sheetnames[1]]
    copy = wb.copy_worksheet(first)
    copy.title = first.title + "（重报）"
    wb.save(book)
    a, b, places = _places(book)
    wb = load_workbook(book)
    for sheet, cell in wrong(a, b):
        row, col = places[(sheet, cell)]
        wb[sheet].cell(row, col).value = (wb[sheet].cell(row, col).value or 0) + 7
    wb.save(book)
    return book, a, b, places


@pytest.fixture
def duplicated(tmp_path: Path):
    """The original gets a wrong 予以公开 total, the copy a wrong 上年结转 total."""
    return _pasted_twice(tmp_path, lambda a, b: ((a, GRANTED), (b, CARRIED)))


def _fill(ws, row, col):
    c = ws.cell(row, col)
    return c.fill.fgColor.rgb[-6:] if c.fill.fill_type == "solid" else None


def _rows(ws) -> list[dict]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, [c.value for c in row])) for row in ws.iter_rows(min_row=2)
            if row[0].value is not None]


def test_each_sheet_gets_its_own_flags_and_accepted_state(duplicated, tmp_path):
    book, a, b, places = duplicated
    out = tmp_path / "flagged.xlsx"
    run = _xxgk("check", str(book), "--annotate", str(out), "--format", "json")
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)["findings"]
    suspects = {f["suspect"]["cell"] for f in findings if f["suspect"]}
    assert {GRANTED, CARRIED} <= suspects

    wb = load_workbook(out)
    # each wrong cell is red on its own sheet, and the same cell on the other sheet is not flagged
    assert _fill(wb[a], *places[(a, GRANTED)]) == RED and _fill(wb[b], *places[(b, GRANTED)]) is None
    assert _fill(wb[b], *places[(b, CARRIED)]) == RED and _fill(wb[a], *places[(a, CARRIED)]) is None
    assert wb[a].cell(*places[(a, GRANTED)]).comment is not None
    assert wb[b].cell(*places[(b, GRANTED)]).comment is None
    rows = _rows(wb[st.RESULTS_SHEET])
    granted = next(r for r in rows if str(r["可疑单元格"]).startswith(f"{a}!"))
    carried = next(r for r in rows if str(r["可疑单元格"]).startswith(f"{b}!"))
    assert granted["标识"] != carried["标识"]

    # the reviewer accepts the original sheet's finding, then the resubmitted sheet is edited in a
    # cell that finding involves: the accepted state follows the original sheet's values, which did
    # not change (read from the other sheet, it would be re-opened)
    ws = wb[st.RESULTS_SHEET]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index(st.KEY_HEADER)].value == granted["标识"]:
            row[header.index(st.REVIEW_HEADER)].value = "已核实"
    for cell, delta in (("requests.granted.research", 1), (GRANTED, 1)):   # row sum still right
        row, col = places[(b, cell)]
        wb[b].cell(row, col).value = (wb[b].cell(row, col).value or 0) + delta
    wb.save(out)
    again = tmp_path / "again.xlsx"
    run = _xxgk("check", str(out), "--annotate", str(again))
    assert run.returncode in (0, 1), run.stderr
    wb = load_workbook(again)
    rows = {r["标识"]: r for r in _rows(wb[st.RESULTS_SHEET])}
    assert rows[granted["标识"]]["状态"] == "已核实"
    assert rows[carried["标识"]]["状态"] == "待处理"
    assert _fill(wb[b], *places[(b, CARRIED)]) == RED


def test_the_excel_entry_finds_what_the_command_line_finds(duplicated, tmp_path):
    xw = pytest.importorskip("xlwings")      # remote engine: tests/conftest.py sets the licence key
    from checker.annotate.remote import workbook_json
    from checker.excel import run_check
    book, a, b, places = duplicated
    cli = json.loads(_xxgk("check", str(book), "--format", "json").stdout)["findings"]
    remote = xw.Book(json=workbook_json(book))
    counts = run_check(remote)
    assert counts["findings"] == len(cli) and counts["reports"] == 3
    # the notes go on the sheet of the report each finding is about
    sheets = [s["name"] for s in workbook_json(book)["sheets"]]
    noted = {(sheets[x["sheet_position"]], x["args"][0]) for x in remote.json()["actions"]
             if x["func"] == "addNote"}
    from checker.model import column_letter
    for sheet, cell in ((a, GRANTED), (b, CARRIED)):
        row, col = places[(sheet, cell)]
        assert (sheet, f"${column_letter(col)}${row}") in noted
    for sheet, cell in ((b, GRANTED), (a, CARRIED)):
        row, col = places[(sheet, cell)]
        assert (sheet, f"${column_letter(col)}${row}") not in noted


def test_the_same_error_on_both_sheets_is_flagged_on_both(tmp_path):
    """A unit pasted twice with the same wrong total: the same rule on the same cell id of the same
    unit-year, once for each sheet, and each sheet's cell is flagged (none is dropped as a repeat)."""
    book, a, b, places = _pasted_twice(tmp_path, lambda a, b: ((a, GRANTED), (b, GRANTED)))

    out = tmp_path / "flagged.xlsx"
    run = _xxgk("check", str(book), "--annotate", str(out), "--format", "json")
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)["findings"]
    granted = [f for f in findings if f["suspect"] and f["suspect"]["cell"] == GRANTED]
    assert len(granted) == 2
    assert granted[0]["rule"] == granted[1]["rule"]
    assert {a, b} == {next(s for s in (b, a) if f"{s}!" in f["message"]) for f in granted}

    wb = load_workbook(out)
    for sheet in (a, b):
        cell = wb[sheet].cell(*places[(sheet, GRANTED)])
        assert _fill(wb[sheet], *places[(sheet, GRANTED)]) == RED, sheet
        assert cell.comment is not None, sheet
    flagged = [r["可疑单元格"] for r in _rows(wb[st.RESULTS_SHEET]) if r["规则"] == granted[0]["rule"]]
    assert any(str(x).startswith(f"{a}!") for x in flagged) and any(str(x).startswith(f"{b}!") for x in flagged)
