"""The collection workbook's format: what `xxgk import` writes (checker/workbook/writer.py) and
what reading a workbook back expects (checker/readers/workbook.py, and excel.py in live Excel).

- one sheet per report, laid out like the official tables, starting with a header block: the
  labels `HEADER_FIELDS` in column A, their values in column B (checker/workbook/layout.py draws
  the rest of the sheet);
- the index sheet `单位清单` (unit, parent, year, format, source, sheet);
- when some inputs could not be read, the sheet `未导入` listing them (file, reason: see `unread`);
- hidden sheets of our own, all named `_xxgk…`: the document facts the tables cannot carry
  (`_xxgk_facts`, see `facts`) and the annotation state (`_xxgk`, see checker/annotate/state.py);
- after a check, the `校验结果` and `概览` sheets of findings; where the workbook already has a sheet
  of that name of its own, ours is named apart (`校验结果（xxgk）`, see `apart`) and theirs kept.
A sheet with another name is a report sheet (or, without a header block, part of an office's own
workbook).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..units import Hierarchy

INDEX_SHEET = "单位清单"
UNREAD_SHEET = "未导入"      # the inputs that could not be read when the workbook was made (`unread`)
RESULTS_SHEET = "校验结果"
OVERVIEW_SHEET = "概览"
PRIVATE_PREFIX = "_xxgk"
FACTS_SHEET = PRIVATE_PREFIX + "_facts"
STATE_SHEET = PRIVATE_PREFIX

# The header block; 标题/统计期限/落款日期 carry the documents' metadata (rule M1 reads them).
HEADER_FIELDS = ("单位", "上级单位", "年度", "格式", "来源", "标题", "统计期限", "落款日期")
# the finding pseudo-cells the header block holds (meta.year is the title's year claim)
HEADER_CELLS = {"meta.title": "标题", "meta.year": "标题", "meta.period": "统计期限", "meta.published": "落款日期"}
# where the writer puts each field: under the sheet title in row 1
HEADER_ROWS = {name: 2 + i for i, name in enumerate(HEADER_FIELDS)}
# how far down the reader looks for it: the written rows (2–9) and room for a few rows an office
# inserts above or inside the block
HEADER_SCAN_ROWS = 12


def apart(base: str, n: int) -> str:
    """Our sheet `base` named apart from a workbook's own sheet of that name (which is kept):
    `校验结果（xxgk）`, then `校验结果（xxgk 2）`…"""
    return base + ("（xxgk）" if n == 1 else f"（xxgk {n}）")


_APART = re.compile(f"(?:{RESULTS_SHEET}|{OVERVIEW_SHEET})（xxgk(?: [0-9]+)?）")


def is_reserved(sheet: str) -> bool:
    """A sheet of the format itself (index, results, our hidden sheets), never a report sheet."""
    return sheet in (INDEX_SHEET, RESULTS_SHEET, UNREAD_SHEET) or sheet.startswith(PRIVATE_PREFIX) or bool(_APART.fullmatch(sheet))


def format_sheet(sheet: str, rows: list[list]) -> bool:
    """A sheet the reader leaves out: a reserved name (`is_reserved`) AND the content the format puts
    there — a units list (first row has 单位 and 上级单位), our list of inputs not imported (文件 and
    原因 in its header), our results (复核意见 and 标识 in its header), our state or facts (their
    marker in A1). A sheet of an office's own that only bears such a name (its report in a sheet
    called 单位清单, a copy kept as `_xxgk备份`) is read as any other."""
    if not is_reserved(sheet):
        return False
    first = next((r for r in rows[:HEADER_SCAN_ROWS] if any(v not in (None, "") for v in r)), [])
    head = {str(v).strip() for v in first if v is not None}
    if sheet == INDEX_SHEET:
        return {"单位", "上级单位"} <= head
    if sheet == UNREAD_SHEET:
        from .unread import is_unread_sheet
        return is_unread_sheet(rows[:HEADER_SCAN_ROWS])
    from ..annotate.state import KEY_HEADER, MAGIC, REVIEW_HEADER    # (the annotation imports this module)
    from .facts import MAGIC as FACTS_MAGIC
    if sheet.startswith(PRIVATE_PREFIX):
        return bool(rows and rows[0] and rows[0][0] in (MAGIC, FACTS_MAGIC))
    return {REVIEW_HEADER, KEY_HEADER} <= head


def source_shown(file: str | None, place: str | None) -> str | None:
    """The 来源 a report's sheet and the 单位清单 show: its file, and which of the file's reports it
    is when the file holds several (`乙.docx（第2篇）`, readers/multireport.py) — the sheets of one
    file's reports are told apart by more than their titles."""
    from ..model import part_of
    return f"{file}（{place}）" if file and part_of(place) is not None else file


UNITS_SHEET_UNUSED = "“单位清单”工作表有误，没有使用，上下级关系按各报告表头的“上级单位”核对："


def own_units(book: str, sheets: dict[str, list[list]]) -> Hierarchy | None:
    """The hierarchy a collection workbook lists in its `单位清单` sheet (a sheet of that name holding
    a units list, `format_sheet`), else None: what `xxgk check 汇总.xlsx` and the live workbook
    (checker/excel.py) both check the units against, so the two agree (U1, R9). `book`: the
    workbook's file name, for messages. Raises `units.UnitsError` for a list that contradicts itself."""
    rows = sheets.get(INDEX_SHEET)
    if rows is None or not format_sheet(INDEX_SHEET, rows):
        return None
    from ..units import from_rows
    return from_rows(rows, f"{book}（工作表 {INDEX_SHEET}）")


def unread_of(book: Path, sheets: dict[str, list[list]]) -> list:
    """The F5s of the inputs a collection workbook lists on its `未导入` sheet (`unread`); `sheets`:
    its values by sheet name (those of `own_sheets_on_disk` will do)."""
    rows = sheets.get(UNREAD_SHEET)
    if rows is None or not format_sheet(UNREAD_SHEET, rows):
        return []
    from .unread import carried
    return carried(book, rows)


def own_sheets_on_disk(path: Path) -> dict[str, list[list]]:
    """The values of a workbook file's `单位清单` and `未导入` sheets, those it has: one opening (the
    size and zip-bomb check alone takes ~0.9 s CPU on a 3,000-sheet collection). A file that does not
    open gives {}."""
    from ..readers.safety import check_file
    try:
        # the readers' size and zip-bomb limits; another sheet over them (`safety.refused_sheets`) is no matter
        refused = check_file(path, "workbook", path.stat().st_size, sheets_apart=True)
        from python_calamine import CalamineWorkbook
        book = CalamineWorkbook.from_path(str(path))
        return {name: book.get_sheet_by_name(name).to_python() for name in (INDEX_SHEET, UNREAD_SHEET)
                if name in book.sheet_names and name not in refused}
    except Exception:      # ReadError, OSError, calamine's own errors
        return {}
