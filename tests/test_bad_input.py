"""Bad input: each case gives a clear Chinese message naming the file (and sheet/cell or line),
the run goes on with the other inputs, and the exit code says some input was bad."""
from __future__ import annotations

import json

import openpyxl
from typer.testing import CliRunner

from checker.cli import app
from checker.readers import read_all

runner = CliRunner()
TABLE = ["四、政府信息公开行政复议、行政诉讼情况",
         "行政复议\t\t\t\t\t行政诉讼",
         "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉",
         "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"]
ACTIVE = ["二、主动公开政府信息情况", "第二十条第（五）项", "信息内容\t本年处理决定数量",
          "行政许可\t{lic}", "第二十条第（六）项", "信息内容\t本年处理决定数量", "行政处罚\t{pen}", "行政强制\t{enf}"]


def _report(path, lic="3", pen="0", enf="0", encoding="utf-8"):
    text = "某局2021年政府信息公开工作年度报告\n\n" + "\n".join(ACTIVE).format(lic=lic, pen=pen, enf=enf) \
        + "\n" + "\n".join(TABLE) + "\n"
    path.write_bytes(text.encode(encoding))
    return path


def test_every_bad_input_in_one_run(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"   \n")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 8)
    _report(tmp_path / "c_gbk.txt", encoding="gbk")
    wb = openpyxl.Workbook()
    wb.active.append(["规章", 1, 2, 3])
    wb.save(tmp_path / "d_good_then_cut.xlsx")
    data = (tmp_path / "d_good_then_cut.xlsx").read_bytes()
    (tmp_path / "d_good_then_cut.xlsx").write_bytes(data[:len(data) // 3])
    wb = openpyxl.Workbook()
    wb.active.title = "通讯录"
    wb.active.append(["姓名", "电话"])
    wb.save(tmp_path / "e_no_table.xlsx")
    _report(tmp_path / "f_cells.txt", lic="/", pen="无", enf="１２")

    res = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert res.exit_code == 2
    doc = json.loads(res.stdout)
    errors = {e["source"].rsplit("/", 1)[-1]: e["message"] for e in doc["errors"]}
    assert set(errors) == {"a_empty.txt", "b_binary.txt", "d_good_then_cut.xlsx", "e_no_table.xlsx"}
    assert "空文件" in errors["a_empty.txt"]
    assert "不是文本文件" in errors["b_binary.txt"]
    assert "d_good_then_cut.xlsx" in errors["d_good_then_cut.xlsx"] and "损坏" in errors["d_good_then_cut.xlsx"]
    assert "“通讯录”" in errors["e_no_table.xlsx"] and "没有找到" in errors["e_no_table.xlsx"]

    reports = {r["source"].rsplit("/", 1)[-1]: r for r in doc["reports"]}
    gbk = reports["c_gbk.txt"]          # GBK is read correctly, with no error
    assert gbk["cells"]["active.licensing.decisions"] == 3 and gbk["cells"]["appeals.count.review.total"] == 0
    assert not [f for f in gbk["findings"] if f["rule"] in ("F2", "F5")]

    cells = reports["f_cells.txt"]
    assert cells["cells"]["active.licensing.decisions"] is None        # "/" is not a number: blank, reported
    assert cells["cells"]["active.penalty.decisions"] is None          # "无" likewise, never a silent 0
    assert cells["cells"]["active.enforcement.decisions"] == 12        # "１２" is plainly 12
    f2 = {f["cells"][0]["cell"]: f for f in cells["findings"] if f["rule"] == "F2"}
    assert f2["active.licensing.decisions"]["severity"] == "error"
    assert "f_cells.txt 第6行" in f2["active.licensing.decisions"]["message"]
    assert "“/”" in f2["active.licensing.decisions"]["message"]
    assert "“无”" in f2["active.penalty.decisions"]["message"] and "第9行" in f2["active.penalty.decisions"]["where"]
    assert f2["active.enforcement.decisions"]["severity"] == "info"
    assert "１２" in f2["active.enforcement.decisions"]["message"] and "12" in f2["active.enforcement.decisions"]["message"]


def test_undecodable_text_names_the_line(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_bytes("第一行\n第二行\n".encode("utf-8") + b"\xff\xfe\xfd\xfc\x80\x80\n")
    res = read_all([p])
    (f,) = res.failures
    assert "mixed.txt" in f.message and "编码" in f.message and "第3行" in f.message


def test_workbook_cells_with_text_name_sheet_and_cell(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表二"
    rows = [["二、主动公开政府信息情况"], ["第二十条第（一）项"],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "/", "无", "１２"], ["行政规范性文件", 1, 0, 5]]
    for r in rows:
        ws.append(r)
    p = tmp_path / "cells.xlsx"
    wb.save(p)
    res = read_all([p])
    (rep,) = res.reports
    msgs = {f.cells[0].cell: f.message for f in rep.findings if f.rule == "F2"}
    assert "cells.xlsx 表二!B4" in msgs["active.regulations.issued"]
    assert "cells.xlsx 表二!C4" in msgs["active.regulations.repealed"]
    assert rep.get("active.regulations.in_force") == 12 and rep.get("active.normative_docs.in_force") == 5
