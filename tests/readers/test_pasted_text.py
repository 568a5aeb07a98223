"""A text report pasted into Word or Excel and saved, read as the text report is.

Word: a table typed with tab stops, one paragraph a row: its cells are the tab-separated parts
(before, each paragraph was one cell and not one value was read: F4 '只印出了行名').
Excel: each line in a row, its tab-separated parts in the row's cells; a paragraph of prose is one
long cell in column A with the row's other cells blank: prose, not a table row (before, a sentence
saying `按要求予以公开 1 条` was taken for the 予以公开 row: a false F1 on the prose's row, and
the real row refused as a duplicate with an F4)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_15d564b43078fcdc.txt"


def _extract(path: Path) -> dict:
    exe = Path(sys.executable).with_name("xxgk")
    run = subprocess.run([str(exe), "extract", str(path), "--format", "json"], capture_output=True, text=True,
                         timeout=240)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)["reports"][0]


def test_tab_separated_paragraphs_read_as_the_text_report(tmp_path):
    d = docx.Document()
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        d.add_paragraph(line)          # python-docx writes each \t as a tab (w:tab)
    d.save(str(tmp_path / "r.docx"))
    word, text = _extract(tmp_path / "r.docx"), _extract(SEED)
    read = {k: v for k, v in text["cells"].items() if v is not None}
    assert len(read) > 150
    assert word["cells"] == text["cells"]
    assert word["locations"]["active.licensing.decisions"] == "正文第32行第2列"


def test_a_text_report_pasted_into_a_sheet(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, line in enumerate(SEED.read_text(encoding="utf-8").split("\n"), 1):
        for c, text in enumerate(line.split("\t"), 1):
            if text:
                ws.cell(r, c, int(text) if text.isdigit() else text)
    ws.cell(1, 12, "")          # the sheet is 12 columns wide: prose rows have blank cells after A
    wb.save(tmp_path / "r.xlsx")
    sheet, text = _extract(tmp_path / "r.xlsx"), _extract(SEED)
    assert sheet["cells"] == text["cells"]
    assert sheet["locations"]["requests.granted.total"] == "Sheet!I51"
    assert not [f for f in sheet["findings"] if f["rule"] == "F4"], sheet["findings"]
    # prose rows 11–15 (`按要求予以公开 1 条` …) are no table row
    assert not [f for f in sheet["findings"] if any(f"!{col}1{n}" in f["message"] for n in range(1, 6)
                                                    for col in "ABCDEFGHIJKL")], sheet["findings"]
