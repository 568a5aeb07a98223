"""The live-Excel path (xlwings' remote engine, behind xlwings Server and Lite) with hostile cell
text: formula-looking unit names and cells, a cell of 1e308, a control character. Every value and
link text handed to Excel stays text; the check runs to the end."""
from __future__ import annotations

import json

import xlwings as xw

from checker.annotate.remote import workbook_json
from checker.excel import run_check
from checker.safetext import FORMULA_START
from hostile import report_text, xxgk

EVIL_UNIT = '=HYPERLINK("http://evil.example/","点我")'


def _payload(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(report_text("=1+2局"), encoding="utf-8")
    (src / "b.txt").write_text(report_text("甲单位"), encoding="utf-8")
    assert xxgk("import", src, "-o", tmp_path / "c.xlsx").code == 0
    payload = workbook_json(tmp_path / "c.xlsx")
    sheet = next(s for s in payload["sheets"] if s["name"].startswith("甲单位"))
    rows = {str(r[0]): r for r in sheet["values"] if r and r[0]}
    rows["单位"][1] = EVIL_UNIT
    first = next(k for k in rows if k.startswith("一、本年新收") or k.startswith("一、收到"))
    rows[first][3], rows[first][4], rows[first][5] = 1e308, "24\x1b83", "@SUM(A1)"
    return payload


def _handed_to_excel(book) -> list[str]:
    """Every string an action gives Excel to put in a cell (values, note and link texts)."""
    out = []
    for a in book.json()["actions"]:
        for row in a.get("values") or []:
            out.extend(v for v in (row if isinstance(row, list) else [row]) if isinstance(v, str))
        if a["func"] in ("addHyperlink", "addNote", "setNoteText"):
            out.extend(v for v in a["args"][1:] if isinstance(v, str))
    return out


def test_remote_engine_keeps_hostile_text_as_text(tmp_path):
    book = xw.Book(json=_payload(tmp_path))
    counts = run_check(book)
    assert counts["reports"] == 2 and counts["findings"] > 0
    handed = _handed_to_excel(book)
    assert [v for v in handed if v.startswith(FORMULA_START)] == []
    assert any(v.startswith("'" + EVIL_UNIT) for v in handed)      # shown, as text
    notes = " ".join(a["args"][1] for a in book.json()["actions"] if a["func"] == "addNote")
    assert "数值过大" in notes and "1e+308" in notes               # the cell named, not a crash
    assert json.dumps(book.json())                                  # the answer is plain JSON
