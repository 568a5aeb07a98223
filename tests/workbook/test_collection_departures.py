"""Cells a report printed in the other template generation (`departures`: a 2021 report keeping the
2019 表二, a 2020 report printing the 2021 表三 …) are nothing lost and checked where a rule applies:

- `xxgk check` of the documents applies R5 (non-negative, 总数 ≥ 新公开) and R7 (项目数 year on year)
  to them (checker/rules/departed.py); the CSV names the cell;
- `xxgk import` lists them below the sheet's tables, one cell a row with its id (checker/collection/
  departures.py); reading the sheet back restores them, so checking the collection finds what checking
  the documents finds (before: they were invisible, unchecked, and the 2021 cells the documents never
  printed were reported 为空);
- the reviewer corrects a value in that block and the check follows it; text there is an F2 naming
  the sheet cell; `--annotate` flags the block's cells.
All through the real CLI."""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "readers"))
from test_generations import ACTIVE_2019, ACTIVE_2021, report, requests  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hostile import assert_clean, xxgk  # noqa: E402

# 2021 keeps the 2019 表二 with a negative count (规章 本年新公开 −1), 总数 30 < 新公开 40 (规范性文件)
# and 上一年项目数量 12 where 2020 says 10 + 1 (行政许可); 2020 is a plain 2019 report
BAD_2019 = ACTIVE_2019.replace("规章\t1\t1\t5", "规章\t1\t-1\t5").replace("规范性文件\t4\t4\t30", "规范性文件\t4\t40\t30")
PREV_2019 = ACTIVE_2019.replace("行政许可\t12\t-1\t230", "行政许可\t10\t1\t200").replace("行政处罚\t8\t2\t45", "行政处罚\t6\t2\t40")


def _pair(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "y2021.txt").write_text(report(2021, BAD_2019, requests("2021")), encoding="utf-8")
    (folder / "y2020.txt").write_text(report(2020, PREV_2019, requests("2019")), encoding="utf-8")
    return folder


def _findings(path: Path) -> list[dict]:
    run = xxgk("check", path, "--format", "json")
    assert_clean(run)
    assert run.code in (0, 1), run.text[-2000:]
    return json.loads(run.out)["findings"]


def _key(f: dict) -> tuple:
    """A finding without where it was found (a document line vs a sheet cell)."""
    message = re.sub(r"（汇总工作簿 [^）]*）", "", f["message"])
    if f.get("where"):
        message = message.replace(re.sub(r"（汇总工作簿 [^）]*）", "", f["where"]), "")
    return f["rule"], f["severity"], f["year"], tuple(sorted(c["cell"] for c in f["cells"])), message


def _import(src: Path, out: Path) -> Path:
    run = xxgk("import", src, "-o", out)
    assert_clean(run)
    assert run.code == 0, run.text
    return out


def test_departing_cells_are_checked_by_r5_and_r7(tmp_path):
    found = _findings(_pair(tmp_path / "in"))
    r5 = sorted((f["suspect"]["cell"], f["actual"]) for f in found if f["rule"] == "R5")
    assert r5 == [("active.normative_docs.total_published", 30), ("active.regulations.published", -1)]
    r7 = [f for f in found if f["rule"] == "R7"]
    assert len(r7) == 1 and r7[0]["year"] == 2021          # 行政处罚 6 + 2 = 8 holds; 行政许可 10 + 1 ≠ 12
    assert "「行政许可·上一年项目数量」12 ≠ 2020年「行政许可·上一年项目数量」10 + 2020年「行政许可·本年增/减」1" in r7[0]["message"]
    assert "y2021.txt 第17行" in r7[0]["message"]           # where 行政许可 is printed
    assert {c["cell"] for c in r7[0]["cells"]} == {"active.licensing.prev_items", "active.licensing.change"}
    negative = next(f for f in found if f["rule"] == "R5" and f["actual"] == -1)
    assert "y2021.txt 第13行" in negative["message"] and "按 2019 版印出" in negative["message"]
    # the CSV names the cell
    run = xxgk("check", tmp_path / "in", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(run.out.lstrip("\ufeff"))))
    assert {r["单元格编号"] for r in rows if r["规则"] == "R5"} == {"active.regulations.published",
                                                                "active.normative_docs.total_published"}


