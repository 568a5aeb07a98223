"""The collection workbook and the blank templates, written and read back with calamine."""
import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from checker.cli import app
from checker.model import Report
from checker.collection.facts import FACTS_SHEET
from checker.templates import template
from checker.workbook import HEADER_FIELDS, OutputExists, report_layout, save_atomic, write_collection, write_template
from checker.workbook.writer import INDEX_COLUMNS, sheet_name
from checker.exitcodes import OUTPUT


def _sheets(path):
    wb = CalamineWorkbook.from_path(str(path))
    return {n: wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names}


def _report(unit, year, fmt, **cells):
    r = Report(f"{unit}.docx", unit=unit, year=year)
    r.set_format(fmt)
    for cell, value in cells.items():
        r.set(cell.replace("__", "."), value)
    return r


@pytest.mark.parametrize("fmt", ["2019", "2021", "legacy"])
def test_layout_places_every_cell_once(fmt):
    lay = report_layout(fmt)
    places = [(s.row, s.col) for s in lay.slots]
    assert sorted(s.cell for s in lay.slots) == sorted(template(fmt).cell_ids)
    assert len(set(places)) == len(places)
    labelled = {(lab.row, lab.col) for lab in lay.labels}
    assert not labelled & set(places)


def test_collection_round_trip(tmp_path):
    a = _report("道里区政府办", 2021, "2021", requests__received__natural_person=3,
                requests__received__total=3, active__fees__amount_wan=1.25, appeals__count__review__upheld=None)
    a.cell_meta["requests.carried_over.total"] = {"text": "—"}
    a.set("requests.carried_over.total", None)
    a.parent = "哈尔滨市道里区"
    b = _report("香坊区民政局", 2020, "2019", active__procurement__amount=12.5)
    coll = write_collection([a, b])
    path = save_atomic(coll.workbook, tmp_path / "c.xlsx")
    sheets = _sheets(path)
    assert list(sheets) == ["单位清单", "道里区政府办2021", "香坊区民政局2020", FACTS_SHEET]
    index = sheets["单位清单"]
    assert index[0] == list(INDEX_COLUMNS)
    assert index[1][:4] == ["道里区政府办", "哈尔滨市道里区", 2021, "2021"]
    grid = sheets["道里区政府办2021"]
    head = {row[0]: row[1] for row in grid[:12] if row and row[0] in HEADER_FIELDS}
    assert head == {"单位": "道里区政府办", "上级单位": "哈尔滨市道里区", "年度": 2021, "格式": "2021",
                    "来源": "道里区政府办.docx", "标题": "", "统计期限": "", "落款日期": ""}

    def at(report_index, cell):
        sheet, row, col = coll.placements[report_index][cell]
        rows = sheets[sheet]         # calamine leaves out trailing empty rows and cells
        return rows[row - 1][col - 1] if row <= len(rows) and col <= len(rows[row - 1]) else ""
    assert at(0, "requests.received.natural_person") == 3
    assert at(0, "active.fees.amount_wan") == 1.25
    assert at(0, "appeals.count.review.upheld") == ""          # blank stays blank, never 0
    assert at(0, "requests.carried_over.total") == "—"         # unreadable text kept as printed
    assert at(0, "requests.received.commercial") == ""         # absent: nothing written
    assert at(1, "active.procurement.amount") == 12.5
    assert "收到和处理政府信息公开申请情况" in "".join(str(c) for row in grid for c in row)


def test_sheet_names_are_unique_and_short():
    taken = set()
    long = "黑龙江省哈尔滨市道里区人民政府办公室行政审批服务科"
    names = [sheet_name(long, 2021, taken), sheet_name(long, 2021, taken), sheet_name("a/b:c", None, taken)]
    assert len(set(names)) == 3 and all(len(n) <= 31 for n in names)
    assert names[2] == "abc" and sheet_name("单位清单", None, taken) != "单位清单"


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_template_has_the_labels_and_no_values(tmp_path, fmt):
    path = save_atomic(write_template(fmt), tmp_path / "t.xlsx")
    (grid,) = _sheets(path).values()
    text = "".join(str(c) for row in grid for c in row)
    for table in template(fmt).tables:
        for row in table.rows:
            if table.id != "appeals":
                assert row.label in text
    lay = report_layout(fmt)
    assert all(grid[s.row - 1][s.col - 1] == "" for s in lay.slots
               if s.row <= len(grid) and s.col <= len(grid[s.row - 1]))


