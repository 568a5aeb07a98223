"""The text reader on the real seeds: every cell of every table, and the form findings they need."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from checker.readers.text import read
from checker.templates import template

COLS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total"]
Z7 = [0] * 7
N7 = [None] * 7


def _req(rows: dict) -> dict:
    return {f"requests.{r}.{c}": v for r, vals in rows.items() for c, v in zip(COLS, vals)}


def _row(table: str, row: str, cols: list[str], vals: list) -> dict:
    return {f"{table}.{row}.{c}": v for c, v in zip(cols, vals)}


def _appeals(vals: list) -> dict:
    ids = [c.id for c in template("2021").cells if c.table == "appeals"]
    return dict(zip(ids, vals))


REQ_2019_ROWS = [r.id for r in template("2019").table("requests").rows]
REQ_2021_ROWS = [r.id for r in template("2021").table("requests").rows]
A19 = {"regulations": ["made", "published", "total_published"], "normative_docs": ["made", "published", "total_published"],
       "licensing": ["prev_items", "change", "decisions"], "other_services": ["prev_items", "change", "decisions"],
       "penalty": ["prev_items", "change", "decisions"], "enforcement": ["prev_items", "change", "decisions"],
       "fees": ["prev_items", "change"], "procurement": ["items", "amount"]}


def _findings(report, rule):
    return [f for f in report.findings if f.rule == rule]


def _blank_cells(report):
    return {c.cell for f in report.findings if f.rule in ("F1", "F2", "F3") for c in f.cells}


def test_seed_000_every_cell(seeds):
    r = read(seeds["000"])[0]
    assert r.format == "2019"
    expected = {}
    for row, vals in [("regulations", [0, 0, 0]), ("normative_docs", [0, 0, 0]), ("licensing", [0, 0, 0]),
                      ("other_services", [0, 0, 0]), ("penalty", [2, 0, 4]), ("enforcement", [0, 0, 0]),
                      ("fees", [None, None]), ("procurement", [None, None])]:
        expected.update(_row("active", row, A19[row], vals))
    # 三（一）…三（六）: six values for seven columns (or one gap at an edge) -> blank + F3
    req = {row: N7 for row in REQ_2019_ROWS}
    req.update(received=Z7, carried_over=Z7, handled_total=Z7, carried_forward=Z7)
    expected.update(_req(req))
    expected.update(_appeals([0] * 15))
    assert r.cells == expected
    f3 = _findings(r, "F3")
    f3_rows = {f.cells[0].cell.rsplit(".", 1)[0] for f in f3}
    assert f3_rows == {"active.fees", "active.procurement"} | {
        f"requests.{row}" for row in REQ_2019_ROWS if row not in ("received", "carried_over", "handled_total", "carried_forward")}
    other = next(f for f in f3 if f.cells[0].cell.startswith("requests.other."))
    assert "第74行" in other.where and "000_1cda018db4f6af73.txt" in other.where and other.severity == "error"
    fees = next(f for f in f3 if f.cells[0].cell.startswith("active.fees"))
    assert "第43行" in fees.where and "3 个数值" in fees.message and "2 列" in fees.message
    assert not _findings(r, "F1") and not _findings(r, "F4")
    assert _blank_cells(r) == {k for k, v in expected.items() if v is None}


def test_seed_001_every_cell(seeds):
    r = read(seeds["001"])[0]
    assert r.format == "2019"
    expected = {}
    for row, cols in A19.items():
        expected.update(_row("active", row, cols, [0] * len(cols)))
    expected.update(_req({row: Z7 for row in REQ_2019_ROWS}))
    expected.update(_appeals([None] * 5 + [0] * 10))
    assert r.cells == expected
    # the procurement amount printed "0 元" is 0, in 元, reported at severity info
    assert r.cell_meta["active.procurement.amount"]["unit"] == "元"
    (f2,) = _findings(r, "F2")
    assert f2.severity == "info" and f2.cells[0].cell == "active.procurement.amount" and "0 元" in f2.message
    assert "第55行" in f2.where
    (f1,) = _findings(r, "F1")
    assert [c.cell for c in f1.cells] == [f"appeals.count.review.{c}" for c in
                                          ("upheld", "corrected", "other", "pending", "total")]
    assert "第96行" in f1.where
    assert not _findings(r, "F3") and not _findings(r, "F4")
    # the label fragment "⇥申请⇥⇥⇥…" (line 85) continued 4.无正当理由大量反复申请 and is no row of its own
    assert r.locate("requests.not_processed.confirmation.total") == "第86行"
    assert r.locate("requests.not_processed.excessive.natural_person") == "第83行"


def test_seed_003_every_cell(seeds):
    r = read(seeds["003"])[0]
    assert r.format == "2021"
    expected = {
        "active.regulations.issued": 0, "active.regulations.repealed": 0, "active.regulations.in_force": 0,
        "active.normative_docs.issued": 0, "active.normative_docs.repealed": 2, "active.normative_docs.in_force": 1,
        "active.licensing.decisions": 2483, "active.penalty.decisions": 0, "active.enforcement.decisions": 0,
        "active.fees.amount_wan": 1944.0495,
    }
    req = {row: Z7 for row in REQ_2021_ROWS}
    one = [1, 0, 0, 0, 0, 0, 1]
    req.update(received=[3, 0, 0, 0, 0, 0, 3], granted=one, handled_total=[3, 0, 0, 0, 0, 0, 3],
               **{"unavailable.not_held": one, "not_processed.petition": one,
                  "not_processed.publication": N7, "other.unpaid_fee": N7, "other.other": N7})
    expected.update(_req(req))
    expected.update(_appeals([0] * 15))
    assert r.cells == expected
    assert r.cell_meta["active.fees.amount_wan"]["decimals"] == 4
    f1 = _findings(r, "F1")
    assert {f.cells[0].cell.rsplit(".", 1)[0] for f in f1} == {
        "requests.not_processed.publication", "requests.other.unpaid_fee", "requests.other.other"}
    assert all(len(f.cells) == 7 for f in f1)
    assert [f.where.split()[-1] for f in f1] == ["第66行", "第70行", "第71行"]
    assert not _findings(r, "F3") and not _findings(r, "F2") and not _findings(r, "F4")
    assert r.locate("active.fees.amount_wan") == "第39行"


def test_prose_only_seed_has_no_cells_and_no_table_findings(seeds):
    # 002 has no table at all; whether it gets F4 depends on the data year the prose gives. An error,
    # as `xxgk rules` lists F4 (was a warning: a report with nothing checked exited 0)
    r = read(seeds["002"])[0]
    assert r.cells == {} or all(v is None for v in r.cells.values())
    f4 = _findings(r, "F4")
    assert all(f.severity == "error" for f in f4) and len(f4) <= 1
    if r.year is not None and r.year >= 2019:
        assert len(f4) == 1 and "图片或附件" in f4[0].message


# --- other text layouts and encodings ---------------------------------------------------------
from official import all_rows, values_for  # noqa: E402


def _write(path, rows, sep, encoding="utf-8", title="某局2021年政府信息公开工作年度报告"):
    lines = [title, ""] + [sep.join(r) for r in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def test_pipe_separated_rows(tmp_path):
    vals = values_for("2021")
    rows = [[f" {c} " for c in r] for r in all_rows("2021", vals)]
    p = tmp_path / "pipes.txt"
    p.write_text("\n".join("|" + "|".join(r) + "|" if len(r) > 1 else r[0] for r in rows)
                 + "\n|---|---|---|\n", encoding="utf-8")
    r = read(p)[0]
    assert r.cells == vals and not r.findings


def test_pdftotext_layout_columns(tmp_path):
    vals = values_for("2019")
    # pdftotext -layout: cells padded with runs of spaces, blank cells vanish, labels keep single spaces
    rows = [[c for c in r if c] for r in all_rows("2019", vals)]
    rows = [[("自 然 人" if c == "自然人" else c) for c in r] for r in rows]
    p = _write(tmp_path / "layout.txt", rows, "    ")
    r = read(p)[0]
    assert r.format == "2019" and r.cells == vals and not r.findings


def test_gbk_and_bom_files_read_like_utf8(tmp_path):
    vals = values_for("2021")
    rows = all_rows("2021", vals)
    for name, enc in (("gbk.txt", "gbk"), ("gb18030.txt", "gb18030"), ("bom.txt", "utf-8-sig"), ("utf16.txt", "utf-16")):
        r = read(_write(tmp_path / name, rows, "\t", encoding=enc))[0]
        assert r.cells == vals and not r.findings, name


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="needs LibreOffice and poppler's pdftotext")
def test_real_pdftotext_layout_of_the_filled_template(tmp_path):
    """The official 2021 template filled in Word, printed to PDF by LibreOffice, turned to text by
    `pdftotext -layout`: wrapped labels push a row's numbers onto two lines, and numbers stand a
    single space after a label; every cell still reads back."""
    from docfill import fill_2021, to_pdf
    vals = values_for("2021")
    pdf = to_pdf(fill_2021(vals, tmp_path / "filled.docx"), tmp_path)
    txt = tmp_path / "filled.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(txt)], check=True, timeout=60)
    r = read(txt)[0]
    assert r.format == "2021" and r.cells == vals and r.findings == []
