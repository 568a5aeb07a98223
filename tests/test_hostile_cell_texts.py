"""A value cell holding text that is not a number (`NaN`, `1e308`, `@SUM(A1)`, `0x9B3`, `abc`):
the reviewer must be told what is printed there (F2 quoting it), not that the cell is empty (F1),
in text, Word and web-page reports alike. And a count with a fraction (`3.5` in a 件 cell), read as
printed, is one F2; an amount (万元) keeps its decimals without a finding."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl
import pytest

from hostile import ROOT, SEEDS, assert_clean, import_seed, xxgk

SEED_2021 = SEEDS / "003_15d564b43078fcdc.txt"      # 行政许可 2483 on line 32; 行政事业性收费 1944.0495 万元
TEXTS = ["NaN", "1e308", "@SUM(A1)", "inf", "0x9B3", "abc", "=cmd|' /C calc'!A0"]


def _findings(run) -> list[dict]:
    assert_clean(run)
    return json.loads(run.out)["findings"]


def _at(found: list[dict], where: str) -> list[tuple[str, str]]:
    return [(f["rule"], f["message"]) for f in found if f["message"].startswith(where)]


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_cell_that_is_no_number_is_f2_not_blank(tmp_path, text):
    seed = SEED_2021.read_text(encoding="utf-8")
    assert "行政许可\t2483" in seed
    (tmp_path / "r.txt").write_text(seed.replace("行政许可\t2483", "行政许可\t" + text), encoding="utf-8")
    run = xxgk("check", tmp_path / "r.txt", "--format", "json")
    assert run.code == 1, run.text[-2000:]
    here = _at(_findings(run), "r.txt 第32行")
    assert [rule for rule, _ in here] == ["F2"], here
    why = "是科学计数法，按空白处理，没有猜测" if text == "1e308" else "不能读作数字"
    assert f"「行政许可·本年处理决定数量」填写的是“{text}”，{why}" in here[0][1]


def _renditions(tmp_path: Path, text: str) -> list[Path]:
    """The seed as a Word document and a web page (bench.renditions' layouts), the 行政许可 cell
    printing `text`."""
    sys.path.insert(0, str(ROOT))
    try:
        import docx
        from bench import renditions
        from checker.readers import read_path
    finally:
        sys.path.remove(str(ROOT))
    report = read_path(SEED_2021).reports[0]
    word = renditions.word(report, tmp_path / "r.docx")
    d = docx.Document(str(word))
    cells = [row.cells[1] for t in d.tables for row in t.rows if row.cells[0].text == "行政许可"]
    assert len(cells) == 1
    cells[0].text = text
    d.save(str(word))
    page = renditions.html_page(report)
    assert page.count(">2483<") == 1
    (tmp_path / "r.html").write_text(page.replace(">2483<", f">{text}<"), encoding="utf-8")
    return [word, tmp_path / "r.html"]


@pytest.mark.parametrize("text", ["NaN", "@SUM(A1)"])
def test_word_and_web_page_cells_too(tmp_path, text):
    for path, where in zip(_renditions(tmp_path, text), ("r.docx 第1个表格第7行第2列", "r.html 表格1第7行第2列")):
        run = xxgk("check", path, "--format", "json")
        assert run.code == 1, run.text[-2000:]
        here = _at(_findings(run), where)
        assert [rule for rule, _ in here] == ["F2"], (path.name, here)
        assert f"填写的是“{text}”，不能读作数字" in here[0][1]


def test_a_count_with_a_fraction_is_f2_an_amount_is_not(tmp_path):
    seed = SEED_2021.read_text(encoding="utf-8")
    assert "行政事业性收费\t1944.0495" in seed          # 万元: decimals are right there
    (tmp_path / "r.txt").write_text(seed.replace("行政许可\t2483", "行政许可\t3.5"), encoding="utf-8")
    run = xxgk("check", tmp_path / "r.txt", "--format", "json")
    assert run.code == 1, run.text[-2000:]
    found = _findings(run)
    fraction = [f for f in found if "件数应为整数" in f["message"]]
    assert [(f["rule"], f["severity"], f["suspect"]["cell"], f["actual"]) for f in fraction] == [
        ("F2", "error", "active.licensing.decisions", 3.5)]
    assert "第32行：「行政许可·本年处理决定数量」填写的是“3.5”" in fraction[0]["message"]
    # the same in the collection workbook: the cell named by sheet and cell
    coll = import_seed(tmp_path / "c", SEED_2021)
    wb = openpyxl.load_workbook(coll)
    ws = wb.worksheets[1]
    row = next(c.row for c in ws["A"] if c.value == "行政许可")
    ws.cell(row, 2).value = 12.25
    wb.save(coll)
    found = _findings(xxgk("check", coll, "--format", "json"))
    fraction = [f["message"] for f in found if "件数应为整数" in f["message"]]
    assert len(fraction) == 1 and f"{ws.title}!B{row}：「行政许可·本年处理决定数量」填写的是“12.25”" in fraction[0]
