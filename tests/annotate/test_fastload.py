"""The fast openpyxl load (merged ranges bound without restyling) writes a workbook back as it read it."""
from openpyxl import load_workbook as plain_load

from checker.annotate.fastload import load_workbook as fast_load
from checker.model import Report
from checker.workbook import save_atomic, write_collection


def _look(c):
    b = c.border
    return (c.value, c.number_format, c.fill.fill_type, c.fill.fgColor.rgb, c.font.b,
            tuple((s.style if s is not None else None) for s in (b.left, b.right, b.top, b.bottom)))


def test_round_trip_keeps_every_cell_and_merge(tmp_path):
    r = Report("a.txt", unit="道里区教育局", year=2021, title="道里区教育局2021年政府信息公开工作年度报告")
    r.set_format("2021")
    r.set("requests.received.total", 3)
    src = save_atomic(write_collection([r]).workbook, tmp_path / "a.xlsx")
    wb = fast_load(src)
    ws = wb["道里区教育局2021"]
    merges = sorted(str(m) for m in ws.merged_cells.ranges)
    assert merges and sorted(str(m) for m in plain_load(src)["道里区教育局2021"].merged_cells.ranges) == merges
    # a merged box keeps the border the file gives each of its cells (our writer gives all of them one)
    box = next(m for m in ws.merged_cells.ranges if m.max_col > m.min_col)
    edge = ws.cell(box.min_row, box.max_col)
    assert type(edge).__name__ == "MergedCell" and edge.border.right.style == "thin"
    out = tmp_path / "b.xlsx"
    wb.save(out)
    a, b = fast_load(src)["道里区教育局2021"], fast_load(out)["道里区教育局2021"]
    assert a.max_row == b.max_row and a.max_column == b.max_column
    for ra, rb in zip(a.iter_rows(), b.iter_rows()):
        for ca, cb in zip(ra, rb):
            assert _look(ca) == _look(cb), ca.coordinate
    assert sorted(str(m) for m in b.merged_cells.ranges) == merges
    # the patch is only in force while loading
    assert type(plain_load(out)["道里区教育局2021"].cell(box.min_row, box.max_col)).__name__ == "MergedCell"
    from openpyxl.worksheet._reader import WorksheetReader
    assert WorksheetReader.bind_merged_cells.__module__ == "openpyxl.worksheet._reader"
