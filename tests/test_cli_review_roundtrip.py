"""The reviewer's round trip from documents (README 审核人的工作流程): `xxgk check 报告/ --annotate
一.xlsx` writes an annotated collection; the reviewer writes 已核实 in 复核意见; `xxgk check 一.xlsx
--annotate 二.xlsx` must keep every such review whose values did not change. A finding without cells
(M2: a district of another province named in the prose) lost it: its place was `甲.txt 第149行` in
the document and `甲.txt 第149行（汇总工作簿 一.xlsx）` in the collection. Through the real CLI, read back
with openpyxl."""
from __future__ import annotations

import openpyxl

from checker.annotate.plan import finding_key
from checker.model import Finding
from tests.hostile import SEEDS, assert_clean, xxgk


def _review_all(book, out) -> int:
    wb = openpyxl.load_workbook(book)
    ws = wb["校验结果"]
    column = [c.value for c in ws[1]].index("复核意见") + 1
    n = 0
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 1).value is not None:
            ws.cell(row, column).value = "已核实"
            n += 1
    wb.save(out)
    return n


def _statuses(book) -> list[tuple]:
    ws = openpyxl.load_workbook(book)["校验结果"]
    return [(r[5], r[3], r[1]) for r in ws.iter_rows(min_row=2, values_only=True) if r[0] is not None]


def test_every_review_made_in_the_workbook_written_for_documents_holds(tmp_path):
    first = tmp_path / "一.xlsx"
    run = xxgk("check", SEEDS, "--annotate", first)
    assert_clean(run)
    reviewed = _review_all(first, tmp_path / "一-已核实.xlsx")
    assert reviewed > 20
    second = tmp_path / "二.xlsx"
    run = xxgk("check", tmp_path / "一-已核实.xlsx", "--annotate", second)
    assert_clean(run)
    rows = _statuses(second)
    assert len(rows) == reviewed
    assert [r for r in rows if r[2] != "已核实"] == [], rows
    assert ("M2", "道里区", "已核实") in rows        # the prose finding, without cells


def test_a_key_made_before_still_finds_its_review():
    """A workbook reviewed with an earlier version keeps its 已核实: the plan looks its review up by
    the key as it was made then when the new key has none (`finding_key(before=True)`)."""
    f = Finding(rule="M2", severity="error", unit="道里区", year=2018, message="…", source="汇总.xlsx",
                where="004.txt 第149行（汇总工作簿 汇总.xlsx）", report=("汇总.xlsx", "道里区2018"))
    assert finding_key(f, origin="004.txt") != finding_key(f, before=True)
    copy = Finding(rule="M2", severity="error", unit="道里区", year=2018, message="…", source="汇总-已标注.xlsx",
                   where="004.txt 第149行（汇总工作簿 汇总-已标注.xlsx）", report=("汇总-已标注.xlsx", "道里区2018"))
    assert finding_key(copy, before=True) == finding_key(f, before=True)     # as runs before made it
    in_document = Finding(rule="M2", severity="error", unit="道里区", year=2018, message="…", source="004.txt",
                          where="004.txt 第149行")
    assert finding_key(f, origin="004.txt") == finding_key(copy, origin="004.txt") == finding_key(in_document)
