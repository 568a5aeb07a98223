"""The district reviewer's re-run, through the real `xxgk`: findings marked 已核实 in the annotated
workbook's 校验结果 are counted apart on stderr after the workbook's name (the stdout listing says what
the reports hold, as before), and the exit code still counts their errors (README 退出码: the code
says what the reports hold; a review is a note kept in one workbook)."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from checker.annotate import state as st
from tests.hostile import xxgk

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


def mark(book: Path, severities: tuple[str, ...]) -> dict[str, int]:
    """已核实 written into each 校验结果 row of those severities (as a reviewer types it); how many of each."""
    wb = openpyxl.load_workbook(book)
    ws = wb[st.RESULTS_SHEET]
    head = [c.value for c in ws[1]]
    marked = dict.fromkeys(severities, 0)
    for row in ws.iter_rows(min_row=2):
        severity = row[head.index("严重程度")].value
        if severity in severities:
            row[head.index(st.REVIEW_HEADER)].value = "已核实"
            marked[severity] += 1
    wb.save(book)
    return marked


def test_reviewed_findings_said_apart_and_still_counted(tmp_path):
    book, first, second = tmp_path / "汇总.xlsx", tmp_path / "标注1.xlsx", tmp_path / "标注2.xlsx"
    assert xxgk("import", SEEDS, "-o", book).code == 0
    run = xxgk("check", book, "--annotate", first)
    assert run.code == 1 and f"已写出标注工作簿：{first}\n" in run.err     # nothing reviewed yet: no counts
    marked = mark(first, ("错误", "提示"))
    assert marked["错误"] > 1 and marked["提示"] >= 1
    run = xxgk("check", first, "--annotate", second)
    assert run.code == 1, run.text        # every error reviewed: the reports still hold them
    line = next(x for x in run.err.splitlines() if x.startswith("已写出标注工作簿"))
    shown = openpyxl.load_workbook(second, read_only=True)[st.RESULTS_SHEET]["P1"].value
    assert line.startswith(f"已写出标注工作簿：{second}（{shown}）"), (line, shown)
    assert f"已核实 {sum(marked.values())} 条" in line
    assert f"其中已核实的 {marked['错误']} 条错误仍计入退出码" in line


def test_only_info_reviewed_says_no_exit_code_note(tmp_path):
    book, first, second = tmp_path / "汇总.xlsx", tmp_path / "标注1.xlsx", tmp_path / "标注2.xlsx"
    assert xxgk("import", SEEDS, "-o", book).code == 0
    assert xxgk("check", book, "--annotate", first).code == 1
    marked = mark(first, ("提示",))["提示"]
    assert marked >= 1
    run = xxgk("check", first, "--annotate", second)
    line = next(x for x in run.err.splitlines() if x.startswith("已写出标注工作簿"))
    assert line.endswith(f"已核实 {marked} 条）") and "退出码" not in line
