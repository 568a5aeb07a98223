"""The 概览 sheet (issue 14): problems per report and per rule, most first, with native bar charts,
written by openpyxl (read back from the file) and by the xlwings backend (the remote engine's
actions), both from the one layout in the plan."""
from dataclasses import replace

from openpyxl import load_workbook

from checker.annotate import annotate_file, locate
from checker.annotate import xlwings_backend as xb
from checker.annotate.layout import OVERVIEW_SHEET
from checker.annotate.plan import LEGEND, build
from checker.annotate.remote import workbook_json
from checker.catalogue import catalogue


def _ref(ref):
    """`'概览'!$A$5:$A$6` -> ("概览", "A5:A6")."""
    sheet, _, cells = ref.rpartition("!")
    return sheet.strip("'"), cells.replace("$", "")


def test_overview_sheet_tables_and_charts_read_back(collection, tmp_path):
    path, result = collection
    out = annotate_file(result, tmp_path / "out.xlsx", engine="openpyxl")
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["校验结果", OVERVIEW_SHEET]
    ws = wb[OVERVIEW_SHEET]
    assert ws["A1"].value.startswith("概览：2 份报告，待处理问题 3 条（错误 3，警告 0，提示 0）")
    assert [c.value for c in ws[4]][:8] == ["报告", "待处理合计", "错误", "警告", "提示", "已核实", "单位", "年度"]
    assert [c.value for c in ws[5]][:8] == ["香坊区民政局 2020", 2, 2, 0, 0, 0, "香坊区民政局", 2020]  # most first
    assert [c.value for c in ws[6]][:8] == ["道里区政府办 2021", 1, 1, 0, 0, 0, "道里区政府办", 2021]
    assert ws["A5"].hyperlink.location == "'香坊区民政局2020'!A1"                  # to the report's sheet
    assert ws.auto_filter.ref == "A4:H6"                                          # sortable, filterable
    rules = {ws.cell(r, 10).value: (ws.cell(r, 11).value, ws.cell(r, 13).value) for r in range(5, 8)}
    assert rules == {rid: (1, catalogue()[rid].title) for rid in ("R3", "F1", "F4")}

    charts = ws._charts
    assert len(charts) == 2
    units, by_rule = charts
    series = units.series[0]
    assert _ref(series.val.numRef.f) == (OVERVIEW_SHEET, "B5:B6")
    assert _ref(series.cat.strRef.f if series.cat.strRef else series.cat.numRef.f) == (OVERVIEW_SHEET, "A5:A6")
    assert _ref(series.tx.strRef.f) == (OVERVIEW_SHEET, "B4")                    # named 待处理合计
    assert units.type == "bar" and "报告" in units.title.tx.rich.p[0].r[0].t
    assert _ref(by_rule.series[0].val.numRef.f) == (OVERVIEW_SHEET, "K5:K7")


def test_overview_is_redrawn_not_doubled_and_its_charts_are_not_a_dropped_part(collection, tmp_path):
    import warnings
    path, result = collection
    first = annotate_file(result, tmp_path / "1.xlsx", engine="openpyxl")
    with warnings.catch_warnings():
        warnings.simplefilter("error")             # our own charts are drawn again: nothing is lost
        second = annotate_file(replace(result, inputs=[first]), tmp_path / "2.xlsx", engine="openpyxl")
    wb = load_workbook(second)
    assert wb.sheetnames.count(OVERVIEW_SHEET) == 1 and len(wb[OVERVIEW_SHEET]._charts) == 2


def test_legend_names_the_colours_it_shows(collection, tmp_path):
    path, result = collection
    ws = load_workbook(annotate_file(result, tmp_path / "o.xlsx", engine="openpyxl"))["校验结果"]
    shown = {ws.cell(r, 16).value: ws.cell(r, 16).fill.fgColor.rgb[-6:] for r in range(3, 3 + len(LEGEND))
             if ws.cell(r, 16).fill.fill_type == "solid"}
    assert shown == {"红色": "FF7C80", "橙色": "F4B183", "金色": "FFD966", "绿色": "C6EFCE"}


