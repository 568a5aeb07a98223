"""`xxgk import`: an input that cannot be read leaves a trace in the collection workbook (the sheet
`未导入`: file and reason), and checking that workbook — from the command line or with the Excel
button — says it again (F5): a district's collection of 197 reports out of 200 never reads as whole.
A notice imported as a sheet is said once (its F5), not asked for its 单位 and 年度."""
from __future__ import annotations

import json
import shutil

import openpyxl
import xlwings as xw

from checker.annotate.remote import workbook_json
from checker.excel import run_check
from tests.hostile import SEEDS, assert_clean, xxgk

NOTICE = "关于做好2021年政府信息公开工作年度报告编制发布工作的通知\n各单位：\n请于2022年1月31日前报送年度报告。\n"


def _inputs(tmp_path, broken: bool = True):
    folder = tmp_path / "报告"
    shutil.copytree(SEEDS, folder)
    if broken:
        (folder / "乡镇").mkdir()
        (folder / "乡镇" / "坏文件.docx").write_bytes(b"not a zip \x00\x01")
        (folder / "旧格式.pdf").write_bytes(b"%PDF-1.4\n broken")
    return folder


def _imported(tmp_path, broken: bool = True):
    out = tmp_path / "汇总.xlsx"
    run = xxgk("import", _inputs(tmp_path, broken), "-o", out)
    assert_clean(run)
    return run, out


def _findings(run) -> list[dict]:
    assert_clean(run)
    return json.loads(run.out)["findings"]


def test_unreadable_inputs_are_listed_on_a_sheet_of_the_collection(tmp_path):
    run, out = _imported(tmp_path)
    assert run.code == 2
    assert "5 份报告；另有 2 个输入无法读取，列在工作表“未导入”中" in run.out
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["单位清单", "未导入"]
    rows = [r for r in wb["未导入"].iter_rows(values_only=True)]
    assert rows[1] == ("文件", "原因")
    listed = {r[0]: r[1] for r in rows[2:]}
    # named as the workbook names its sources: below the folder given, never the machine's path
    assert set(listed) == {"乡镇/坏文件.docx", "旧格式.pdf"}
    assert "无法打开" in listed["乡镇/坏文件.docx"] and str(tmp_path) not in "".join(map(str, listed.values()))
    # the units list is the hierarchy the check reads: it keeps only the reports
    assert [r[0] for r in wb["单位清单"].iter_rows(min_row=2, values_only=True)].count(None) == 0
    assert wb["单位清单"].max_row == 6


def test_all_read_no_sheet(tmp_path):
    run, out = _imported(tmp_path, broken=False)
    assert run.code == 0 and "无法读取" not in run.text
    assert "未导入" not in openpyxl.load_workbook(out).sheetnames


def test_checking_the_collection_says_the_inputs_not_imported(tmp_path):
    _, out = _imported(tmp_path)
    run = xxgk("check", out, "--format", "json")
    findings = _findings(run)
    assert run.code == 2                        # some input was never checked: no all-clear
    carried = [f for f in findings if f["rule"] == "F5"]
    assert len(carried) == 2
    assert all("工作表“未导入”第" in f["message"] and "未做任何核对" in f["message"] for f in carried)
    assert any("汇总时无法读取“乡镇/坏文件.docx”" in f["message"] for f in carried)
    # the sheet itself is no report: nothing read from it, nothing flagged on it
    assert not any(f["rule"] != "F5" and "未导入" in f["message"] for f in findings)
    assert "无法读取" in run.err                # stderr names them when the output is JSON
    summary = xxgk("check", out, "--summary")
    assert summary.code == 2 and "无法读取的输入 2 个" in summary.out


def test_a_row_deleted_by_the_reviewer_is_no_longer_said(tmp_path):
    _, out = _imported(tmp_path)
    before = _findings(xxgk("check", out, "--format", "json"))
    wb = openpyxl.load_workbook(out)
    wb["未导入"].delete_rows(3, 2)
    wb.save(out)
    run = xxgk("check", out, "--format", "json")
    after = _findings(run)
    assert [f for f in after if f["rule"] == "F5"] == []
    assert len(after) == len(before) - 2
    assert run.code == 1                        # the seeds' own errors remain


def test_ignored_f5_still_counts_in_the_exit_code(tmp_path):
    _, out = _imported(tmp_path)
    run = xxgk("check", out, "--format", "json", "--ignore", "F5")
    assert not [f for f in _findings(run) if f["rule"] == "F5"]
    assert run.code == 2                        # as for any input that could not be read


def test_annotated_collection_lists_them_in_its_results(tmp_path):
    _, out = _imported(tmp_path)
    flagged = tmp_path / "标注.xlsx"
    run = xxgk("check", out, "--annotate", flagged)
    assert_clean(run)
    assert run.code == 2
    wb = openpyxl.load_workbook(flagged)
    assert "未导入" in wb.sheetnames           # kept as it was
    texts = [str(v) for row in wb["校验结果"].iter_rows(values_only=True) for v in row if v]
    assert sum("汇总时无法读取" in t for t in texts) == 2


