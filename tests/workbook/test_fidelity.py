"""A collection workbook checks the same as the documents it was imported from: prose and
metadata findings (M1, M2, R10…) and the text reader's F2/F3 survive `xxgk import`, and go away
once the reviewer corrects the workbook."""
from __future__ import annotations

import json
import warnings
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench.generate import district, write_texts, write_units
from bench.inject import inject
from checker.annotate import annotate_file
from checker.check import check, check_paths
from checker.readers import read_all
from checker.collection.facts import FACTS_SHEET, FactsWarning
from checker.workbook.importer import import_reports

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def _key(f):
    return (f.rule, f.unit, f.year, f.suspect.cell if f.suspect else None,
            tuple(sorted((c.unit, c.year, c.cell) for c in f.cells)))


def _documents(paths, units=None):
    """check(documents), the reports in the collection's order (unit, year): which of two
    children an R8 evidence cell is attached to follows the input order."""
    reports = sorted(read_all(paths).reports, key=lambda r: (r.unit or "", r.year or 0, r.source))
    return check(reports, units=units)


def _loc(report, cell):
    from checker.templates import template
    return tuple(int(x) for x in report.loc[template(report.format).index[cell]])


def _sheet_cell(ws, label):
    row = next(r for r in range(1, 13) if ws.cell(r, 1).value == label)
    return ws.cell(row, 2)


@pytest.fixture(scope="module")
def seeds_collection(tmp_path_factory):
    out = tmp_path_factory.mktemp("fidelity") / "seeds.xlsx"
    import_reports([SEEDS], out)
    return out


def test_seeds_collection_checks_like_the_documents(seeds_collection):
    docs = _documents([SEEDS])
    coll = check_paths([seeds_collection])
    assert Counter(map(_key, coll.findings)) == Counter(map(_key, docs.findings))
    rules = {f.rule for f in coll.findings}
    assert {"M1", "M2", "F2", "F3"} <= rules          # the ones the tables alone lose
    m1 = next(f for f in coll.findings if f.rule == "M1")
    assert m1.actual == "2019-01-01/2019-12-31"
    reports = {r.unit: r for r in coll.reports}
    assert reports["哈尔滨文化园区管理处"].period == "2019-01-01/2019-12-31"
    assert reports["道里区"].published == "2019-01-07" and reports["道里区"].prose


def test_generated_district_with_injected_errors(tmp_path):
    d = district(12, (2020, 2021), seed=5)
    truth = inject(d, 16, seed=5)
    assert {t.kind for t in truth} >= {"prose", "period"}
    texts = write_texts(d, tmp_path / "txt")
    units = write_units(d, tmp_path / "units.csv")
    out = import_reports([tmp_path / "txt"], tmp_path / "c.xlsx", units_file=units).path
    docs, coll = _documents(texts, units), check_paths([out])
    assert Counter(map(_key, coll.findings)) == Counter(map(_key, docs.findings))
    assert {"M1", "R10"} <= {f.rule for f in coll.findings}


@pytest.mark.parametrize("inputs", ["collection", "documents"])
def test_annotated_collection_flags_header_block_and_title(seeds_collection, tmp_path, inputs):
    """Both ways to a flagged collection: `xxgk check 汇总.xlsx --annotate` and `xxgk check 报告/ --annotate`."""
    source = seeds_collection if inputs == "collection" else SEEDS
    result = check_paths([source])
    out = annotate_file(result, tmp_path / "flagged.xlsx")
    wb = load_workbook(out)
    park = wb["哈尔滨文化园区管理处2020"]
    period = _sheet_cell(park, "统计期限")
    assert period.value == "2019-01-01 至 2019-12-31"
    assert period.fill.fgColor.rgb.endswith("FF7C80") and "M1" in period.comment.text
    daoli = wb["道里区2018"]
    title = _sheet_cell(daoli, "标题")
    assert "M2" in title.comment.text and "北仑区" in title.comment.text
    results = [row for row in wb["校验结果"].iter_rows(values_only=True)]
    m2 = next(r for r in results if r[5] == "M2")
    assert m2[8] == f"道里区2018!B{title.row}"


