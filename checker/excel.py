"""The entry point Excel calls: the `运行校验` button (VBA `RunPython "import checker.excel;
checker.excel.run_check()"`), and the same check as an xlwings Lite / xlwings Server script.

It reads the open workbook's values, checks them, and annotates the workbook in place through
xlwings; re-running after edits replaces the previous run's flags (see `checker.annotate.state`)."""
from __future__ import annotations

import xlwings as xw

from .annotate import locate
from .annotate import xlwings_backend as xb
from .annotate.plan import build
from .collection import UNITS_SHEET_UNUSED, own_units


def run_check(book=None) -> dict:
    """Check the workbook (`xw.Book.caller()` when called from the button) and flag it in place.
    Returns the counts shown in the status bar."""
    book = book if book is not None else xw.Book.caller()
    xb.status(book, "xxgk：正在读取工作表……")
    sheets = {s.name: xb.sheet_values(s) for s in book.sheets}
    from .check import check_read
    from .readers import ReadResult
    reports = read_book(book, sheets)
    if not reports:       # a check of nothing is no all-clear: nothing flagged, the reason said
        _say(book, NOTHING_TO_CHECK)
        _replace_earlier_results(book, sheets)
        return {"reports": 0, "findings": 0, "open": 0, "accepted": 0}
    xb.status(book, f"xxgk：正在校验 {len(reports)} 份报告……")
    # the same path from read reports to findings as `xxgk check` (check.check_read)
    result = check_read(ReadResult(reports=reports, failures=_not_imported(book, sheets)),
                        units=_hierarchy(book, sheets), kind="book")
    plan = build(result, locate.from_reports(result.reports), xb.XlwingsView(book))
    xb.status(book, f"xxgk：正在标注 {len(plan.cells)} 个单元格……")
    _screen_updating(book, False)       # one redraw at the end, not one per flagged cell
    try:
        xb.apply(plan, book)
    finally:
        _screen_updating(book, True)
    try:
        book.sheets[plan.results_name].activate()
    except Exception:   # the remote engine may not offer activation on every client
        pass
    done = f"xxgk：校验完成，待处理 {plan.open} 条，已核实 {plan.accepted} 条。"
    crashed = result.crashed_rules
    if crashed:       # a rule that raised was skipped: its findings are missing, so no all-clear
        _say(book, f"{done}但规则 {'、'.join(crashed)} 运行出错、已跳过，其结果不在其中（这不表示没有问题）。"
                   f"这是 xxgk 的问题，请反馈给开发者：{'；'.join(result.stats[r]['error'] for r in crashed)}")
    else:
        xb.status(book, done)
    return {"reports": len(reports), "findings": len(result.findings), "open": plan.open,
            "accepted": plan.accepted, "crashed": crashed}


def read_book(book, sheets: dict[str, list[list]]) -> list:
    """The reports of the open workbook (`sheets`: its values), read as `xxgk check` reads the same
    workbook from disk where the engine tells hidden rows and merged cells (desktop Excel:
    `workbook.livemarks`): a hidden copy of a row is left out, a value merged over columns read once."""
    from .readers.safety import bound_figures
    from .readers.workbook import covered, read_sheets
    from .workbook.livemarks import sheet_marks
    hidden: dict[str, set[int]] = {}
    merged: dict[str, dict[int, list[tuple[int, int]]]] = {}
    for sheet in book.sheets:
        values = sheets.get(sheet.name) or []
        if not _office_sheet(sheet.name, values):
            continue
        marks = sheet_marks(sheet, len(values), max(map(len, values), default=0))
        if marks is None:       # the remote engine, Lite: unknown for every sheet (README says so)
            break
        hidden[sheet.name], merged[sheet.name] = marks[0], covered(marks[1], len(values))
    return bound_figures(read_sheets(sheets, book.name, merged=merged, hidden=hidden))


def _office_sheet(name: str, values: list[list]) -> bool:
    """A sheet whose hidden rows and merged cells are asked for: an office's own, not one of ours
    and not a collection sheet `xxgk import` wrote (its header block; asking Excel cell by cell
    costs ~1 ms a call, and a district's collection holds hundreds of such sheets)."""
    from .collection import is_reserved
    from .readers.workbook import header_block
    return bool(values) and not is_reserved(name) and not header_block(values)


NOTHING_TO_CHECK = ("xxgk：这个工作簿里没有找到可以校验的报告工作表，没有做任何核对（这不表示没有问题）。"
                    "请把各单位的报告工作表复制进来（或用 xxgk import 把报告汇总成一个工作簿），再点“运行校验”。")


def _replace_earlier_results(book, sheets: dict[str, list[list]]) -> None:
    """An earlier run's 校验结果 (its reports since deleted or moved) would go on listing findings of
    sheets that are gone: it is replaced by a sheet that says nothing was checked. A 校验结果 of the
    workbook's own (not ours by its header) is left alone."""
    from .annotate.plan import _results_ours
    from .collection import RESULTS_SHEET
    if RESULTS_SHEET in sheets and _results_ours(sheets[RESULTS_SHEET]):
        ws = xb._new_sheet(book, RESULTS_SHEET, 0)
        ws.range("A1").value = NOTHING_TO_CHECK


def _say(book, text: str) -> None:
    """A message the user must see: the status bar (desktop), a message box (desktop MsgBox; the
    remote engine's `alert` action), and printed (xlwings Lite shows a script's output)."""
    xb.status(book, text)
    print(text)
    try:
        book.app.alert(text, title="xxgk-checker", mode="info")
    except Exception:     # an engine without message boxes: the other two remain
        pass


def _screen_updating(book, on: bool) -> None:
    try:
        book.app.screen_updating = on
    except Exception:
        pass


def _hierarchy(book, sheets: dict[str, list[list]]):
    """The hierarchy from the workbook's `单位清单` sheet, as `xxgk check` takes it from the same
    workbook on disk (`collection.own_units`); else the reports' own 上级单位 (header block) serve.
    A list that contradicts itself is said, not silently dropped."""
    from .units import UnitsError
    try:
        return own_units(book.name, sheets)
    except UnitsError as e:
        _say(book, f"xxgk：{UNITS_SHEET_UNUSED}{e}")
        return None


def _not_imported(book, sheets: dict[str, list[list]]) -> list:
    """The F5s of the inputs the workbook's `未导入` sheet lists, as `xxgk check` says them from disk."""
    from pathlib import Path
    from .collection import unread_of
    return unread_of(Path(book.name), sheets)


@xw.script(name="运行校验")
def xxgk_check(book: xw.Book):
    """xlwings Lite / xlwings Server: the same check and annotations as the desktop button."""
    run_check(book)
