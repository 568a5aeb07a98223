"""The steps the document readers (text, HTML, PDF) share: a file's bytes, with a Chinese error
naming it; and a document's rows and lines made into a report, tables and prose in the order that
lets each inform the other."""
from __future__ import annotations

from pathlib import Path

from ..model import Report
from . import ReadError
from .grid import GridCell, detect_format, finish, read_tables, tables_present


def file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise ReadError(f"文件“{path.name}”无法打开：{e.strerror or e}。") from None


def read_rows_and_lines(rows: list[list[GridCell]], lines: list[str], report: Report, where: str) -> Report:
    """Tables from `rows`, prose facts from `lines`, then the missing-table check (`finish`)."""
    from ..prose import analyse
    if detect_format(rows) is None and tables_present(rows):
        analyse(lines, report)    # the labels do not tell 2019 from 2021: the data year has to
        read_tables(rows, report, where)
    else:
        read_tables(rows, report, where)
        analyse(lines, report)
    finish(report, where)
    return report
