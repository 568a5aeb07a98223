"""A finding that names no cell but lists candidates (`suspect: null`, ≥ 2 candidates) marks those
cells orange in the annotated workbook, apart from the other (gold) cells of the broken sum, and the
校验结果 sheet's 可疑单元格 column lists them: read back through openpyxl from the real CLI's output."""
import subprocess
import sys

from openpyxl import load_workbook

from bench.generate import write_workbook
from checker.annotate import locate
from checker.annotate.plan import CANDIDATE_FILL, INVOLVED_FILL, RESULT_HEADER
from checker.check import check_paths
from checker.model import column_letter
from districts import one_digit_or_two_swaps


def _fill(ws, row, col):
    return "#" + ws.cell(row, col).fill.fgColor.rgb[-6:]


def test_candidate_cells_are_marked_apart_from_the_rest_of_the_sum(tmp_path):
    """A district's 行政处罚·处理决定数量 108 short, explained by one unit's right 12 as a dropped digit of
    120, by two swaps (193→139, 71→17) or by two other units' right 28 and 39 (districts.py): no cell is
    named, those cells are the candidates; the district's own cell and the other units' are not."""
    d = one_digit_or_two_swaps()
    book = write_workbook(d, tmp_path / "collection.xlsx")
    out = tmp_path / "flagged.xlsx"
    run = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(book), "--annotate", str(out),
                          "--engine", "openpyxl", "--format", "json"], capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 1, run.stderr[-500:]

    result = check_paths([book])
    [f] = [f for f in result.findings if f.severity == "error"]
    assert f.rule == "R9" and f.suspect is None and len(f.candidates) >= 2, f.message
    where = locate.from_reports(result.reports)
    ids = {(r.unit, r.year): r.identity for r in result.reports}
    place = {ref.unit: where(ids[(ref.unit, ref.year)], ref.cell) for ref in f.cells}
    candidates = {ref.unit for ref in f.candidates}
    assert {d.units[1], d.units[2], d.units[3]} <= candidates and d.parent_unit not in candidates

    wb = load_workbook(out)
    for unit, (sheet, row, col) in place.items():
        ws = wb[sheet]
        note = ws.cell(row, col).comment.text
        if unit in candidates:
            assert _fill(ws, row, col) == CANDIDATE_FILL, unit
            assert "候选单元格" in note and "相关单元格" not in note
        else:
            assert _fill(ws, row, col) == INVOLVED_FILL, unit
            assert "相关单元格" in note
    results = wb["校验结果"]
    header = [c.value for c in results[1]][:len(RESULT_HEADER)]
    assert header == RESULT_HEADER
    row = next(r for r in results.iter_rows(min_row=2, values_only=True) if r[header.index("规则")] == "R9")
    shown = row[header.index("可疑单元格")]
    assert shown.startswith("（未确定，候选）"), shown
    for ref in f.candidates[:6]:
        sheet, r, c = place[ref.unit]
        assert f"{sheet}!{column_letter(c)}{r}" in shown
    assert "橙色" in {c.value for line in results.iter_rows() for c in line}      # the legend names it
