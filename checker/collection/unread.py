"""The `未导入` sheet of a collection workbook: the inputs that could not be read when it was made
(`xxgk import`, or `xxgk check 文件夹 --annotate`: a .doc, a broken PDF, a file that vanished), one
row each, 文件 | 原因. Without it a collection of 197 reports out of 200 looked whole once stderr
was gone. Checking the workbook (`xxgk check 汇总.xlsx`, the Excel button) says them again as F5:
those reports were never checked. A reviewer who has dealt with one deletes its row (or the sheet).
The sheet is untrusted input like any other: what its cells say is quoted, cut to `SHOWN` characters.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Finding
from . import UNREAD_SHEET

__all__ = ["COLUMNS", "INTRO", "UNREAD_SHEET", "carried", "rows", "is_unread_sheet"]

COLUMNS = ("文件", "原因")
SHOWN = 300         # characters of a cell quoted in a finding
HEADER_ROWS = 3     # the header row is looked for this far down (the writer puts it second)
INTRO = "以下文件汇总时无法读取，不在本汇总工作簿中，也未做任何核对。处理好后可删去该行。"


def rows(failures: list[Finding]) -> list[list[str]]:
    """The sheet's rows below its header: each failure's file (as the workbook names it) and reason
    (its message without the file name in front, which the 文件 column already gives)."""
    out = []
    for f in failures:
        source = f.source or ""
        reason = f.message[len(source):].lstrip("：") if source and f.message.startswith(source) else f.message
        out.append([source, reason])
    return out


def carried(book: Path, values: list[list]) -> list[Finding]:
    """The F5s of the rows of a `未导入` sheet (its values as read: header row first)."""
    from ..readers import unreadable
    out: list[Finding] = []
    start = next((i for i, r in enumerate(values[:HEADER_ROWS]) if _is_header(r)), None)
    if start is None:
        return out
    for n, row in enumerate(values[start + 1:], start + 2):
        cells = [_text(v) for v in (list(row) + ["", ""])[:2]]
        if not any(cells):
            continue
        file, reason = cells
        detail = f"汇总时无法读取“{file or '（未写文件名）'}”" + (f"（{reason.rstrip('。')}）" if reason else "") + \
            "，这份输入不在汇总工作簿中，未做任何核对。"
        out.append(unreadable(book, detail, f"工作表“{UNREAD_SHEET}”第{n}行"))
    return out


def is_unread_sheet(values: list[list]) -> bool:
    """Whether a sheet named `未导入` holds our list (its header row near the top), not an office's own."""
    return any(_is_header(r) for r in values[:HEADER_ROWS])


def _is_header(row) -> bool:
    return {str(v).strip() for v in row if v is not None} >= set(COLUMNS)


def _text(value) -> str:
    text = "" if value is None else str(value).strip()
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"