def test_a_report_of_one_generation_is_checked_as_before(tmp_path):
    """No departures: R5/R7 come from the vectorised rules alone, never twice."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "y2021.txt").write_text(report(2021, ACTIVE_2021, requests("2021")), encoding="utf-8")
    (tmp_path / "in" / "y2020.txt").write_text(report(2020, PREV_2019, requests("2019")), encoding="utf-8")
    found = _findings(tmp_path / "in")
    assert not [f for f in found if f["rule"] in ("R5", "R7")]


def test_the_collection_shows_the_cells_and_finds_what_the_documents_find(tmp_path):
    docs = _pair(tmp_path / "in")
    book = _import(docs, tmp_path / "汇总.xlsx")
    ws = openpyxl.load_workbook(book)["某市某区财政局2021"]
    block = {ws.cell(r, 3).value: (ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(1, ws.max_row + 1)
             if isinstance(ws.cell(r, 3).value, str) and ws.cell(r, 3).value.startswith("2019:")}
    assert len(block) == 19
    assert block["2019:active.regulations.published"] == ("规章·本年新公开数量", -1)
    assert block["2019:active.procurement.amount"][1] == 125.5
    assert sorted(map(_key, _findings(book))) == sorted(map(_key, _findings(docs)))
    # no 为空 for the 2021 rows the documents never printed (规章/行政规范性文件/行政事业性收费)
    assert not [f for f in _findings(book) if f["rule"] == "F1"]
    run = xxgk("extract", book, "--format", "json")
    (r2021,) = [r for r in json.loads(run.out)["reports"] if r["year"] == 2021]
    kept = r2021["departures"]["active"]
    assert kept["format"] == "2019" and kept["cells"]["active.licensing.prev_items"] == 12
    assert re.fullmatch(r"某市某区财政局2021!B\d+", kept["locations"]["active.licensing.prev_items"])


def test_every_kind_of_departure_survives_the_collection(tmp_path):
    """2020 printing the 2021 表三 (three （六） rows), 2020 printing the 2021 表二, 2021 printing （六）
    as one row: checking the collection says what checking the document says."""
    for name, year, active, req in (("b", 2020, ACTIVE_2019, requests("2021")), ("d", 2020, ACTIVE_2021, requests("2019")),
                                    ("c", 2021, ACTIVE_2021, requests("2019"))):
        src = tmp_path / f"{name}.txt"
        src.write_text(report(year, active, req), encoding="utf-8")
        book = _import(src, tmp_path / f"{name}.xlsx")
        assert sorted(map(_key, _findings(book))) == sorted(map(_key, _findings(src))), name
        ws = openpyxl.load_workbook(book).worksheets[1]
        assert any(isinstance(c.value, str) and c.value.startswith("按原表版式记下的格") for row in ws.iter_rows() for c in row)


def _block_cell(ws, tag: str) -> str:
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == tag)
    return f"B{row}"


def test_the_reviewer_corrects_the_block_and_the_check_follows(tmp_path):
    book = _import(_pair(tmp_path / "in"), tmp_path / "汇总.xlsx")
    wb = openpyxl.load_workbook(book)
    ws = wb["某市某区财政局2021"]
    ws[_block_cell(ws, "2019:active.regulations.published")] = 1          # was −1
    addr = _block_cell(ws, "2019:active.licensing.prev_items")
    ws[addr] = "无"                                                        # was 12
    wb.save(tmp_path / "改.xlsx")
    found = _findings(tmp_path / "改.xlsx")
    assert [f["actual"] for f in found if f["rule"] == "R5"] == [30]       # the negative one is gone
    assert not [f for f in found if f["rule"] == "R7"]                     # 行政许可 unread now: not checked
    (f2,) = [f for f in found if f["rule"] == "F2"]
    assert f"某市某区财政局2021!{addr}" in f2["message"] and "“无”" in f2["message"]


def test_annotate_flags_the_block_cells(tmp_path):
    docs = _pair(tmp_path / "in")
    for src, out in ((docs, tmp_path / "a.xlsx"), (_import(docs, tmp_path / "汇总.xlsx"), tmp_path / "b.xlsx")):
        run = xxgk("check", src, "--annotate", out, "--summary")
        assert_clean(run)
        ws = openpyxl.load_workbook(out)["某市某区财政局2021"]
        cell = ws[_block_cell(ws, "2019:active.regulations.published")]
        assert cell.value == -1 and cell.comment is not None and "R5" in cell.comment.text
        assert ws[_block_cell(ws, "2019:active.licensing.prev_items")].comment is not None   # R7


def test_a_tampered_departures_record_is_ignored_with_a_warning(tmp_path):
    """The hidden facts sheet is untrusted: a `departures` record of the wrong shape (a list, a
    formula for a value) is refused by name, never crashes a rule nor reaches a cell."""
    src = tmp_path / "b.txt"
    src.write_text(report(2020, ACTIVE_2019, requests("2021")), encoding="utf-8")
    book = _import(src, tmp_path / "b.xlsx")
    wb = openpyxl.load_workbook(book)
    ws = wb["_xxgk_facts"]
    sheet = ws.cell(2, 1).value
    record = json.loads("".join(ws.cell(r, 3).value for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == sheet))
    for r in range(ws.max_row, 1, -1):
        ws.delete_rows(r)
    ws.append([sheet, 1, None])
    report_ws = wb[sheet]                     # an older workbook: no block, the record alone carries them
    for r in range(report_ws.max_row, 0, -1):
        if str(report_ws.cell(r, 3).value or "").startswith("2021:") or \
                str(report_ws.cell(r, 1).value or "").startswith(("按原表版式记下的格", "行·栏目")):
            report_ws.delete_rows(r)
    for bad in (["x"], {"requests": {"format": "2021", "cells": {"requests.other.other.total": "=cmd|' /C calc'!A0"}}}):
        record["facts"]["departures"] = bad
        ws.cell(2, 3).value = json.dumps(record, ensure_ascii=False)
        wb.save(tmp_path / "t.xlsx")
        run = xxgk("check", tmp_path / "t.xlsx", "--annotate", tmp_path / "t-out.xlsx", "--force", "--format", "json")
        assert_clean(run)
        assert run.code in (0, 1), run.text
        assert "facts.departures" in run.err and "已忽略" in run.err
        assert "运行出错" not in run.err
        out = openpyxl.load_workbook(tmp_path / "t-out.xlsx")
        assert not [c for s in out.worksheets for row in s.iter_rows() for c in row if c.data_type == "f"]


def test_extract_table_shows_the_departing_cells(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(report(2021, ACTIVE_2019, requests("2021")), encoding="utf-8")
    run = xxgk("extract", src, "--format", "table")
    assert_clean(run)
    shown = [ln for ln in run.out.splitlines() if "版印出）" in ln and ln.startswith("│")]
    assert len(shown) == 19
    assert any("active.procurement.amount" in ln and "125.5" in ln and "第28行" in ln for ln in shown)