def test_the_excel_button_says_them_too(tmp_path):
    _, out = _imported(tmp_path)
    book = xw.Book(json=workbook_json(out))
    counts = run_check(book)
    cli = _findings(xxgk("check", out, "--format", "json"))
    assert counts["findings"] == len(cli)
    table = next(a["values"] for a in book.json()["actions"]
                 if a["func"] == "setValues" and a["values"][0][0] == "序号")
    assert sum("汇总时无法读取" in str(v) for row in table for v in row) == 2


def test_an_office_sheet_named_like_ours_is_no_list_of_ours(tmp_path):
    """An office's own sheet called 未导入 (not our header) is read as any other sheet, never as a
    list of failures."""
    _, out = _imported(tmp_path, broken=False)
    wb = openpyxl.load_workbook(out)
    ws = wb.create_sheet("未导入")
    ws.append(["备注"])
    ws.append(["张三的文件还没交"])
    wb.save(out)
    findings = _findings(xxgk("check", out, "--format", "json"))
    assert not any("汇总时无法读取" in f["message"] for f in findings)


def test_a_notice_imported_as_a_sheet_is_said_once(tmp_path):
    folder = _inputs(tmp_path, broken=False)
    (folder / "通知.txt").write_text(NOTICE, encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    assert xxgk("import", folder, "-o", out).code == 2
    findings = _findings(xxgk("check", out, "--format", "json"))
    about = [f for f in findings if "工作表“通知”" in f["message"]]
    assert [f["rule"] for f in about] == ["F5"]
    assert "无法识别为年度报告" in about[0]["message"]


def test_a_report_sheet_without_unit_and_year_gets_one_finding(tmp_path):
    _, out = _imported(tmp_path, broken=False)
    wb = openpyxl.load_workbook(out)
    ws = wb["南岗区城管局2021"]
    rows = {ws.cell(r, 1).value: r for r in range(2, 10)}
    ws.cell(rows["单位"], 2).value = None
    ws.cell(rows["年度"], 2).value = None
    wb.save(out)
    findings = _findings(xxgk("check", out, "--format", "json"))
    gaps = [f for f in findings if f["rule"] == "F4" and "南岗区城管局2021" in f["message"] and "表头" in f["message"]]
    assert len(gaps) == 1
    assert "表头的“单位”为空，表头的“年度”为空：无法确定报告的单位和年度" in gaps[0]["message"]
    assert "A 列写“单位”" in gaps[0]["message"] and "A 列写“年度”" in gaps[0]["message"]


def test_a_report_sheet_without_year_only(tmp_path):
    _, out = _imported(tmp_path, broken=False)
    wb = openpyxl.load_workbook(out)
    ws = wb["南岗区城管局2021"]
    row = next(r for r in range(2, 10) if ws.cell(r, 1).value == "年度")
    ws.cell(row, 2).value = None
    wb.save(out)
    findings = _findings(xxgk("check", out, "--format", "json"))
    gaps = [f["message"] for f in findings if f["rule"] == "F4" and "表头" in f["message"]]
    assert len(gaps) == 1 and "表头的“年度”为空：无法确定报告的年度，" in gaps[0] and "“单位”" not in gaps[0]


def test_documents_checked_with_annotate_keep_them_for_the_second_round(tmp_path):
    """`xxgk check 文件夹 --annotate 第1轮.xlsx` writes a collection too: its 未导入 sheet lists the
    inputs not read, so checking that workbook in the second round still says them."""
    folder = _inputs(tmp_path)
    first = tmp_path / "第1轮.xlsx"
    run = xxgk("check", folder, "--annotate", first)
    assert_clean(run)
    assert run.code == 2
    listed = [r[0] for r in openpyxl.load_workbook(first)["未导入"].iter_rows(min_row=3, values_only=True)]
    assert sorted(listed) == ["乡镇/坏文件.docx", "旧格式.pdf"]
    second = xxgk("check", first, "--format", "json")
    assert second.code == 2
    assert len([f for f in _findings(second) if "汇总时无法读取" in f["message"]]) == 2


def test_what_a_reviewer_writes_on_the_sheet_is_quoted_cut(tmp_path):
    _, out = _imported(tmp_path)
    wb = openpyxl.load_workbook(out)
    wb["未导入"].cell(3, 2).value = "很长的说明" * 200
    wb.save(out)
    said = [f["message"] for f in _findings(xxgk("check", out, "--format", "json")) if f["rule"] == "F5"]
    assert len(said) == 2 and max(map(len, said)) < 500 and any("很长的说明…" in m for m in said)


def test_many_unreadable_inputs_are_named_in_one_line_and_all_listed_on_the_sheet(tmp_path):
    folder = _inputs(tmp_path, broken=False)
    for i in range(40):
        (folder / f"旧报告{i:02d}.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(600))
    out = tmp_path / "汇总.xlsx"
    run = xxgk("import", folder, "-o", out)
    assert_clean(run)
    assert run.code == 2
    said = [x for x in run.err.splitlines() if "无法读取" in x]
    assert len(said) == 1 and said[0].startswith("40 个输入无法读取：")
    assert f"全部 40 个列在工作簿 {out} 的工作表“未导入”中" in said[0]
    rows = list(openpyxl.load_workbook(out)["未导入"].iter_rows(min_row=3, values_only=True))
    assert sorted(r[0] for r in rows) == [f"旧报告{i:02d}.doc" for i in range(40)]