def test_reviewer_corrections_replace_the_restored_findings(seeds_collection, tmp_path):
    wb = load_workbook(seeds_collection)
    ws = wb["哈尔滨文化园区管理处2020"]
    _sheet_cell(ws, "统计期限").value = "2020-01-01 至 2020-12-31"
    # fill the F3 row 予以公开 (the text printed six numbers for seven columns) with real values
    park = next(r for r in check_paths([seeds_collection]).reports if r.unit == "哈尔滨文化园区管理处")
    _, row, total_col = _loc(park, "requests.granted.total")
    for col in range(total_col - 6, total_col):
        ws.cell(row, col).value = 0
    ws.cell(row, total_col).value = 999
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    res = check_paths([path])
    park = [f for f in res.findings if f.unit == "哈尔滨文化园区管理处"]
    assert not [f for f in park if f.rule == "M1"]
    f3_cells = {c.cell for f in park if f.rule == "F3" for c in f.cells}
    assert "requests.granted.total" not in f3_cells and "requests.partly_granted.total" in f3_cells
    assert not [f for f in park if f.rule == "F1" and any(c.cell.startswith("requests.granted.") for c in f.cells)]
    # the row now holds values, so the table rules judge it: 999 ≠ its applicants' sum 0
    r3 = [f for f in park if f.rule == "R3"]
    assert r3 and any(c.cell == "requests.granted.total" for c in r3[0].cells)


def test_facts_sheet_is_untrusted_input(seeds_collection, tmp_path):
    wb = load_workbook(seeds_collection)
    ws = wb[FACTS_SHEET]
    assert ws.sheet_state == "veryHidden"
    broken = None
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "道里区2018":
            row[2].value = row[2].value[:-40] + "{not json"
            broken = row[0].value
        elif row[0].value == "文化街道办事处2020":
            record = json.loads(row[2].value)
            record["prose"] = "not a list"
            row[2].value = json.dumps(record, ensure_ascii=False)
    assert broken
    path = tmp_path / "tampered.xlsx"
    wb.save(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = check_paths([path])
    messages = [str(w.message) for w in caught if issubclass(w.category, FactsWarning)]
    assert any("道里区2018" in m and "无法解析" in m for m in messages)
    assert any("文化街道办事处2020" in m for m in messages)
    units = {f.unit for f in res.findings}
    assert "道里区" in units or len(res.reports) == 5            # the sheet is still checked
    assert not [f for f in res.findings if f.unit == "道里区" and f.rule == "M2"]
    assert [f for f in res.findings if f.unit == "哈尔滨文化园区管理处" and f.rule == "M1"]


def test_a_record_whose_facts_have_the_wrong_shape_is_ignored(seeds_collection, tmp_path):
    wb = load_workbook(seeds_collection)
    for row in wb[FACTS_SHEET].iter_rows(min_row=2):
        if row[0].value == "哈尔滨文化园区管理处2020":
            record = json.loads(row[2].value)
            record["facts"]["meta"]["period"] = "去年"          # M1 would split it on "/"
            row[2].value = json.dumps(record, ensure_ascii=False)
    path = tmp_path / "shape.xlsx"
    wb.save(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = check_paths([path])
    assert any("哈尔滨文化园区管理处2020" in str(w.message) and "facts.meta" in str(w.message) for w in caught)
    assert not any(s.get("crashed") for s in res.stats.values())
    assert len(res.reports) == 5


def test_crawler_text_rows_left_unread_stay_unread_in_the_collection(tmp_path):
    """A flattened page's run of digits that splits more than one way (`7713` for the three cells of
    规范性文件) is an F3 in the documents. The collection used to get the whole run written into each
    of the row's cells, which then read back as 7713 three times and lost the F3: now the cells stay
    empty and the F3 comes back from the facts sheet."""
    page = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "pingtan-page-txt" / "gyz_2020.txt"
    docs = _documents([page])
    assert any(f.rule == "F3" and "7713" in f.message for f in docs.findings)
    out = import_reports([page], tmp_path / "c.xlsx").path
    wb = load_workbook(out)
    ws = next(wb[n] for n in wb.sheetnames if "2020" in n)
    printed = {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    assert not {"7713", "1152645"} & printed
    coll = check_paths([out])
    assert _f3(coll) == _f3(docs) and _f3(docs)


def _f3(result) -> Counter:
    return Counter(_key(f) for f in result.findings if f.rule == "F3")
