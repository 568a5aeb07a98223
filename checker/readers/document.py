"""The one reader pipeline: every reader produces a `Document`, and `to_report` makes it a Report.

A reader's own work is to turn a file into rows of printed cells (`GridCell`: text, row, column,
part, and layout hints) and the lines of its prose. Everything after that is the same for text,
Word, workbook, PDF and web page, and happens here, in this order:

1. the rows become printed rows: label cells, then value cells (`grid.table_lines`);
2. the format: a vote of the labels only one template prints (column headers, the 2021 sub-rows;
   a lone （六）其他处理 row of values weakly, since 2021 reports print it so too) and, when the
   labels leave it close, of the data year (the one the reader knows, else the one the prose
   gives, else the fallback): 2019/2020 is 2019, later 2021, earlier legacy (`grid.format_of`); rows of the 2019/2021 tables with no year to tell (or an
   earlier one, which cannot have them) are read as 2021, guessed (`grid.format_by_year`);
   a report whose rows did not fit (F3/F4), whose labels are of both generations, or whose format is
   not its data year's is asked whether 表二 and 表三 are of two generations; if so it is read again,
   each table in its own, the report in the data year's (`generations.py`);
3. the tables: rows matched to the template by their labels, cells placed, F1-F3 for blank,
   misprinted and unplaceable cells, F4 for rows a table lacks (`grid.read_lines`);
4. the prose: unit, year, period, signature, figures stated in sentences (`prose.analyse`), then
   the fallback unit and year where the prose names none;
5. finishing: tables the report lacks (F4), findings stamped with unit and year (`presence.finish`).
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from ..model import Report
from ..templates import format_for_year
from . import ReadError, generations, path_name
from .grid import GridCell, finish, format_by_year, format_of, format_votes, labels_decide, read_lines, table_lines
from .legacy_table import lost_spaces, name_unsplit, read_flat
from .multireport import split


def file_bytes(path: Path | str, fd: int | None = None, size: int = -1) -> bytes:
    """The file's bytes, read with the os calls `Path.read_bytes` makes (open, fstat, read to the
    end) without its file objects: a few µs a report, and the same bytes and errors. `fd`: the file
    opened already by the caller, who closes it (`readers.read_path`), and `size` its fstat size."""
    try:
        opened = os.open(path, os.O_RDONLY | _BINARY) if fd is None else fd
        try:
            chunks = []
            # the whole file in one read, then the empty one at its end
            want = (os.fstat(opened).st_size if size < 0 else size) + 1
            while chunk := os.read(opened, want):
                chunks.append(chunk)
                want = 1 << 20
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)
        finally:
            if fd is None:
                os.close(opened)
    except OSError as e:
        raise ReadError(f"文件“{path_name(path)}”无法打开：{e.strerror or e}。") from None


_BINARY = getattr(os, "O_BINARY", 0)     # Windows opens in text mode unless told


@dataclass
class Document:
    """What every reader produces: the rows of printed cells and the prose, with where they came from."""
    source: str                       # the file (Report.source)
    where: str                        # how findings name the file (its name)
    style: str                        # how a place prints (Report.location_style): text, html, page, docx, sheet
    rows: Sequence[Sequence[GridCell]]   # every printed row, tables and text alike, in reading order
    lines: list[str] | None           # the prose, one line a string; None: the document has none to read
    parts: list[str] = field(default_factory=list)   # what GridCell.part indexes: pages, tables, sheets
    place: str | None = None          # where in `source` the report is (a collection sheet), if not all of it
    known: dict[str, Any] = field(default_factory=dict)     # metadata the reader read itself (a collection
                                      # sheet's header block): Report fields, `format`, `facts`; set first
    fallback: dict[str, Any] = field(default_factory=dict)  # unit/year where the prose names none
                                      # (a workbook's sheet name or file name)


def to_reports(doc: Document, text: str | None = None) -> list[Report]:
    """The reports a document holds: one, or each of several reports bundled in one file, read
    apart (`multireport`). `text`: the document's whole text where the reader has it."""
    return [to_report(part) for part in split(doc, text)]


