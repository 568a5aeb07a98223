"""An evaluator runs `xxgk check` over thousands of files with `-o 结果.csv` or `--format json` and
reads the output, not the terminal: every input must be found there. An input that was read but holds
nothing of a report (a notice, a meeting note, a PDF whose only text is a cover line) was named on
stderr alone, so the CSV had no row for it and the JSON only a report with format null: it passed for
a clean report. It is now an F5 row (未做任何核对) like an unreadable file. Through the real CLI."""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from tests.hostile import assert_clean, seed_copies, xxgk

NOTICE = "关于报送2023年度政府信息公开工作年度报告的通知\n各单位：\n请于2024年1月31日前报送年度报告。\n联系人：张三\n"


def _mixed(folder: Path) -> list[Path]:
    """Two real reports, a notice, an empty file, a PDF without text (a scan) and a broken PDF."""
    good = seed_copies(folder, 2)
    (folder / "通知.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"hello")
    import pypdfium2 as pdfium     # a page with no text layer, as a scanner's PDF has
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    pdf.save(folder / "scan.pdf")
    return good


def _rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_every_input_is_in_the_csv_or_is_a_checked_report(tmp_path):
    good = _mixed(tmp_path / "in")
    out = tmp_path / "结果.csv"
    run = xxgk("check", tmp_path / "in", "-o", out)
    assert_clean(run)
    assert run.code == 2, run.text
    rows = _rows(out)
    f5 = {Path(r["来源"]).name: r for r in rows if r["规则"] == "F5"}
    assert set(f5) == {"通知.txt", "empty.txt", "broken.pdf", "scan.pdf"}, rows
    notice = f5["通知.txt"]
    assert notice["严重程度"] == "错误" and "无法识别为年度报告" in notice["说明"] and "未做任何核对" in notice["说明"]
    assert "没有可提取的文字" in f5["scan.pdf"]["说明"]
    # the reports themselves are checked (their findings carry their unit), and never an F5
    assert {Path(r["来源"]).name for r in rows if r["规则"] != "F5"} == {p.name for p in good}
    assert "无法识别为年度报告：" in run.err and "通知.txt" in run.err     # still said where a person looks


def test_every_input_is_in_the_json_and_a_sharded_run_says_the_same(tmp_path, monkeypatch):
    _mixed(tmp_path / "in")
    docs = []
    for shard in ("0", "1"):     # one process, and the worker processes of a large run
        monkeypatch.setenv("XXGK_SHARD", shard)
        run = xxgk("check", tmp_path / "in", "--format", "json")
        assert_clean(run)
        assert run.code == 2, run.text
        docs.append(json.loads(run.out))
    assert docs[0] == docs[1]
    doc = docs[0]
    named = {Path(f["source"]).name for f in doc["findings"] if f["rule"] == "F5"}
    checked = {Path(r["source"]).name for r in doc["reports"] if r["format"] is not None}
    assert named | checked == set(os.listdir(tmp_path / "in")) and not named & checked
    notice = next(f for f in doc["findings"] if f["source"].endswith("通知.txt"))
    assert (notice["unit"], notice["year"], notice["cells"], notice["suspect"]) == (None, None, [], None)
    # the report with format null is still listed, as before (extend, never break)
    assert any(r["source"].endswith("通知.txt") and r["format"] is None for r in doc["reports"])


def test_the_summary_lists_an_input_that_is_no_report(tmp_path):
    _mixed(tmp_path / "in")
    run = xxgk("check", tmp_path / "in", "--summary")
    assert_clean(run)
    line = next(x for x in run.out.splitlines() if x.startswith("无法识别为年度报告："))
    assert "通知.txt" in line and "未做任何核对" in line
    assert "无法识别为年度报告的输入 1 个" in run.out


def test_select_without_f5_leaves_it_out_as_it_does_an_unreadable_file(tmp_path):
    _mixed(tmp_path / "in")
    run = xxgk("check", tmp_path / "in", "--format", "json", "--select", "R1")
    assert_clean(run)
    assert {f["rule"] for f in json.loads(run.out)["findings"]} <= {"R1"}
    assert run.code == 2 and "无法识别为年度报告：" in run.err      # exit code and stderr unchanged


def test_a_collection_sheet_that_is_no_report_is_named_with_its_sheet(tmp_path):
    """`xxgk import` writes a sheet for an input that is no report; checking the collection names
    that sheet in the F5 (a workbook holds many), in the CSV and on stderr."""
    (tmp_path / "in").mkdir()
    seed_copies(tmp_path / "in", 1)
    (tmp_path / "in" / "通知.txt").write_text(NOTICE, encoding="utf-8")
    book = tmp_path / "汇总.xlsx"
    assert xxgk("import", tmp_path / "in", "-o", book).code == 2
    out = tmp_path / "结果.csv"
    run = xxgk("check", book, "-o", out)
    assert_clean(run)
    f5 = [r for r in _rows(out) if r["规则"] == "F5"]
    assert len(f5) == 1 and "工作表“通知”" in f5[0]["位置"] and "无法识别为年度报告" in f5[0]["说明"], f5
    assert "无法识别为年度报告：" in run.err and "工作表“通知”" in run.err


def test_the_annotated_workbook_keeps_each_unread_input_apart(tmp_path):
    """`--annotate` of a folder: an unreadable file's F5 (it names no report) was shown with the report
    of unit None and year None, so its note went on the 标题 of the notice's sheet (or of any report
    whose unit and year were not found) and its 可疑单元格 linked there. Read back with openpyxl."""
    import openpyxl
    _mixed(tmp_path / "in")
    out = tmp_path / "标注.xlsx"
    run = xxgk("check", tmp_path / "in", "--annotate", out)
    assert_clean(run)
    assert run.code == 2, run.text
    wb = openpyxl.load_workbook(out)
    rows = [r for r in wb["校验结果"].iter_rows(min_row=2, values_only=True) if r[5] == "F5"]
    by_file = {Path(r[7].rsplit("（", 1)[1].rstrip("）")).name: r for r in rows}
    assert set(by_file) == {"通知.txt", "empty.txt", "broken.pdf", "scan.pdf"}, rows
    assert all(by_file[n][8] in (None, "", "（未确定）") for n in ("empty.txt", "broken.pdf", "scan.pdf")), rows
    notice_sheet = next(ws for ws in wb.worksheets if ws.title.startswith("通知"))
    notes = [c.comment.text for row in notice_sheet.iter_rows() for c in row if c.comment]
    assert notes and all("empty.txt" not in n and "scan.pdf" not in n and "broken.pdf" not in n for n in notes), notes
    assert any("无法识别为年度报告" in n for n in notes), notes
    overview = [r for r in wb["概览"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert ("（无法读取的输入）", 3) in [(r[0], r[1]) for r in overview], overview


def test_many_inputs_that_are_no_report_are_one_line_on_stderr(tmp_path):
    """Of thousands of files, hundreds of notices were a line each on stderr, burying the summary
    lines: past three, one line names three and says all are in the output's F5 (as for unreadable
    files)."""
    seed_copies(tmp_path / "in", 1)
    for n in range(5):
        (tmp_path / "in" / f"通知{n}.txt").write_text(NOTICE, encoding="utf-8")
    out = tmp_path / "结果.csv"
    run = xxgk("check", tmp_path / "in", "-o", out)
    assert_clean(run)
    assert run.code == 2, run.text
    lines = [x for x in run.err.splitlines() if "无法识别为年度报告" in x]
    assert len(lines) == 1 and lines[0].startswith("5 个输入无法识别为年度报告") and "全部 5 个列在输出的 F5 中" in lines[0]
    assert len([r for r in _rows(out) if r["规则"] == "F5"]) == 5
