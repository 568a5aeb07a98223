"""Why a workbook cell that should hold a number reads as blank, for the F1 findings of `.xlsx`
and `.xlsm` files: python-calamine gives the saved value of a formula, so a formula whose result
was never saved (a file written by a program, never opened in Excel) and a cached error value
(`#DIV/0!`, `#REF!`) both read as empty; text such as `1e3` or `abc` is not a number either.
Such an F1 ("为空") becomes an F2 naming what the cell really holds."""
from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from ..findings import make
from ..model import Report
from ..templates import template

_CELL = re.compile(rb'<c\b([^>]*?)(?<!/)>(.*?)</c>', re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_FORMULA = re.compile(rb"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.S)
_VALUE = re.compile(rb"<v>(.*?)</v>", re.S)


def sheet_marks(path: Path) -> tuple[dict[str, dict[tuple[int, int], tuple[str, str]]], dict[str, set[int]]]:
    """What the sheets' XML says and calamine does not give, in one pass over it: sheet name ->
    (row, col) -> (text shown, why it is no number) for formula cells without a saved result and cells
    holding an error value; and sheet name -> its hidden rows (`hiddenrows.hidden_in`). Both empty for a
    file that is not an OOXML package."""
    from .hiddenrows import hidden_in
    from .safety import sheet_parts
    special: dict[str, dict[tuple[int, int], tuple[str, str]]] = {}
    hidden: dict[str, set[int]] = {}
    try:
        with zipfile.ZipFile(path) as z:
            for part, name in sheet_parts(z).items():
                data = z.read(part)
                if b"<f" in data or b't="e"' in data:
                    found = _scan(data)
                    if found:
                        special[name] = found
                rows = hidden_in(data)
                if rows:
                    hidden[name] = rows
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}, {}
    return special, hidden


def _scan(data: bytes) -> dict[tuple[int, int], tuple[str, str]]:
    found = {}
    for attrs, body in _CELL.findall(data):
        ref = _REF.search(attrs)
        if ref is None:
            continue
        f = _FORMULA.search(body)
        v = _VALUE.search(body)
        formula = "=" + html.unescape(f.group(1).decode("utf-8", "replace")) if f and f.group(1) else None
        value = html.unescape(v.group(1).decode("utf-8", "replace")) if v else ""
        where = (int(ref.group(2)), _col(ref.group(1)))
        if b't="e"' in attrs:
            found[where] = (value or formula or "", f"是公式的错误值{f'（公式“{formula}”）' if formula else ''}，"
                                                     "不是数字，按空白处理；请改正公式或填写数字。")
        elif formula and not value:
            found[where] = (formula, "是公式，但文件中没有保存它的计算结果（文件由程序生成、未在 Excel 中保存过），"
                                     "按空白处理；请在 Excel 中打开、保存后再检查。")
    return found


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def explain_blanks(reports: list[Report], sheets: dict[str, list[list]],
                   special: dict[str, dict[tuple[int, int], tuple[str, str]]]) -> None:
    """Turn each F1 whose cell holds a formula without result, an error value or text into an F2
    saying so (in place). `sheets`: the grids read (sheet -> rows from A1); `special`: the file's
    formula and error cells (`sheet_marks`)."""
    for report in reports:
        if report.format is None or not any(f.rule == "F1" for f in report.findings):
            continue
        tpl = template(report.format)
        for n, f in enumerate(report.findings):
            cell = f.suspect.cell if f.suspect else (f.cells[0].cell if f.cells else None)
            if f.rule != "F1" or cell not in tpl.index:
                continue
            part, row, col = (int(x) for x in report.loc[tpl.index[cell]])
            sheet = report.parts[part] if report.parts and part < len(report.parts) else None
            shown = special.get(sheet, {}).get((row, col)) or _text(sheets.get(sheet), row, col)
            if shown:
                report.findings[n] = make("F2", unit=f.unit, year=f.year, cells=f.cells, suspect=f.suspect,
                                          source=f.source, where=f.where, label=tpl.cell(cell).label,
                                          text=shown[0], detail=shown[1], severity="error")


def _text(grid, row: int, col: int) -> tuple[str, str] | None:
    """Text in a cell read as blank: `1e3`, `abc` (not a formula: calamine gives its result)."""
    try:
        v = grid[row - 1][col - 1]
    except (TypeError, IndexError):
        return None
    if not isinstance(v, str) or not v.strip():
        return None
    return v, scientific(v) or "不是数字，按空白处理；请填写数字。"


def scientific(text: str) -> str | None:
    """Why `1e3` is no number here, with the whole number to write (when it is a plausible figure)."""
    if not re.fullmatch(r"\s*[-+]?\d+(\.\d+)?[eE][-+]?\d+\s*", text):
        return None
    v = float(text)
    example = f"（如 {v:g}）" if abs(v) < 1e12 else ""
    return f"是科学计数法，按空白处理，没有猜测；请填写完整的数字{example}。"