def to_report(doc: Document, mix: generations.Mixed | None = None) -> Report:
    """The Report a document holds, in the steps the module names. `mix`: 表二 and 表三 were found
    to be of two template generations (`generations.mixed`): each is read in its own."""
    report = Report(source=doc.source, location_style=doc.style, parts=doc.parts, place=doc.place)
    _known(report, doc.known)
    lines = table_lines(doc.rows)
    both = False       # labels only the 2019 and only the 2021 tables print, both found
    if mix is not None:
        report.set_format(mix.main)
        side = Report(source=doc.source, location_style=doc.style, parts=doc.parts, place=doc.place)
        side.set_format(mix.generation)       # the odd table's reading
        generations.read_mixed(lines, report, side, doc.where, mix, read_lines)
    else:
        if report.format is None:
            fmt, both = _format(doc, report, lines)
            if fmt is not None:
                report.set_format(fmt)
        read_lines(lines, report, doc.where)
    # rows that did not fit the format (F3/F4) may be a table of the other generation
    misfit = mix is None and (both or any(f.rule in ("F3", "F4") for f in report.findings))
    del lines   # the split rows, kept alive through the prose, made its garbage collections slower (10–20 %)
    if doc.lines is not None:
        unsplit: list = []
        prose = doc.lines
        if report.format == "legacy":
            if not report.facts.get("tables_found") and read_flat(doc.lines, report, doc.where, unsplit):
                report.facts["tables_found"] = ["legacy"]   # a 统计表 a crawler flattened into the text
            prose = lost_spaces(doc.lines)   # a legacy report's cells are mostly its prose's figures
        _prose().analyse(prose, report)
        if unsplit:
            name_unsplit(report, unsplit)
        if not report.facts.get("tables_found") and is_notice(doc.lines):
            report.facts["notice"] = True     # about the reports, not one (`presence.finish` refuses it)
    for name, value in doc.fallback.items():
        if getattr(report, name) is None:
            setattr(report, name, value)
    if mix is None and report.format in ("2019", "2021") and "format" not in doc.known and (
            misfit or (report.year is not None and format_for_year(report.year) != report.format)):
        mix = generations.mixed(table_lines(doc.rows), report.year)
        if mix is not None:      # read again from the start (the prose's cells depend on the format)
            return to_report(doc, mix)
    finish(report, doc.where)
    return report


# A notice's own words (`现就有关事项通知如下`, `现就做好2021年度政府信息公开工作年度报告编制发布工作通知如下`,
# `特此通知`): no report says them of itself, a notice asking for the reports does (its title and prose name
# the year's report, so that the prose reads a body and a year from it).
_NOTICE = re.compile(r"通知如下|特此通知")


def is_notice(lines: list[str]) -> bool:
    """The text is a notice (通知) about the reports, not a report: it says `…通知如下` or `特此通知`."""
    return any(map(_NOTICE.search, lines))


@cache
def _prose() -> ModuleType:
    """`checker.prose`, imported on first use: a cached look-up a report, where `from ..prose import
    analyse` ran importlib's Python `_handle_fromlist` for the package each time (~1.4 µs)."""
    from .. import prose
    return prose


def _format(doc: Document, report: Report, lines: list) -> tuple[str | None, bool]:
    """Step 2 of the module: the template the rows are read with (None: no table to read), and
    whether labels only one generation prints were found of both (the tables may differ)."""
    votes = format_votes(lines)       # one pass over the rows, for both decisions below
    both = votes[0] >= 1 and votes[1] >= 1
    fmt = labels_decide(votes)
    if fmt is not None:
        return fmt, both
    # the labels leave it close (or open): the data year votes too
    year = _year(doc, report)
    fmt = format_of(lines, year, votes)
    if fmt is not None:
        return fmt, both
    return format_by_year(lines, year, report.facts), both


def _year(doc: Document, report: Report) -> int | None:
    """The data year where known: the reader's, else the prose's, else the fallback's."""
    year = report.year
    if year is None and doc.lines is not None:
        from ..prose import data_year
        year = data_year(doc.lines)
    if year is None:
        year = doc.fallback.get("year")
    return year


def _known(report: Report, known: dict[str, Any]) -> None:
    for name, value in known.items():
        if name == "format":
            report.set_format(value)
        elif name == "facts":
            report.facts.update(value)
        else:
            setattr(report, name, value)
