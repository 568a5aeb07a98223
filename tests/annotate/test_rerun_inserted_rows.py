"""Re-running after the reviewer inserted rows: the previous run's originals are found again by
their canonical cells (the reader locates cells by labels), not by stale coordinates."""
from __future__ import annotations

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from bench.generate import district, write_units
from bench.inject import TABLE_KINDS, inject
from checker.annotate import annotate_file
from checker.annotate.plan import FILLS, NOTE_HEAD
from checker.check import check_paths
from checker.templates import template
from checker.workbook import save_atomic, write_collection

OUR_FILLS = {v.lstrip("#").upper() for v in FILLS.values()}
REQUESTS_TITLE = "三、收到和处理政府信息公开申请情况"


def _fill(cell) -> str | None:
    f = cell.fill
    return f.fgColor.rgb[-6:].upper() if f is not None and f.fill_type == "solid" and isinstance(f.fgColor.rgb, str) else None


def _where(report, cell):
    part, row, col = (int(x) for x in report.loc[template(report.format).index[cell]])
    return report.parts[part], row, col


def test_insert_rows_fix_a_value_and_rerun(tmp_path):
    d = district(4, (2020, 2021), seed=11)
    inject(d, 6, seed=11, only=TABLE_KINDS)
    coll = write_collection(d.reports, d.parents())
    book = save_atomic(coll.workbook, tmp_path / "collection.xlsx")
    write_units(d, tmp_path / "units.csv")
    first = check_paths([book])
    # a suspect in the requests table with a suggested value: the reviewer will fix it
    target = next(f for f in first.findings if f.suspect and f.suggestion is not None
                  and f.suspect.cell.startswith("requests."))
    report = next(r for r in first.reports if (r.unit, r.year) == (target.unit, target.year))
    sheet, row, col = _where(report, target.suspect.cell)
    # the reviewer's own look on that cell before any run: a yellow fill and a note
    wb = load_workbook(book)
    wb[sheet].cell(row, col).fill = PatternFill("solid", fgColor="FFFFFF00")
    wb[sheet].cell(row, col).comment = Comment("原批注：已电话核对", "审核人")
    wb.save(book)
    first = check_paths([book])
    run1 = annotate_file(first, tmp_path / "run1.xlsx")
    wb = load_workbook(run1)
    assert _fill(wb[sheet].cell(row, col)) in OUR_FILLS

    # two rows inserted above the requests table, then the suspect value fixed
    ws = wb[sheet]
    at = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == REQUESTS_TITLE)
    ws.insert_rows(at, 2)
    for rng in list(ws.merged_cells.ranges):      # openpyxl leaves merges in place: Excel moves them
        if rng.min_row >= at:
            rng.shift(0, 2)
    ws.cell(row + 2, col).value = target.suggestion
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)

    second = check_paths([edited])
    assert not [f for f in second.findings if f.suspect == target.suspect and f.rule == target.rule]
    run2 = annotate_file(second, tmp_path / "run2.xlsx")
    wb = load_workbook(run2)
    fixed = wb[sheet].cell(row + 2, col)
    assert _fill(fixed) == "FFFF00"                                   # its own fill back
    assert fixed.comment is not None and fixed.comment.text == "原批注：已电话核对"
    # where it stood before the insertion now stands another cell: untouched by the restore
    assert wb[sheet].cell(row, col).comment is None or NOTE_HEAD in wb[sheet].cell(row, col).comment.text

    # every red/amber cell anywhere is one this run flagged, and no note is doubled
    flagged = set()
    from checker.annotate import locate
    loc = locate.from_reports(second.reports, source=str(edited))
    for f in second.findings:
        for ref in ([f.suspect] if f.suspect else []) + list(f.cells) + list(f.candidates):
            p = loc(ref.report, ref.cell)
            if p:
                flagged.add(p)
    for ws in wb.worksheets:
        if ws.title.startswith("_xxgk") or ws.title == "校验结果":
            continue
        for cells in ws.iter_rows():
            for c in cells:
                if _fill(c) in OUR_FILLS:
                    assert (ws.title, c.row, c.column) in flagged, (ws.title, c.coordinate)
                if c.comment is not None:
                    assert c.comment.text.count(NOTE_HEAD) <= 1 and c.comment.text.count("【原批注】") <= 1

    # a third run on the second's output gives the same cells, notes and fills
    third = annotate_file(check_paths([run2]), tmp_path / "run3.xlsx")
    a, b = load_workbook(run2)[sheet], load_workbook(third)[sheet]

    def look(c):        # the messages name the file checked (by its name), which differs between the runs
        note = c.comment.text.replace(edited.name, "F").replace(run2.name, "F") if c.comment else None
        return _fill(c), note
    for ra, rb in zip(a.iter_rows(), b.iter_rows()):
        for ca, cb in zip(ra, rb):
            assert look(ca) == look(cb), ca.coordinate
