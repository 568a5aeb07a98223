"""checker/readers/document.py: the steps every reader shares (`Document` -> `to_report`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.model import Report
from checker.readers import ReadError, read_path
from checker.readers.document import Document, file_bytes, to_report
from checker.readers.grid import GridCell, detect_format, read_tables

from official import all_rows, values_for

TITLE = "道里区发展和改革局 2020 年政府信息公开工作年度报告"


def test_file_bytes_reads_the_file(tmp_path):
    p = tmp_path / "报告.txt"
    p.write_bytes("申请 3 件".encode("gb18030"))
    assert file_bytes(p) == "申请 3 件".encode("gb18030")


@pytest.mark.parametrize("suffix", [".txt", ".html", ".pdf"])
def test_a_file_that_cannot_be_opened_is_named_in_chinese(tmp_path, suffix):
    """A folder named like a report (or a file without read permission) cannot be opened: each
    document reader says so the same way, and through `read_path` it becomes one F5 finding."""
    p = tmp_path / f"报告{suffix}"
    p.mkdir()
    with pytest.raises(ReadError) as e:
        file_bytes(p)
    assert e.value.message == f"文件“报告{suffix}”无法打开：Is a directory。"
    module = {".txt": "text", ".html": "html", ".pdf": "pdf"}[suffix]
    reader = __import__(f"checker.readers.{module}", fromlist=["read"])
    with pytest.raises(ReadError) as again:
        reader.read(p)
    assert again.value.message == e.value.message


def _grid(rows: list[list[str]]) -> list[list[GridCell]]:
    return [[GridCell(t, n, i) for i, t in enumerate(r, 1)] for n, r in enumerate(rows, 1)]


def test_the_prose_year_decides_a_format_the_labels_leave_open():
    """The first rows of the requests table and the appeals table are printed alike in 2019 and
    2021: the prose is read first, so its year (2020) picks the 2019 template; reading the tables
    first would have guessed 2021."""
    official = all_rows("2021", values_for("2021"))
    printed = official[15:21] + official[44:]
    rows = _grid([[TITLE]] + printed)
    assert detect_format(rows) is None
    lines = [TITLE] + ["\t".join(r) for r in printed]
    report = to_report(Document(source="t.html", where="t.html", style="html", rows=rows, lines=lines))
    assert (report.unit, report.year, report.format) == ("道里区发展和改革局", 2020, "2019")
    assert report.get("requests.received.total") == values_for("2021")["requests.received.total"]
    assert report.get("appeals.count.review.total") == values_for("2021")["appeals.count.review.total"]

    tables_first = Report(source="t.html", location_style="html")
    read_tables(rows, tables_first, "t.html")
    assert tables_first.format == "2021"


def test_missing_tables_are_reported_after_reading(tmp_path):
    """`finish` runs last: a 2021 report with its appeals table gone has one F4 naming that table,
    the same through the text reader and through the shared step on the same rows and lines."""
    from checker.readers.text import decode, rows_of
    src = Path(__file__).resolve().parents[1] / "fixtures" / "F4" / "fail" / "report.txt"
    lines = decode(src.read_bytes(), src.name).splitlines()
    report = to_report(Document(source=str(src), where=src.name, style="text", rows=rows_of(lines), lines=lines))
    [f4] = [f for f in report.findings if f.rule == "F4"]
    assert "政府信息公开行政复议、行政诉讼情况" in f4.message
    via_reader = read_path(src)
    assert via_reader.reports[0].cells == report.cells
    assert [f.message for f in via_reader.reports[0].findings] == [f.message for f in report.findings]


# --- one pipeline: every reader is a row producer, `to_report` does the rest ----------------------

CHECKER = Path(__file__).resolve().parents[2] / "checker"
ARCHITECTURE = CHECKER.parent / "docs" / "architecture.md"


def test_only_the_pipeline_makes_reports():
    """No reader makes a Report, reads tables or analyses prose itself: that is `to_report`'s (the
    pipeline is one path). The prose package and the grid's own entry point are where those live."""
    import re
    makers = {}
    for path in CHECKER.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for what in re.findall(r"\b(Report\(|read_lines\(|read_tables\(|analyse\()", text):
            makers.setdefault(what, set()).add(str(path.relative_to(CHECKER)))
    # (and the sharded check's main process, which makes each stand-in of a report a worker read through
    # the pipeline from the fields it sent: `shard._stand_in`, no reading of its own)
    assert makers["Report("] == {"readers/document.py", "shard.py"}
    assert makers["read_lines("] == {"readers/document.py", "readers/grid.py"}
    assert makers["read_tables("] == {"readers/grid.py"}
    assert makers["analyse("] == {"readers/document.py", "prose/__init__.py"}


def _architecture_example() -> str:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text[text.index("## From a file to a Report"):]
    return section[section.index("```python\n") + 10:section.index("\n```", section.index("```python"))]


