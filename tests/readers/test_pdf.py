"""The PDF reader on PDFs made here: the project's 2021 Word template filled with known values
(python-docx), converted by LibreOffice headless, read back and compared cell by cell."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from docfill import fill_2021, soffice, to_pdf  # noqa: E402
from official import assert_reads_like_text, values_for  # noqa: E402

from bench.runtogether_share import random_requests  # noqa: E402
from checker.readers import read_path  # noqa: E402
from checker.readers import pdf as pdf_reader  # noqa: E402
from checker.templates import template  # noqa: E402

pytestmark = pytest.mark.skipif(soffice() is None, reason="需要 LibreOffice（make system 安装）把 .docx 转成 PDF")

TITLE = "某市某区财政局2021年政府信息公开工作年度报告"
COLS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Three PDFs: the full template over two pages (requests table split by a page break, `-N-`
    footers); one with a run-together row; one with a blank cell and a `/`."""
    d = tmp_path_factory.mktemp("pdf")
    vals = values_for("2021")
    split = to_pdf(fill_2021(vals, d / "split.docx", title=TITLE, pad_before_requests=14, footer=True,
                             header="某市某区财政局政务公开办公室"), d)

    consistent = {}
    table = random_requests(random.Random(5), "2021", "medium")
    for rid, row in table.items():
        consistent.update({f"requests.{rid}.{c}": v for c, v in zip(COLS, row)})
    rt_vals = {**vals, **consistent}
    runtog = to_pdf(fill_2021(rt_vals, d / "runtogether.docx", title=TITLE, runtogether={"received", "granted"}), d)

    odd = dict(vals)
    odd["requests.granted.research"] = None
    odd["appeals.count.review.pending"] = "/"
    bad = to_pdf(fill_2021(odd, d / "odd.docx", title=TITLE), d)
    return {"dir": d, "vals": vals, "split": split, "runtogether": runtog, "rt_vals": rt_vals, "odd": bad, "odd_vals": odd}


def test_every_cell_reads_back_across_the_page_break(made):
    [r] = pdf_reader.read(made["split"])
    assert r.format == "2021"
    assert r.cells == made["vals"], {k: (r.cells.get(k), v) for k, v in made["vals"].items() if r.cells.get(k) != v}
    assert r.findings == []
    # the requests table really is split: its rows sit on two pages
    pages = {r.locate(f"requests.{rid}.total").split("第")[1] for rid in
             ("received", "unavailable.needs_creation", "unavailable.unclear", "carried_forward")}
    assert len(pages) == 2, pages


def test_locations_name_page_and_line(made):
    [r] = pdf_reader.read(made["split"])
    assert r.location_style == "page"
    assert r.parts[:2] == ["第1页", "第2页"]
    loc = r.locate("active.regulations.issued")
    assert loc.startswith("第1页第") and loc.endswith("行")
    assert all(r.locate(c) for c in r.cells)


def test_page_headers_and_footers_are_not_read(made):
    import pdfplumber
    with pdfplumber.open(made["split"]) as pdf:
        printed = [page.extract_text().splitlines() for page in pdf.pages]
        # the PDF prints them on every page...
        assert {"-1-", "-2-"} <= {lines[-1].strip() for lines in printed}
        assert all(lines[0].strip() == "某市某区财政局政务公开办公室" for lines in printed)
        pages = [pdf_reader._page_items(page) for page in pdf.pages]
    pdf_reader._drop_running_heads(pages)
    texts = {t for items in pages for it in items for t, _ in it.cells}
    # ...the reader leaves them out, and keeps the report's own title
    assert not {"-1-", "-2-", "-3-", "某市某区财政局政务公开办公室"} & texts
    assert TITLE in {t.replace(" ", "") for t in texts}


def test_prose_gives_unit_and_year(made):
    [r] = pdf_reader.read(made["split"])
    assert r.unit == "某市某区财政局"
    assert r.year == 2021


def test_run_together_rows_are_decoded_in_a_pdf(made):
    [r] = pdf_reader.read(made["runtogether"])
    want = made["rt_vals"]
    for rid in ("received", "granted"):
        for c in COLS:
            assert r.get(f"requests.{rid}.{c}") == want[f"requests.{rid}.{c}"], (rid, c)
        assert r.cell_meta[f"requests.{rid}.total"]["runtogether"] is True
    assert r.cells == want
    assert not [f for f in r.findings if f.rule == "F3"]


