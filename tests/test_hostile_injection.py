"""Formula injection: text from a report (a unit name, a title, a file name, a message) must reach
the collection workbook, the annotated workbook and the CSV as text, never as a live formula."""
from __future__ import annotations

import openpyxl

from hostile import assert_clean, csv_formulas, digest, report_text, written_formulas, xxgk

EVIL = ["=cmd|'/Ccalc'!A0", "=1+2局", "+1+2", "-2+3", "@SUM(1+1)*cmd|'/Ccalc'!A0"]


def _hostile_folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i, unit in enumerate(EVIL):
        (src / f"r{i}.txt").write_text(report_text(unit), encoding="utf-8")
    return src


def test_import_and_annotate_write_report_text_as_text(tmp_path):
    src = _hostile_folder(tmp_path)
    before = digest([src])
    coll = tmp_path / "汇总.xlsx"
    run = xxgk("import", src, "-o", coll)
    assert_clean(run)
    assert run.code == 0, run.text
    assert written_formulas(coll) == []
    wb = openpyxl.load_workbook(coll)
    index = [c.value for c in wb["单位清单"]["A"][1:]]
    for unit in EVIL:      # the names are kept as written, as text
        assert any(isinstance(v, str) and v.startswith(unit[:6]) for v in index), (unit, index)

    # an office edits its sheet of the collection: the unit cell now starts with "=" (as text), and
    # the sheet is renamed "=1+2": a link to it in 校验结果 must not become the formula =1+2!B5
    first = wb[wb.sheetnames[1]]
    unit_cell = next(r[1] for r in first.iter_rows(max_col=2) if r[0].value == "单位")
    unit_cell.value = '=HYPERLINK("http://evil.example/","点我")'
    unit_cell.data_type = "s"
    first.title = "=1+2"
    wb.save(coll)
    out = tmp_path / "标注.xlsx"
    run = xxgk("check", coll, "--annotate", out, "--format", "csv")
    assert_clean(run)
    assert run.code in (0, 1), run.text
    assert written_formulas(out) == []
    assert csv_formulas(run.out) == []
    ann = openpyxl.load_workbook(out)
    shown = {c.value for row in ann["校验结果"].iter_rows() for c in row}
    assert '=HYPERLINK("http://evil.example/","点我")' in shown     # shown to the reviewer, as text
    assert any(isinstance(v, str) and v.startswith("=1+2!") for v in shown)

    # documents straight to an annotated collection, and CSV of the documents
    out2 = tmp_path / "文档标注.xlsx"
    run = xxgk("check", src, "--annotate", out2, "--format", "csv")
    assert_clean(run)
    assert written_formulas(out2) == []
    assert csv_formulas(run.out) == []
    assert digest([src]) == before


def test_json_and_table_output_keep_the_text(tmp_path):
    src = _hostile_folder(tmp_path)
    run = xxgk("extract", src, "--format", "json")
    assert_clean(run)
    units = {r["unit"] for r in __import__("json").loads(run.out)["reports"]}
    assert {"=1+2局", "+1+2"} <= units        # JSON carries the data as it is (no spreadsheet reads it)
