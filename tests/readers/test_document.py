"""checker/readers/document.py: the steps the text, HTML and PDF readers share."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.model import Report
from checker.readers import ReadError, read_path
from checker.readers.document import file_bytes, read_rows_and_lines
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
    report = read_rows_and_lines(rows, lines, Report(source="t.html", location_style="html"), "t.html")
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
    report = read_rows_and_lines(rows_of(lines), lines, Report(source=str(src), location_style="text"), src.name)
    [f4] = [f for f in report.findings if f.rule == "F4"]
    assert "政府信息公开行政复议、行政诉讼情况" in f4.message
    via_reader = read_path(src)
    assert via_reader.reports[0].cells == report.cells
    assert [f.message for f in via_reader.reports[0].findings] == [f.message for f in report.findings]
