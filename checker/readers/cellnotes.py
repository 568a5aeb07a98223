"""Why a workbook cell that should hold a number reads as blank, for the F1 findings of `.xlsx`
and `.xlsm` files: python-calamine gives the saved value of a formula, so a formula whose result
was never saved (a file written by a program, never opened in Excel) and a cached error value
(`#DIV/0!`, `#REF!`) both read as empty; text such as `1e3` or `abc` is not a number either.
Such an F1 ("为空") becomes an F2 naming what the cell really holds."""
from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Collection
from pathlib import Path

from ..findings import make
from ..model import Report
from ..templates import template

_CELL = re.compile(rb'<c\b([^>]*?)(?<!/)>(.*?)</c>', re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_FORMULA = re.compile(rb"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.S)
_VALUE = re.compile(rb"<v>(.*?)</v>", re.S)


def sheet_marks(path: Path, sheets: dict[str, list[list]] | None = None, skip: Collection[str] = ()
                ) -> tuple[dict[str, dict[tuple[int, int], tuple[str, str]]], dict[str, set[int]]]:
    """What the sheets' XML says and calamine does not give, in one pass over it: sheet name ->
    (row, col) -> (text shown, why it is no number) for formula cells without a saved result, cells
    holding an error value and (given the grids calamine read, `sheets`) formulas whose saved result is
    not what they compute (`_stale`: that cell is blanked in `sheets`); and sheet name -> its hidden
    rows (`hiddenrows.hidden_in`). Both empty for a file that is not an OOXML package."""
    from .hiddenrows import hidden_in
    from .safety import sheet_parts
    special: dict[str, dict[tuple[int, int], tuple[str, str]]] = {}
    hidden: dict[str, set[int]] = {}
    try:
        with zipfile.ZipFile(path) as z:
            for part, name in sheet_parts(z).items():
                if name in skip:
                    continue          # a sheet not read (over the limits: `safety.refused_sheets`)
                data = z.read(part)
                if b"<f" in data or b't="e"' in data:
                    found = _scan(data, (sheets or {}).get(name))
                    if found:
                        special[name] = found
                rows = hidden_in(data)
                if rows:
                    hidden[name] = rows
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}, {}
    return special, hidden


def _scan(data: bytes, grid: list[list] | None = None) -> dict[tuple[int, int], tuple[str, str]]:
    found = {}
    saved: dict[tuple[int, int], str] = {}       # formulas with a saved result: checked against the grid
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
        elif formula:
            saved[where] = formula
    if grid is not None and saved:
        found.update(_stale(saved, grid))
    return found


# The formulas a report's workbook uses for its totals: `=SUM(B5:B9)`, `=B5+B6-B7`, `=SUM(B5,C5)+2`;
# any other (another sheet, `*`, functions) is not computed here and its saved result is kept.
_OPERAND = re.compile(r"\s*([+-](?:\s*[+-])*)?\s*(?:SUM\(([^()]*)\)|(\$?[A-Z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Z]{1,3}\$?[0-9]{1,7})?)"
                      r"|([0-9]+(?:\.[0-9]+)?))\s*", re.I)
_AREA = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?", re.I)
_MAX_AREA = 10_000


def _stale(saved: dict[tuple[int, int], str], grid: list[list]) -> dict[tuple[int, int], tuple[str, str]]:
    """The formulas (of the simple kinds above, on this sheet) whose saved result is not what they
    compute from the cells they name. A program that writes formulas may save 0 as every result and
    leave the computing to Excel on opening (XlsxWriter does, with `fullCalcOnLoad`); a program that
    changes a workbook's cells leaves the old results. Excel shows another number than the file holds:
    the cell is left unread (blanked in `grid`) and said, never read as the stale number."""
    computed: dict[tuple[int, int], float] = {}
    for _ in range(3):          # a total of totals: the inner ones computed first
        for where, formula in saved.items():
            value = _compute(formula, grid, computed)
            if value is not None:
                computed[where] = value
    out = {}
    for (row, col), value in computed.items():
        held = _cell(grid, row, col)
        if isinstance(held, (int, float)) and not isinstance(held, bool) and abs(held - value) > 1e-6:
            grid[row - 1][col - 1] = None
            out[(row, col)] = (saved[(row, col)], f"是公式，文件中保存的结果 {held:g} 与它引用的格算出的 {value:g} 不符"
                               "（文件由程序生成或改过，保存的是旧的或占位的结果），按空白处理；请在 Excel 中打开、保存后再检查。")
    return out


def _compute(formula: str, grid: list[list], computed: dict[tuple[int, int], float]) -> float | None:
    """`formula`'s value from the grid's numbers (a blank is 0, as in Excel); None when it is not of
    the simple kinds or names text, another sheet or a cell that is itself not known."""
    text, at, total = formula[1:], 0, 0.0
    while at < len(text):
        m = _OPERAND.match(text, at)
        if m is None or m.end() == at or (at and not m.group(1)):
            return None
        sign, args, area, number = m.groups()
        if number is not None:
            value: float | None = float(number)
        else:
            value = 0.0
            for part in (args.split(",") if args is not None else [area]):
                v = _area_sum(part.strip(), grid, computed)
                if v is None:
                    return None
                value += v
        total += -value if sign and sign.count("-") % 2 else value      # `+-1`, `--1`: Excel's unary signs
        at = m.end()
    return total if text.strip() else None


def _area_sum(ref: str, grid: list[list], computed: dict[tuple[int, int], float]) -> float | None:
    m = _AREA.fullmatch(ref)
    if m is None:
        return None
    c0, r0 = _col(m.group(1).upper().encode()), int(m.group(2))
    c1, r1 = (_col(m.group(3).upper().encode()), int(m.group(4))) if m.group(3) else (c0, r0)
    (r0, r1), (c0, c1) = sorted((r0, r1)), sorted((c0, c1))
    if (r1 - r0 + 1) * (c1 - c0 + 1) > _MAX_AREA:
        return None
    total = 0.0
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            v = computed.get((r, c), _cell(grid, r, c))
            if v is None or v == "":
                continue
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                return None          # text, a date, an error: not summed here
            total += v
    return total


def _cell(grid: list[list], row: int, col: int):
    try:
        return grid[row - 1][col - 1] if row >= 1 and col >= 1 else None
    except IndexError:
        return None


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
