"""A crawler page's run-together row that the page alone leaves open (`34089`: 34|0|89, 3|40|89 …)
is decided by the other reports of a check (checker/crossread.py). Imported into a collection
workbook, the row is blank and its candidate splits used to be lost: `xxgk check` of the
collection then kept the F3 error that `xxgk check` of the documents resolves. The splits travel in
`_xxgk_facts`; once the reviewer fills the row in, they are dropped and the rules judge the values."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "readers"))
from test_crossread import _folder  # noqa: E402  (the crossread tests' crawler pages)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hostile import assert_clean, xxgk  # noqa: E402

CELLS = [f"active.normative_docs.{c}" for c in ("issued", "repealed", "in_force")]


def _check(path: Path) -> list[dict]:
    run = xxgk("check", path, "--format", "json")
    assert_clean(run)
    assert run.code in (0, 1), run.text[-2000:]
    return json.loads(run.out)["findings"]


def _row_2022(found: list[dict]) -> list[tuple[str, str]]:
    return [(f["rule"], f["severity"]) for f in found
            if f["year"] == 2022 and {c["cell"] for c in f["cells"]} & set(CELLS)]


def _collection(tmp_path: Path) -> Path:
    # 2022 prints 34089; 2021's 现行有效 55 is read: R8 holds for 34|0|89 alone
    (tmp_path / "in").mkdir()
    folder = _folder(tmp_path / "in", (2021, "5 0 55", "000"), (2022, "34089", "000"))
    assert _row_2022(_check(folder)) == [("F3", "info")]          # the documents: decided
    run = xxgk("import", folder, "-o", tmp_path / "c.xlsx")
    assert run.code == 0, run.text
    return tmp_path / "c.xlsx"


def _sheet_row(wb) -> tuple:
    ws = next(ws for ws in wb.worksheets if ws.title.endswith("2022"))
    row = next(c.row for c in ws["A"] if c.value == "行政规范性文件")
    return ws, row


def test_the_collection_decides_as_the_documents_do(tmp_path):
    coll = _collection(tmp_path)
    found = _check(coll)
    assert _row_2022(found) == [("F3", "info")], found
    [info] = [f for f in found if f["year"] == 2022 and f["rule"] == "F3"]
    assert info["expected"] == "34|0|89" and "R8" in info["message"]
    assert not [f for f in found if f["rule"] == "R8"]
    # the annotated copy marks each of the row's three cells where it stands in the sheet
    run = xxgk("check", coll, "--annotate", tmp_path / "a.xlsx")
    assert run.code in (0, 1), run.text[-2000:]
    ws, row = _sheet_row(openpyxl.load_workbook(tmp_path / "a.xlsx"))
    noted = [c.coordinate for c in ws[row] if c.comment and "34089" in c.comment.text]
    assert noted == [f"B{row}", f"C{row}", f"D{row}"], noted


def test_a_row_the_reviewer_filled_in_is_judged_by_the_rules(tmp_path):
    coll = _collection(tmp_path)
    wb = openpyxl.load_workbook(coll)
    ws, row = _sheet_row(wb)
    for col, v in zip((2, 3, 4), (3, 40, 89)):       # a wrong split typed in: R8 says so
        ws.cell(row, col).value = v
    wb.save(coll)
    found = _check(coll)
    assert not [f for f in found if f["rule"] == "F3" and f["year"] == 2022]
    assert [f for f in found if f["rule"] == "R8"], found


def test_tampered_splits_are_ignored(tmp_path):
    coll = _collection(tmp_path)
    wb = openpyxl.load_workbook(coll)
    ws = wb["_xxgk_facts"]
    for r in ws.iter_rows(min_row=2):
        if isinstance(r[2].value, str) and '"undecided"' in r[2].value:
            r[2].value = r[2].value.replace('"candidates":[[', '"candidates":[["x",true,')
    wb.save(coll)
    found = _check(coll)
    assert _row_2022(found) == [("F3", "error")]        # left open, as the sheet alone says
