"""The workbook reader: hand-made sheets in the official layout (rows inserted, cells merged, tables
moved), the project's own collection workbook, `.xls`, several sheets, and the live-Excel entry."""
from __future__ import annotations

import shutil

import openpyxl
import pytest

from checker.readers import read_path
from checker.readers.workbook import read, read_sheets

from docfill import convert
from official import all_rows, values_for


def _num(text: str):
    if text == "":
        return None
    f = float(text)
    return int(f) if f.is_integer() else f


def official_sheet(ws, fmt: str, vals: dict, top: int = 3, left: int = 2, as_text: frozenset = frozenset()) -> None:
    """The official tables from (top, left), with an inserted note row after each table title,
    merged label cells, numbers as numbers except the cell ids in `as_text`."""
    rows = all_rows(fmt, vals)
    ids = iter(vals)   # all_rows prints the cells in template order
    r = top
    group_start = None
    for cells in rows:
        label_like = [c for c in cells if c and not c.replace(".", "").replace("-", "").isdigit()]
        for j, text in enumerate(cells):
            if text == "":
                continue
            is_value = text not in label_like
            cell = ws.cell(r, left + j)
            if is_value:
                cid = next(ids)
                cell.value = text if cid in as_text else _num(text)
            else:
                cell.value = text
        if cells[0].startswith(("一、", "二、上年", "四、结转")):
            ws.merge_cells(start_row=r, start_column=left, end_row=r, end_column=left + 1)
        if len(cells) > 1 and cells[1].startswith("（三）不予公开"):
            group_start = r
        if group_start and len(cells) > 2 and cells[2].startswith("8."):
            ws.merge_cells(start_row=group_start, start_column=left + 1, end_row=r, end_column=left + 1)
            group_start = None
        r += 1
        if len(cells) == 1 and cells[0][:2] in ("二、", "三、", "四、"):
            ws.cell(r, left, "（单位：件）")   # an inserted note row
            r += 1
            r += 1                             # and an empty row


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_hand_made_workbook_reads_back_with_exact_locations(tmp_path, fmt):
    vals = values_for(fmt)
    some_text = frozenset(list(vals)[3:6])
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active["A1"] = "填报说明：请按官方模板填写。"
    ws = wb.create_sheet("年报表格")
    ws["B1"] = f"某区某局{2021 if fmt == '2021' else 2020}年政府信息公开工作年度报告"
    official_sheet(ws, fmt, vals, as_text=some_text)
    p = tmp_path / "office.xlsx"
    wb.save(p)
    before = p.read_bytes()
    (r,) = read(p)
    assert p.read_bytes() == before            # never modified
    assert r.format == fmt and r.cells == vals and r.findings == []
    assert r.year == (2021 if fmt == "2021" else 2020)
    assert r.location_style == "sheet" and r.parts == ["说明", "年报表格"]
    back = openpyxl.load_workbook(p)
    for cid, v in vals.items():
        part, row, col = _loc(r, cid)
        assert r.parts[part] == "年报表格"
        got = back["年报表格"].cell(row, col).value
        assert _num(str(got)) == v, (cid, row, col, got)


def _loc(r, cid):
    from checker.templates import template
    return tuple(int(x) for x in r.loc[template(r.format).index[cid]])


def test_blank_edge_cells_are_placed_by_the_header(tmp_path):
    vals = values_for("2021")
    vals["requests.received.total"] = None             # the last cell of a row
    vals["requests.carried_over.natural_person"] = None  # the first cell of a row
    wb = openpyxl.Workbook()
    official_sheet(wb.active, "2021", {k: v for k, v in vals.items()})
    p = tmp_path / "blanks.xlsx"
    wb.save(p)
    (r,) = read(p)
    assert r.cells == vals
    f1 = {f.cells[0].cell: f for f in r.findings if f.rule == "F1"}
    assert set(f1) == {"requests.received.total", "requests.carried_over.natural_person"}
    assert not [f for f in r.findings if f.rule == "F3"]
    row, col = _loc(r, "requests.received.total")[1:]
    assert f1["requests.received.total"].where.endswith(f"Sheet!{openpyxl.utils.get_column_letter(col)}{row}")


def test_unreadable_cells_name_sheet_and_cell(tmp_path):
    vals = values_for("2021")
    wb = openpyxl.Workbook()
    official_sheet(wb.active, "2021", vals)
    ws = wb.active
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value in ("行政许可", "行政处罚", "行政强制"):
                cells[c.value] = ws.cell(c.row, c.column + 1)
    cells["行政许可"].value = "/"
    cells["行政处罚"].value = "无"
    cells["行政强制"].value = "１２"
    p = tmp_path / "text-cells.xlsx"
    wb.save(p)
    (r,) = read(p)
    f2 = {f.cells[0].cell: f for f in r.findings if f.rule == "F2"}
    lic = f2["active.licensing.decisions"]
    assert lic.severity == "error" and f"Sheet!{cells['行政许可'].coordinate}" in lic.where and "text-cells.xlsx" in lic.where
    assert "“无”" in f2["active.penalty.decisions"].message
    assert r.get("active.enforcement.decisions") == 12 and f2["active.enforcement.decisions"].severity == "info"
    assert r.get("active.licensing.decisions") is None and r.cells["active.licensing.decisions"] is None