def test_save_atomic_keeps_an_existing_file(tmp_path):
    out = tmp_path / "x.xlsx"
    out.write_text("old")
    with pytest.raises(OutputExists, match="--force"):
        save_atomic(write_template("2021"), out)
    assert out.read_text() == "old"
    save_atomic(write_template("2021"), out, force=True)
    assert out.read_bytes()[:2] == b"PK"


def test_cli_import_seeds_and_template(tmp_path, seeds):
    runner = CliRunner()
    out = tmp_path / "seeds.xlsx"
    res = runner.invoke(app, ["import", str(seeds["000"].parent), "-o", str(out)])
    assert res.exit_code in (0, 2), res.output
    sheets = _sheets(out)
    assert "单位清单" in sheets and FACTS_SHEET in sheets and len(sheets) == 2 + len(seeds)
    assert len(sheets["单位清单"]) == 1 + len(seeds)
    res = runner.invoke(app, ["import", str(seeds["000"]), "-o", str(out)])
    assert res.exit_code == OUTPUT and "--force" in res.output      # 4 (was 1)
    res = runner.invoke(app, ["template", "--format", "2019", "-o", str(tmp_path / "t.xlsx")])
    assert res.exit_code == 0 and (tmp_path / "t.xlsx").exists()


def test_a_filled_in_template_is_read_and_checked(tmp_path):
    from openpyxl import load_workbook

    from checker.check import check_paths
    path = save_atomic(write_template("2021"), tmp_path / "t.xlsx")
    wb = load_workbook(path)
    ws = wb.active
    lay = report_layout("2021")
    ws.cell(lay.meta_rows["单位"], 2, "道外区教育局")
    ws.cell(lay.meta_rows["年度"], 2, 2022)
    for slot in lay.slots:
        ws.cell(slot.row, slot.col, 2 if slot.cell == "requests.received.total" else 1)
    wb.save(path)
    result = check_paths([path])
    (report,) = result.reports
    assert (report.unit, report.year, report.format) == ("道外区教育局", 2022, "2021")
    assert report.get("requests.received.natural_person") == 1 and report.get("requests.received.total") == 2
    r3 = [f for f in result.findings if f.rule == "R3"]
    assert r3 and report.locate(r3[0].suspect.cell).startswith("年报表格!")


def test_import_takes_parents_from_the_units_file(seeds, tmp_path):
    from checker.workbook.importer import import_reports
    units = tmp_path / "units.csv"
    units.write_text("单位,上级单位\n南岗区城市管理局,南岗区人民政府\n道里区,哈尔滨市\n", encoding="utf-8")
    result = import_reports([seeds["003"], seeds["004"]], tmp_path / "c.xlsx", units_file=units)
    index = _sheets(result.path)["单位清单"]
    parents = {row[0]: row[1] for row in index[1:]}
    assert parents == {"南岗区城管局": "南岗区人民政府", "道里区": "哈尔滨市"}
    from checker.check import check_paths
    assert {r.unit: r.parent for r in check_paths([result.path]).reports} == parents


def test_blank_template_says_which_header_cells_a_unit_fills(tmp_path):
    """Selecting a header cell of the blank template shows what to write there (Excel's 输入信息);
    the cells a unit must fill are pale yellow; the labels stay as the reader expects them."""
    from openpyxl import load_workbook
    from checker.workbook.writer import HEADER_PROMPTS, PROMPT_FILL
    ws = load_workbook(save_atomic(write_template("2021"), tmp_path / "t.xlsx")).active
    prompts = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            prompts[ws.cell(rng.min_row, 1).value] = (dv.promptTitle, dv.prompt, dv.showInputMessage)
    assert set(prompts) == set(HEADER_FIELDS)
    assert prompts["单位"][0] == "必填" and "本单位全称" in prompts["单位"][1] and prompts["单位"][2]
    required = {name for name, (title, _) in HEADER_PROMPTS.items() if title == "必填"}
    filled = {ws.cell(r, 1).value for r in range(2, 10) if ws.cell(r, 2).fill.fill_type == "solid"
              and ws.cell(r, 2).fill.fgColor.rgb[-6:] == PROMPT_FILL}
    assert filled == required >= {"单位", "年度"}