def test_the_row_producer_in_the_architecture_doc_reads_a_report(tmp_path):
    """The doc's smallest row producer (a CSV export of the tables) is real: run as printed, it
    reads every cell, the unit and the year."""
    import csv
    scope: dict = {}
    exec(compile(_architecture_example(), str(ARCHITECTURE), "exec"), scope)
    vals = values_for("2021")
    p = tmp_path / "报告.csv"
    with open(p, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([["道里区发展和改革局2022年政府信息公开工作年度报告"]] + all_rows("2021", vals))
    (report,) = scope["read"](p)
    assert (report.unit, report.year, report.format) == ("道里区发展和改革局", 2022, "2021")
    assert report.cells == vals and report.findings == []


def _partial_tables(tmp_path, year: int | None, kind: str) -> Path:
    """The first rows of table 三 and table 四, printed alike in 2019 and 2021, under a title."""
    official = all_rows("2021", values_for("2021"))
    printed = official[15:21] + official[44:]
    title = f"道里区发展和改革局 {year} 年政府信息公开工作年度报告"
    p = tmp_path / f"r.{kind}"
    if kind == "txt":
        p.write_text("\n".join([title] + ["\t".join(r) for r in printed]), encoding="utf-8")
    elif kind == "html":
        p.write_text(f"<html><body><h1>{title}</h1><table>" + "".join(
            "<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in printed) + "</table></body></html>",
            encoding="utf-8")
    elif kind == "docx":
        import docx
        d = docx.Document()
        d.add_paragraph(title)
        t = d.add_table(rows=len(printed), cols=max(map(len, printed)))
        for i, r in enumerate(printed):
            for j, c in enumerate(r):
                t.cell(i, j).text = c
        d.save(str(p))
    else:
        import openpyxl
        wb = openpyxl.Workbook()
        wb.active.cell(1, 1, title)
        for i, r in enumerate(printed, 3):
            for j, c in enumerate(r, 1):
                wb.active.cell(i, j, c)
        wb.save(p)
    return p


@pytest.mark.parametrize("kind", ["txt", "html", "docx", "xlsx"])
@pytest.mark.parametrize("year, fmt", [(2020, "2019"), (2022, "2021"), (2017, "2021")])
def test_every_reader_decides_an_open_format_alike(tmp_path, kind, year, fmt):
    """Rows whose labels leave 2019/2021 open: the prose's year decides, in every rendition (before
    the one pipeline, Word guessed 2021 for a 2020 report). A pre-2019 year cannot make rows of
    these tables legacy ones: they are read as 2021, guessed, and not dropped (a web page lost them)."""
    (report,) = read_path(_partial_tables(tmp_path, year, kind)).reports
    assert (report.unit, report.year, report.format) == ("道里区发展和改革局", year, fmt)
    vals = values_for("2021")
    assert report.get("requests.received.total") == vals["requests.received.total"]
    assert report.get("appeals.count.review.total") == vals["appeals.count.review.total"]
    assert {f.unit for f in report.findings} == {"道里区发展和改革局"}   # the text reader's redo left them unnamed


def test_a_workbook_is_read_by_its_labels_like_its_text(tmp_path):
    """A workbook whose title gives a year of the other template (2020 over 2021 tables) is read by
    its labels, as the same tables in text are: before, the title's year chose 2019 and lost rows."""
    import openpyxl
    vals = values_for("2021")
    rows = [["道里区发展和改革局2020年政府信息公开工作年度报告"]] + all_rows("2021", vals)
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append([float(c) if c.replace(".", "").isdigit() else c for c in r])
    wb.save(tmp_path / "r.xlsx")
    (tmp_path / "r.txt").write_text("\n".join("\t".join(r) for r in rows), encoding="utf-8")
    (book,) = read_path(tmp_path / "r.xlsx").reports
    (text,) = read_path(tmp_path / "r.txt").reports
    assert (book.year, book.format) == (text.year, text.format) == (2020, "2021")
    assert book.cells == text.cells == vals


def test_a_legacy_table_in_text_is_read_as_in_a_workbook(tmp_path):
    """A pre-2019 report's 统计表 printed as text rows is read as the workbook reader reads it (before
    the one pipeline, text took only the figures its sentences state)."""
    import openpyxl
    rows = [["某某局2017年政府信息公开工作年度报告"], ["二、统计表"], ["主动公开政府信息数", "120"],
            ["收到申请数", "5"], ["同意公开答复数", "3"]]
    (tmp_path / "r.txt").write_text("\n".join("\t".join(r) for r in rows), encoding="utf-8")
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(tmp_path / "r.xlsx")
    (text,) = read_path(tmp_path / "r.txt").reports
    (book,) = read_path(tmp_path / "r.xlsx").reports
    assert text.format == book.format == "legacy"
    assert text.cells == book.cells == {"legacy.active.total": 120, "legacy.requests.received": 5,
                                        "legacy.requests.granted": 3}
    assert text.locate("legacy.requests.received") == "第4行"