def test_xlwings_backend_draws_the_same_overview_with_native_charts(collection):
    import xlwings as xw
    path, result = collection
    book = xw.Book(json=workbook_json(path))
    plan = build(result, locate.from_reports(result.reports), xb.XlwingsView(book))
    xb.apply(plan, book)
    actions = book.json()["actions"]
    added = [a["args"] for a in actions if a["func"] == "addSheet"]
    assert added[:2] == [[0, "校验结果"], [1, OVERVIEW_SHEET]]
    position = 1
    values = [a["values"] for a in actions if a["func"] == "setValues" and a["sheet_position"] == position]
    table = next(v for v in values if v[0][0] == "报告")
    assert table[1][:2] == ["香坊区民政局 2020", 2] and table[2][:2] == ["道里区政府办 2021", 1]
    charts = [a for a in actions if a["func"] == "addChart"]
    assert [(c["args"][1], c["args"][2], c["args"][3]) for c in charts] == [
        ("BarClustered", OVERVIEW_SHEET, "$A$4:$B$6"), ("BarClustered", OVERVIEW_SHEET, "$J$4:$K$7")]
    assert all(c["sheet_position"] == position for c in charts)
    titles = [a["args"][1] for a in actions if a["func"] == "setChartTitle"]
    assert titles == ["待处理问题最多的 2 份报告", "各规则的待处理问题数"]
    tables = [a["args"][3] for a in actions if a["func"] == "addTable"]
    assert tables == ["xxgk_results", "xxgk_overview"]
    # the same layout as openpyxl's: one plan, two thin backends
    overview = plan.sheets()[1]
    assert overview.value(5, 1) == "香坊区民政局 2020" and overview.charts[0].values == (2, 4, 6)


def test_sources_are_shown_below_the_checked_folder_not_as_machine_paths(seeds, tmp_path):
    import shutil
    from checker.check import check_paths
    folder = tmp_path / "收到的年报" / "乡镇"
    folder.mkdir(parents=True)
    for p in list(seeds.values())[:2]:
        shutil.copy(p, folder / p.name)
    root = (tmp_path / "收到的年报").resolve()
    result = check_paths([root])
    wb = load_workbook(annotate_file(result, tmp_path / "a.xlsx"))
    shown = [c.value for c in wb["单位清单"]["E"]][1:]
    assert shown == [f"乡镇/{p.name}" for p in sorted(folder.iterdir())]
    sheet = wb[wb["单位清单"]["F2"].value]
    assert [c.value for c in sheet["A"][:10]].index("来源") >= 0
    assert str(tmp_path) not in "".join(str(c.value) for ws in wb.worksheets if ws.sheet_state == "visible"
                                        for row in ws.iter_rows() for c in row if c.value)


def test_a_row_with_no_single_suspect_is_gold_on_the_sheet_and_undetermined_in_the_list(collection):
    """The sheet and 校验结果 agree: no red cell on the sheet, no one 可疑单元格 in the list; the
    problem comes first in 问题说明, the place last; the note's heading says what failed."""
    from checker.annotate.openpyxl_backend import OpenpyxlView
    from checker.annotate.plan import INVOLVED_FILL, SUSPECT_FILL
    from checker.findings import make
    path, result = collection
    a = result.reports[0]
    cells = ["requests.received.natural_person", "requests.received.legal_person", "requests.received.total"]
    result.findings = [make("F1", unit=a.unit, year=a.year, cells=[a.ref(c) for c in cells], suspect=None,
                            where=f"{a.unit} 表三", label="一、本年新收政府信息公开申请数量")]
    plan = build(result, locate.from_reports(result.reports), OpenpyxlView(load_workbook(path)))
    assert {op.fill for op in plan.cells} == {INVOLVED_FILL} and SUSPECT_FILL not in {op.fill for op in plan.cells}
    row = plan.results[0].values
    assert len(plan.cells) >= 2 and row[8].startswith("（未确定）") and row[8].endswith(f"等 {len(plan.cells)} 格")
    assert not row[7].startswith(a.unit) and row[7].endswith(f"（{a.unit} 表三）")
    note = plan.cells[0].note
    assert "错误：未通过 F1 单元格为空" in note and "预期：（空）" not in note