def test_blank_and_unreadable_cells_are_findings_not_zero(made):
    [r] = pdf_reader.read(made["odd"])
    assert r.cells["requests.granted.research"] is None
    assert r.cells["appeals.count.review.pending"] is None
    f1 = [f for f in r.findings if f.rule == "F1"]
    f2 = [f for f in r.findings if f.rule == "F2"]
    assert [c.cell for c in f1[0].cells] == ["requests.granted.research"]
    assert f2[0].actual == "/" and "第" in f2[0].where and "odd.pdf" in f2[0].where
    others = {k: v for k, v in made["odd_vals"].items() if k not in ("requests.granted.research", "appeals.count.review.pending")}
    assert all(r.cells[k] == v for k, v in others.items())


@pytest.mark.parametrize("content, words", [
    (b"", "空文件"),
    (b"PK\x03\x04 not a pdf at all", "不是 PDF"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n", "无法读取"),
])
def test_bad_files_are_f5_with_the_file_named(tmp_path, content, words):
    p = tmp_path / "坏文件.pdf"
    p.write_bytes(content)
    res = read_path(p)
    assert not res.reports
    [f] = res.failures
    assert f.rule == "F5" and "坏文件.pdf" in f.message and words in f.message


def test_truncated_pdf_is_f5(made, tmp_path):
    data = made["split"].read_bytes()
    p = tmp_path / "半截.pdf"
    p.write_bytes(data[: len(data) // 3])
    res = read_path(p)
    # a truncated file either fails cleanly or yields what its surviving pages hold: never a crash
    assert res.failures or res.reports
    for f in res.failures:
        assert f.rule == "F5" and "半截.pdf" in f.message and "意外错误" not in f.message


def test_extract_cli_accepts_pdf(made):
    import json
    from checker.cli import app
    out = CliRunner().invoke(app, ["extract", str(made["split"]), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    [rep] = data["reports"]
    assert rep["cells"]["requests.received.total"] == made["vals"]["requests.received.total"]
    assert rep["locations"]["requests.received.total"].startswith("第2页")


@pytest.mark.parametrize("seed", ["000", "001"])
def test_collection_workbook_printed_to_pdf_reads_back(seeds, tmp_path, seed):
    """A real seed, read by the text reader, written by the project's workbook writer, printed to
    PDF by LibreOffice (fit to the page width, as an office prints a wide sheet): same cells."""
    import openpyxl
    from checker.readers.text import read as read_text
    from checker.workbook.importer import import_reports
    xlsx = tmp_path / f"{seed}.xlsx"
    import_reports([seeds[seed]], xlsx)
    wb = openpyxl.load_workbook(xlsx)
    for ws in wb.worksheets:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    wb.save(xlsx)
    [want] = read_text(seeds[seed])
    [got] = pdf_reader.read(to_pdf(xlsx, tmp_path))
    assert (got.format, got.unit, got.year) == (want.format, want.unit, want.year)
    assert got.cells == want.cells
    # cells the seed left unreadable were written blank: the PDF reports them blank (F1), never 0
    blank = {k for k, v in want.cells.items() if v is None}
    assert blank == {c.cell for f in got.findings if f.rule in ("F1", "F3") for c in f.cells}


def test_row_broken_over_a_page_break_is_joined(tmp_path):
    """A tall row (its label three characters a line) pushed onto a page break: its values and the
    label's start on one page, the label's end at the top of the next. Padding is tried around the
    point where it breaks on this machine's fonts until the PDF really has the split row."""
    import pdfplumber
    vals = values_for("2021")
    for pad in (5, 4, 6, 3, 7, 2, 8):
        d = tmp_path / f"p{pad}"
        pdf = to_pdf(fill_2021(vals, d / "tall.docx", title=TITLE, pad_before_requests=pad, footer=True,
                               tall_row="other.no_correction"), d)
        with pdfplumber.open(pdf) as doc:
            pages = [pdf_reader._page_items(p) for p in doc.pages]
        heads = [next((it for it in items if it.cells), None) for items in pages[1:]]
        if any(h is not None and h.table is not None and "逾期不补正" in "".join(t for t, _ in h.cells) for h in heads):
            break
    else:
        pytest.fail("no padding put the tall row over a page break")
    pdf_reader._join_split_rows(pages)
    joined = [it for items in pages for it in items if any("逾期不补正" in t for t, _ in it.cells)]
    assert len(joined) == 1
    texts = [t for t, _ in joined[0].cells]
    assert "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" in texts
    assert texts[-7:] == [str(int(vals[f"requests.other.no_correction.{c}"])) for c in COLS]
    [r] = pdf_reader.read(pdf)
    assert r.cells == vals and r.findings == []


def test_tables_printed_as_text_columns_without_rules(seeds, tmp_path):
    """Seeds printed as text (tabs to tab stops, no ruling lines): cells are cut at the gaps.
    What the print cannot show stays honest: 001's appeals row starts with five blank cells that
    leave no trace on paper, so the row is reported (F3), not shifted; 003's all-blank rows print
    as labels alone, so they are reported missing (F4), never read as 0."""
    from docfill import text_docx
    from checker.readers.text import read as read_text
    got, want = {}, {}
    for s in ("000", "001", "003"):
        pdf = to_pdf(text_docx(seeds[s].read_text(encoding="utf-8"), tmp_path / f"s{s}.docx"), tmp_path)
        [got[s]] = pdf_reader.read(pdf)
        [want[s]] = read_text(seeds[s])
        assert (got[s].format, got[s].unit, got[s].year) == (want[s].format, want[s].unit, want[s].year)
    assert got["000"].cells == want["000"].cells
    appeals = {k for k in want["001"].cells if k.startswith("appeals.")}
    assert {k: v for k, v in got["001"].cells.items() if k not in appeals} == \
        {k: v for k, v in want["001"].cells.items() if k not in appeals}
    assert all(got["001"].cells[k] is None for k in appeals)
    assert any(f.rule == "F3" and "行政复议" in f.message for f in got["001"].findings)
    blank_rows = {k for k, v in want["003"].cells.items() if v is None}
    assert {k: v for k, v in want["003"].cells.items() if k not in blank_rows} == got["003"].cells
    [f4] = [f for f in got["003"].findings if f.rule == "F4"]
    assert "要求提供公开出版物" in f4.message and "3.其他" in f4.message


def test_encrypted_and_text_free_pdfs_are_f5(tmp_path):
    import docx
    enc = to_pdf(fill_2021(values_for("2021"), tmp_path / "加密.docx"), tmp_path, password="secret")
    blank_doc = tmp_path / "扫描件.docx"
    docx.Document().save(str(blank_doc))
    blank = to_pdf(blank_doc, tmp_path)
    [f] = read_path(enc).failures
    assert "加密.pdf" in f.message and "加密" in f.message and "密码" in f.message
    [f] = read_path(blank).failures
    assert "扫描件.pdf" in f.message and "没有可提取的文字" in f.message


def test_check_a_pdf_finds_the_wrong_cell_on_its_page(tmp_path):
    """End to end: a consistent generated report printed to PDF checks clean; the same PDF with one
    cell changed gives the finding on that cell, with its page and line, and the value it should hold."""
    from bench.generate import district
    from checker.check import check_paths
    rep = district(n_units=3, years=(2021,), seed=3).reports[1]
    title = f"{rep.unit}2021年政府信息公开工作年度报告"
    ok = to_pdf(fill_2021(rep.cells, tmp_path / "ok.docx", title=title, pad_before_requests=14), tmp_path)
    assert [f for f in check_paths([ok]).findings if f.severity == "error"] == []
    cell = "requests.granted.natural_person"
    wrong = {**rep.cells, cell: rep.cells[cell] + 3}
    bad = to_pdf(fill_2021(wrong, tmp_path / "bad.docx", title=title, pad_before_requests=14), tmp_path)
    errors = [f for f in check_paths([bad]).findings if f.severity == "error"]
    assert errors and all(f.suspect is not None and f.suspect.cell == cell for f in errors)
    assert errors[0].suggestion == rep.cells[cell]
    assert errors[0].where.startswith(f"{bad} 第") and "页第" in errors[0].where


def test_text_in_a_frame_is_text_not_a_table(tmp_path):
    """A paragraph boxed by a one-cell table (a frame) is prose: its figures reach the prose analysis."""
    import docx
    import pdfplumber
    src = fill_2021(values_for("2021"), tmp_path / "framed.docx", title=TITLE)
    d = docx.Document(str(src))
    anchor = next(p for p in d.paragraphs if p.text.startswith("二、主动公开"))
    frame = d.add_table(rows=2, cols=1)
    _borders(frame)
    frame.cell(0, 0).text = "本年度共收到政府信息公开申请16件，予以公开10件。"
    frame.cell(1, 0).text = "（说明）以上数据截至2021年12月31日。"
    anchor._p.addprevious(frame._tbl)
    d.save(str(src))
    pdf = to_pdf(src, tmp_path)
    with pdfplumber.open(pdf) as doc:
        items = pdf_reader._page_items(doc.pages[0])
    framed = [it for it in items if "本年度共收到政府信息公开申请16件，予以公开10件。" in it.text]
    assert framed and framed[0].table is None
    with pdfplumber.open(pdf) as doc:      # the frame is drawn: pdfplumber does see a (1-column) table
        assert any(max(len(r.cells) for r in t.rows) == 1 for t in doc.pages[0].find_tables())
    [r] = pdf_reader.read(pdf)
    assert r.cells == values_for("2021")


def _borders(table) -> None:
    """Single-line borders on every edge of a python-docx table."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "8")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    pr.append(borders)


@pytest.mark.parametrize("seed", ["002", "004"])
def test_prose_only_seeds_as_pdf_give_the_same_metadata_and_figures(seeds, tmp_path, seed):
    """The two prose-only seeds printed to PDF (paragraphs wrap into page lines): unit, year,
    period, signature date, the prose figures and (004, a 2018 report) the legacy cells agree
    with the text reader's reading of the seed."""
    from docfill import text_docx
    from checker.readers.text import read as read_text
    pdf = to_pdf(text_docx(seeds[seed].read_text(encoding="utf-8"), tmp_path / f"s{seed}.docx"), tmp_path)
    [got] = pdf_reader.read(pdf)
    [want] = read_text(seeds[seed])
    assert got.prose
    assert_reads_like_text(got, want)


def test_header_rows_repeated_on_the_next_page(tmp_path):
    import pdfplumber
    vals = values_for("2021")
    pdf = to_pdf(fill_2021(vals, tmp_path / "rep.docx", title=TITLE, pad_before_requests=14, repeat_header=True), tmp_path)
    with pdfplumber.open(pdf) as doc:
        heads = [p.extract_text().count("申请人情况") for p in doc.pages]
    assert sum(heads) == 2                  # the header really is printed twice
    [r] = pdf_reader.read(pdf)
    assert r.cells == vals and r.findings == []


def test_a_page_that_cannot_be_parsed_is_f5_and_the_others_are_read(made, monkeypatch):
    real = pdf_reader._page_items
    calls = {"n": 0}

    def flaky(page):
        calls["n"] += 1
        if calls["n"] == 1:
            raise ValueError("bad content stream")
        return real(page)

    monkeypatch.setattr(pdf_reader, "_page_items", flaky)
    [r] = pdf_reader.read(made["split"])
    [f5] = [f for f in r.findings if f.rule == "F5"]
    assert f5.where == "split.pdf 第1页" and "ValueError" in f5.message
    # page 1 held table active: lost (and said so); the tables on pages 2-3 are read in full
    assert r.get("requests.carried_forward.total") == made["vals"]["requests.carried_forward.total"]
    assert r.get("appeals.count.review.total") == made["vals"]["appeals.count.review.total"]
    assert r.get("active.regulations.issued") is None


def test_title_set_on_two_lines_gives_the_whole_body_in_the_pdf_and_its_layout_text(tmp_path):
    """A title printed on two lines (`某某市某某区人民政府` / `2023年政府信息公开工作年度报告`), as
    LibreOffice prints it: the unit is the whole body on the first line, never `政府` of
    政府信息公开, both in the PDF and in its `pdftotext -layout` text; with no body above the title,
    the signature names it."""
    import docx
    import shutil
    import subprocess
    from checker.readers.text import read as read_text
    vals = values_for("2021")
    two = fill_2021(vals, tmp_path / "two.docx", title="某某市某某区人民政府")
    d = docx.Document(str(two))
    d.paragraphs[1].text = "2023年政府信息公开工作年度报告"
    d.save(str(two))
    bare = fill_2021(vals, tmp_path / "bare.docx", title="2023年政府信息公开工作年度报告")
    d = docx.Document(str(bare))
    d.paragraphs[1].text = ""
    d.add_paragraph("某某县人民政府办公室")
    d.add_paragraph("2024年1月10日")
    d.save(str(bare))
    for src, unit in ((two, "某某市某某区人民政府"), (bare, "某某县人民政府办公室")):
        pdf = to_pdf(src, tmp_path)
        [r] = pdf_reader.read(pdf)
        assert (r.unit, r.year) == (unit, 2023), pdf.name
        assert r.cells == vals
        if shutil.which("pdftotext"):
            txt = tmp_path / f"{src.stem}.txt"
            subprocess.run(["pdftotext", "-layout", str(pdf), str(txt)], check=True, timeout=60)
            [r] = read_text(txt)
            assert (r.unit, r.year) == (unit, 2023), txt.name


@pytest.mark.parametrize("rules", [True, False], ids=["ruled", "no-rules"])
def test_blank_cells_of_the_official_template_with_and_without_ruling_lines(tmp_path, rules):
    """The official template with a blank first, middle and last cell in table 三 and a blank in
    table 二, printed by LibreOffice with ruling lines (drawn cells) and without (columns only by
    position): read directly and through `pdftotext -layout`, every cell is the printed one — the
    blanks F1 in their own columns — or reported unread; none is ever read as another column's."""
    import subprocess
    import shutil
    from checker.readers.text import read as read_text
    vals = values_for("2021")
    blanks = ["requests.received.natural_person", "requests.granted.research", "requests.denied.state_secret.total",
              "requests.unavailable.not_held.legal_services", "active.regulations.repealed"]
    for b in blanks:
        vals[b] = None
    pdf = to_pdf(fill_2021(vals, tmp_path / "t.docx", title=TITLE, rules=rules), tmp_path)
    readings = {"pdf": pdf_reader.read(pdf)[0]}
    if shutil.which("pdftotext"):
        txt = tmp_path / "t.txt"
        subprocess.run(["pdftotext", "-layout", str(pdf), str(txt)], check=True, timeout=60)
        readings["layout"] = read_text(txt)[0]
    for how, r in readings.items():
        wrong = {k: (r.cells[k], v) for k, v in vals.items() if r.cells[k] is not None and r.cells[k] != v}
        assert not wrong, how
        f1 = {c.cell for f in r.findings if f.rule == "F1" for c in f.cells}
        unread = {c.cell for f in r.findings if f.rule in ("F3", "F4") for c in f.cells}
        assert all(r.cells[k] == v or k in unread for k, v in vals.items() if v is not None), how
        # the middle blank is told by the positions even without rules (read directly), and by the
        # spacing in the layout text of the ruled print (two full rows fit it one way)
        assert (how == "layout" and not rules) or ("requests.granted.research" in f1 and r.cells[
            "requests.granted.natural_person"] == vals["requests.granted.natural_person"]), how
        if rules and how == "pdf":      # the ruled table's drawn cells say every blank
            assert set(blanks) <= f1 and not unread, how


def test_a_blank_row_at_the_top_of_a_page_is_a_row_not_the_end_of_a_label():
    """A ruled row whose cells are all blank (`3.其他` with nothing filled) printed first on a page
    looks like the end of the last row's label broken over the page; its enumerator says it is a
    row of its own, so it is not glued onto the row above."""
    from checker.readers.pdf import _Item, _join_split_rows
    last = _Item(700, 720, [("", 1), ("2.申请人逾期未按收费通知要求缴纳费用", 2), ("1", 3), ("1", 4)], table=0, ncols=4)
    top = _Item(60, 80, [("", 1), ("3.其他", 2), ("", 3), ("", 4)], table=0, ncols=4)
    _join_split_rows([[last], [top]])
    assert top.cells and last.cells[1][0] == "2.申请人逾期未按收费通知要求缴纳费用"
    tail = _Item(60, 80, [("", 1), ("行政机关不再处理", 2), ("", 3), ("", 4)], table=0, ncols=4)
    _join_split_rows([[last], [tail]])
    assert not tail.cells and last.cells[1][0].endswith("缴纳费用行政机关不再处理")


def _zeros_left_empty() -> dict:
    """A 2021 report as many offices fill table 三: every 0 left empty, so most rows print one or
    two numbers (自然人 and 总计), a few another column, one only its 总计; table 二 with a blank
    in the middle of a row and none in the row above it."""
    vals = values_for("2021")
    vals["active.normative_docs.repealed"] = None
    rows = [r.id for r in template("2021").table("requests").rows]
    for k, rid in enumerate(rows):
        for c in COLS:
            vals[f"requests.{rid}.{c}"] = None
        n = k % 9 + 1
        if k % 5 == 3:
            vals[f"requests.{rid}.legal_services"] = n      # a middle column, not 自然人
        elif k % 7 == 5:
            pass                                            # only its 总计
        else:
            vals[f"requests.{rid}.natural_person"] = n
        vals[f"requests.{rid}.total"] = n
    return vals


@pytest.mark.parametrize("rules", [True, False], ids=["ruled", "no-rules"])
def test_rows_printing_one_or_two_numbers_take_the_header_columns(tmp_path, rules):
    """Zeros left empty: rows of one or two numbers with no full row anywhere to borrow column
    positions from. Read directly, the header's column names (wrapped in narrow cells: `自然`/`人`)
    and the numbers' true positions place every number — with or without ruling lines — and the
    empty cells are F1 blanks in their own columns. Through `pdftotext -layout` no cell is ever
    read as another column's; the rows on the header's page are placed by its names."""
    import shutil
    import subprocess
    from checker.readers.text import read as read_text
    vals = _zeros_left_empty()
    pdf = to_pdf(fill_2021(vals, tmp_path / "z.docx", title=TITLE, rules=rules), tmp_path)
    [r] = pdf_reader.read(pdf)
    assert r.cells == vals
    assert not [f for f in r.findings if f.rule in ("F3", "F4")]
    assert {c.cell for f in r.findings if f.rule == "F1" for c in f.cells} == {k for k, v in vals.items() if v is None}
    if shutil.which("pdftotext"):
        txt = tmp_path / "z.txt"
        subprocess.run(["pdftotext", "-layout", str(pdf), str(txt)], check=True, timeout=60)
        [r] = read_text(txt)
        unread = {c.cell for f in r.findings if f.rule in ("F3", "F4") for c in f.cells}
        assert not {k: r.cells[k] for k, v in vals.items() if r.cells[k] != v and k not in unread}
        for rid in ("received", "granted", "denied.state_secret", "unavailable.not_held"):
            assert [r.cells[f"requests.{rid}.{c}"] for c in COLS] == [vals[f"requests.{rid}.{c}"] for c in COLS], rid


def test_a_ruled_row_sits_in_the_drawn_cells_of_a_header_broken_over_a_page(tmp_path):
    """A Word table printed by LibreOffice (bench.renditions' generated report, seed 41 no. 10): the
    requests header breaks over a page (自然人 … 总计 on one page, 商业企业 … 其他 atop the next)
    and 四、结转下年度继续办理 prints a second, empty label cell and an empty 自然人 before its six
    0s. Each cell is placed in the drawn column its extent lies in, the header's columns joined over
    the page break: 自然人 is an F1 blank in its own column, the 0s are read (before: F3, 7 unread)."""
    from bench.renditions import reports, truth, word
    r = reports(30, 41)[10]
    t = truth(r)
    assert t["requests.carried_forward.natural_person"] is None      # the case this test is about
    pdf = to_pdf(word(r, tmp_path / "w.docx"), tmp_path)
    [got] = pdf_reader.read(pdf)
    cols = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")
    ids = [f"requests.carried_forward.{c}" for c in cols]
    assert [got.cells[k] for k in ids] == [t[k] for k in ids]
    assert "requests.carried_forward.natural_person" in {c.cell for f in got.findings if f.rule == "F1" for c in f.cells}
    assert got.cells == {k: v for k, v in t.items()}


def test_a_table_two_row_short_of_its_last_cell_is_read_by_its_cells_and_the_row_order(tmp_path):
    """The official template without ruling lines, 现行有效件数 left empty in 规章 and 行政规范性文件
    (bench.renditions seed 21 no. 45): each row's second number stands between the names of 本年制发件数
    and 本年废止件数, in either cell; the first number can only be 本年制发件数's, so the second is
    本年废止件数's. Read through the CLI: every cell right, the empty ones F1 in their own column."""
    from cli_read import extract_one
    vals = values_for("2021")
    for row in ("regulations", "normative_docs"):
        vals[f"active.{row}.in_force"] = None
    pdf = to_pdf(fill_2021(vals, tmp_path / "t.docx", title=TITLE, rules=False), tmp_path)
    rep = extract_one(pdf)
    for row in ("regulations", "normative_docs"):
        ids = [f"active.{row}.{c}" for c in ("issued", "repealed", "in_force")]
        assert [rep["cells"].get(c) for c in ids] == [vals[c] for c in ids], row
    f1 = {c["cell"] for f in rep["findings"] if f["rule"] == "F1" for c in f["cells"]}
    assert {"active.regulations.in_force", "active.normative_docs.in_force"} <= f1
    assert not [f for f in rep["findings"] if f["rule"] == "F3"]
