"""Figures no report holds: a cell of 400 digits (a float overflows to infinity), a workbook cell of
1e308 (its sums overflow). Read as printed, they made the localiser raise (`cannot convert float
infinity to integer`) and `extract` print `Infinity`, which is not JSON. Such a cell is one F2 that
names it; the rest of the report is checked."""
from __future__ import annotations

import json

import openpyxl

from hostile import SEEDS, assert_clean, import_seed, xxgk

SEED_2021 = SEEDS / "003_15d564b43078fcdc.txt"      # 行政许可 2483 on line 32, （七）总计 3 on line 72


def _strict_json(text: str):
    def refuse(name):
        raise AssertionError(f"{name} is not JSON")
    return json.loads(text, parse_constant=refuse)


def test_a_cell_of_400_digits_is_one_f2(tmp_path):
    text = SEED_2021.read_text(encoding="utf-8")
    assert "行政许可\t2483" in text and "(七) 总计\t3\t" in text
    (tmp_path / "r.txt").write_text(text.replace("行政许可\t2483", "行政许可\t" + "9" * 400)
                                    .replace("(七) 总计\t3\t", "(七) 总计\t" + "1" * 5000 + "\t"), encoding="utf-8")
    run = xxgk("check", tmp_path / "r.txt", "--format", "json")
    assert_clean(run)
    assert run.code == 1, run.text[-2000:]
    found = _strict_json(run.out)["findings"]
    big = [f for f in found if f["rule"] == "F2" and "数值过大" in f["message"]]
    assert {f["message"].split("：")[0] for f in big} == {"r.txt 第32行", "r.txt 第72行"}, big
    assert any("行政许可" in f["message"] for f in big)
    run = xxgk("extract", tmp_path / "r.txt")
    assert_clean(run)
    cells = _strict_json(run.out)["reports"][0]["cells"]
    assert cells["active.licensing.decisions"] is None          # blank, never a number it is not
    assert cells["active.penalty.decisions"] == 0               # the rest is read as before


def test_a_workbook_cell_of_1e308(tmp_path):
    coll = import_seed(tmp_path, SEED_2021)
    wb = openpyxl.load_workbook(coll)
    ws = wb.worksheets[1]
    row = next(c.row for c in ws["A"] if c.value and str(c.value).startswith("一、本年新收"))
    ws.cell(row, 4).value = 1e308          # 自然人 and 商业企业 of 新收: their sum overflows
    ws.cell(row, 5).value = 1e308
    wb.save(coll)
    for command in (("check", coll, "--format", "json"), ("check", coll, "--annotate", tmp_path / "a.xlsx")):
        run = xxgk(*command)
        assert_clean(run)
        assert run.code == 1, run.text[-2000:]
    found = _strict_json(xxgk("check", coll, "--format", "json").out)["findings"]
    where = sorted(f["message"].split("：")[0] for f in found if "数值过大" in f["message"])
    assert where == [f"汇总.xlsx {ws.title}!D{row}", f"汇总.xlsx {ws.title}!E{row}"], where


def test_a_figure_of_400_digits_in_the_prose(tmp_path):
    n = "9" * 400
    text = SEED_2021.read_text(encoding="utf-8")
    assert text.count("二、主动公开政府信息情况") == 1
    text = text.replace("二、主动公开政府信息情况", f"本年度共收到政府信息公开申请{n}件，予以公开{n}件。"
                        f"共{n}件，其中予以公开1件、不予公开{n}件。\n\n二、主动公开政府信息情况")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    run = xxgk("extract", tmp_path / "r.txt")
    assert_clean(run)
    _strict_json(run.out)                        # was `"value": Infinity`
    run = xxgk("check", tmp_path / "r.txt", "--format", "json")
    assert_clean(run)
    messages = [f["message"] for f in _strict_json(run.out)["findings"]]
    assert not [m for m in messages if "inf" in m], messages    # was 正文写“…件”（inf）