def test_collection_workbook_round_trip(tmp_path, seeds):
    from checker.readers.text import read as read_text
    from checker.workbook.writer import write_collection
    reports = [read_text(seeds[k])[0] for k in ("000", "001", "003")]
    for i, rep in enumerate(reports):
        rep.unit, rep.year = f"测试单位{i}", 2020 + i
    coll = write_collection(reports, parents={"测试单位1": "测试区"})
    p = tmp_path / "collection.xlsx"
    coll.workbook.save(p)
    back = read(p)
    assert [b.unit for b in back] == ["测试单位0", "测试单位1", "测试单位2"]
    assert [b.year for b in back] == [2020, 2021, 2022]
    assert back[1].parent == "测试区"
    assert [b.format for b in back] == [r.format for r in reports]
    for a, b in zip(reports, back):
        assert b.cells == a.cells
        assert b.facts["origin"] == a.source
        for cid in a.cells:                       # every value at the cell the writer placed it
            sheet, row, col = coll.placements[reports.index(a)][cid]
            part, brow, bcol = _loc(b, cid)
            assert (b.parts[part], brow, bcol) == (sheet, row, col)


def test_tables_on_separate_sheets_make_one_report(tmp_path):
    vals = values_for("2021")
    rows = all_rows("2021", vals)
    cut1 = next(i for i, r in enumerate(rows) if r[0].startswith("三、收到和处理"))
    cut2 = next(i for i, r in enumerate(rows) if r[0].startswith("四、政府信息公开行政复议"))
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, part in (("表二", rows[:cut1]), ("表三", rows[cut1:cut2]), ("表四", rows[cut2:])):
        ws = wb.create_sheet(name)
        for r in part:
            ws.append([_num(c) if c.replace(".", "").isdigit() else c for c in r])
    p = tmp_path / "南岗区城管局2021.xlsx"
    wb.save(p)
    (r,) = read(p)
    assert r.cells == vals and r.findings == []
    assert r.year == 2021 and r.unit == "南岗区城管局"
    assert r.parts[_loc(r, "appeals.count.review.upheld")[0]] == "表四"


def test_read_sheets_live_excel_values_with_origin():
    """xlwings' used_range.value: floats, None for blanks, starting at the used range's corner."""
    vals = values_for("2021")
    rows = [[(float(c) if c.replace(".", "").isdigit() else c) or None for c in r] for r in all_rows("2021", vals)]
    (r,) = read_sheets({"年报": rows}, "live.xlsx", origins={"年报": (5, 3)})
    assert r.cells == vals and r.findings == []
    part, row, col = _loc(r, "active.regulations.issued")
    assert (row, col) == (5 + 3, 3 + 1)        # fourth row of the data, second column, from C5


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_xls_and_ods_converted_by_libreoffice(tmp_path, suffix):
    vals = values_for("2019")
    wb = openpyxl.Workbook()
    official_sheet(wb.active, "2019", vals)
    src = tmp_path / "old.xlsx"
    wb.save(src)
    (r,) = read(convert(src, tmp_path, suffix))
    assert r.format == "2019" and r.cells == vals and r.findings == []


def test_truncated_and_tableless_workbooks_fail_clearly(tmp_path):
    wb = openpyxl.Workbook()
    official_sheet(wb.active, "2021", values_for("2021"))
    good = tmp_path / "good.xlsx"
    wb.save(good)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    res = read_path(cut)
    assert not res.reports and res.failures[0].rule == "F5"
    assert "cut.xlsx" in res.failures[0].message and "损坏" in res.failures[0].message
    wb = openpyxl.Workbook()
    wb.active.title = "人员名单"
    wb.active["A1"], wb.active["B1"] = "姓名", "电话"
    empty = tmp_path / "notable.xlsx"
    wb.save(empty)
    res = read_path(empty)
    (f,) = res.failures
    assert "notable.xlsx" in f.message and "“人员名单”" in f.message and "标准表格" in f.message


def test_header_block_is_not_read_as_table_rows():
    """A unit named 信访局 and a year 2021 in the header block never land in a table row."""
    from checker.workbook.writer import write_collection
    from checker.model import Report
    r = Report(source="x.txt", unit="哈尔滨市信访局", year=2021)
    r.set_format("2021")
    vals = values_for("2021")
    for cid, v in vals.items():
        r.set(cid, v)
    coll = write_collection([r])
    sheets = {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in coll.workbook}
    (back,) = read_sheets(sheets, "collection.xlsx")
    assert back.unit == "哈尔滨市信访局" and back.year == 2021
    assert back.cells == vals and back.findings == []


def test_a_sheet_per_year_makes_a_report_per_sheet(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    v20, v21 = values_for("2019", seed=5), values_for("2021", seed=11)
    official_sheet(wb.create_sheet("2020年"), "2019", v20)
    official_sheet(wb.create_sheet("2021年"), "2021", v21)
    wb.create_sheet("备注")["A1"] = "本表由办公室填报。"
    p = tmp_path / "道里区某局年报数据.xlsx"
    wb.save(p)
    r20, r21 = read(p)
    assert (r20.year, r20.format, r21.year, r21.format) == (2020, "2019", 2021, "2021")
    assert r20.cells == v20 and r21.cells == v21
    assert r20.findings == [] and r21.findings == []
    assert r21.parts[_loc(r21, "appeals.count.review.total")[0]] == "2021年"
