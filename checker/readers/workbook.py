"""Workbooks (`.xlsx .xlsm .xls .ods`), read with python-calamine: fast, read-only, the file is
never modified. The tables are found by their labels anywhere on a sheet (offices insert rows,
merge cells, move tables), and every cell keeps the exact sheet cell it came from.

Two kinds of workbook: the project's collection workbook (its format: `checker.collection`), one
sheet per report with a header block (单位 / 上级单位 / 年度 / … in columns A–B) plus the index; and an
office's own workbook, whose sheets without a header block together make one report (its tables may
stand on one sheet or on several). `read_sheets` is shared with the live-Excel path (xlwings), so a
file and an open workbook give identical reports.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from operator import attrgetter
from pathlib import Path

from ..collection import FACTS_SHEET, HEADER_CELLS, HEADER_FIELDS, HEADER_SCAN_ROWS, departures, facts, format_sheet, is_reserved
from ..collection.departures import DEPARTURES as DEPARTURES_KEY
from .. import notice
from ..model import Report
from ..templates import FORMATS
from . import PartlyRead, ReadError
from .document import Document, to_report
from .hiddenrows import hidden_duplicates
from .grid import GridCell, merged_number
from .safety import MAX_SHEET_CELLS, encrypted, refused_sheets
from .sniff import SNIFFED, package_kind

# An office's own workbook names unit and year in a title above its tables, within the first rows;
# of those rows' text, the first lines are title, unit and period (the prose analysis reads them).
TITLE_ROWS = 8
TITLE_LINES = 12
TITLE_LEN = 80      # longer than any title: a line of prose
_NUMBER = re.compile(r"^[\d.,，%％\s+-]+$")
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
_TITLE_WORDS = re.compile(r"(政府信息公开工作年度报告|政府信息公开年度报告|政府信息公开情况统计表|年度报告|统计表|年度|年)")


def read(path: Path) -> list[Report]:
    from python_calamine import CalamineWorkbook
    path = Path(path)
    try:
        # a .xlsx/.ods named .xls (a site serving it so): calamine takes .xls by its name, so by content
        package = package_kind(path) if path.suffix.lower() in SNIFFED else None
        wb = CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes())) if package \
            else CalamineWorkbook.from_path(str(path))
    except Exception as e:  # calamine raises its own errors, zip errors, OSError: all mean "cannot open"
        if "password protected" in str(e):       # an .xls with a password to open (its FILEPASS record)
            raise encrypted(path, "Excel") from None
        raise ReadError(f"工作簿“{path.name}”无法打开：文件已损坏、不完整或不是 Excel 工作簿（技术信息：{_short(e)}）。") from None
    sheets: dict[str, list[list[object]]] = {}
    merged: dict[str, dict[int, list[tuple[int, int]]]] = {}
    # sheets over the limits (a stray value at A1048576): left out, each an F5; the others are read
    refused = refused_sheets(path)
    try:
        for name in wb.sheet_names:
            if name in refused:
                continue
            try:
                sheet = wb.get_sheet_by_name(name)
                if sheet.height * sheet.width > MAX_SHEET_CELLS:   # .xls: not checked before parsing
                    refused[name] = (f"工作簿“{path.name}”的工作表“{name}”的单元格分布在 {sheet.height:,} 行 × "
                                     f"{sheet.width:,} 列的范围内，超过可读取的上限 {MAX_SHEET_CELLS:,} 格，没有读取。")
                    continue
                sheets[name] = sheet.to_python(skip_empty_area=False)
                merged[name] = covered(sheet.merged_cell_ranges, sheet.height)
            except ReadError:
                raise
            except Exception as e:
                raise ReadError(f"工作簿“{path.name}”的工作表“{name}”无法读取（技术信息：{_short(e)}）。",
                                where=f"工作表“{name}”") from None
    finally:
        wb.close()
    from .cellnotes import explain_blanks, sheet_marks
    xlsx = path.suffix.lower() in (".xlsx", ".xlsm") or package == "xlsx"
    special, hidden = sheet_marks(path, sheets, refused) if xlsx else ({}, {})   # (stale formula results blanked)
    reports = read_sheets(sheets, str(path), merged=merged, hidden=hidden)
    explain_blanks(reports, sheets, special)   # a blank that is really a formula, an error value or text
    if refused:
        left_out = [ReadError(why, where=f"工作表“{name}”") for name, why in refused.items()]
        if reports:
            raise PartlyRead(reports, left_out)
        # nothing else to check: the file is refused, as a one-sheet workbook is
        raise ReadError("；".join(e.message.rstrip("。") for e in left_out) + "。")
    if not reports:
        names = "、".join(f"“{n}”" for n in sheets) or "（无工作表）"
        raise ReadError(f"工作簿“{path.name}”的工作表 {names} 中没有找到政府信息公开年度报告的标准表格"
                        "（主动公开、收到和处理申请、行政复议和诉讼），也没有报告表头（单位、年度）。")
    return reports


def read_sheets(sheets: dict[str, list[list[object]]], source: str,
                origins: dict[str, tuple[int, int]] | None = None,
                merged: dict[str, dict[int, list[tuple[int, int]]]] | None = None,
                hidden: dict[str, set[int]] | None = None) -> list[Report]:
    """Reports from sheet name -> 2-D cell values (calamine's `to_python(skip_empty_area=False)`, or
    xlwings' `.value`). `origins` gives a sheet's top-left (row, column), 1-based, when its values
    do not start at A1 (xlwings' `used_range`); `merged` a sheet's merged cells (`covered`), where
    known; `hidden` a sheet's hidden rows (`hiddenrows`), where known. Sheets that are not reports
    are skipped."""
    names = list(sheets)
    out: list[tuple[int, Report]] = []
    loose: list[int] = []
    records = facts.load(_grid(sheets[FACTS_SHEET]), Path(source).name) if FACTS_SHEET in sheets else {}
    counted = notice.sheets          # said by a long check's heartbeat (one big workbook is one file)
    counted.total, counted.done = len(names), 0
    for i, name in enumerate(names):
        counted.done = i
        if format_sheet(name, _grid(sheets[name])):     # ours (by name and content): no report
            continue
        header = header_block(_grid(sheets[name]))
        if header:
            rep = _report(sheets, names, [i], header, source, origins, merged, hidden)
            if is_reserved(name) and not rep.facts["tables_found"]:
                continue       # (an index of ours a reviewer edited reads as a header block: 单位 | 上级单位)
            if name in records:
                facts.restore(rep, records[name], name, Path(source).name)
            out.append((i, rep))
        else:
            loose.append(i)
    # Sheets without a header block: one holding two or more tables is a report of its own (a
    # workbook with a sheet per year); sheets holding one table each make one report together.
    partial = []
    for i in loose:
        rep = _report(sheets, names, [i], None, source, origins, merged, hidden)
        if rep is not None:
            (out if len(rep.facts["tables_found"]) >= 2 else partial).append((i, rep))
    counted.done = len(names)
    if len(partial) == 1:
        out.append(partial[0])
    elif partial:
        out.append((partial[0][0], _report(sheets, names, [i for i, _ in partial], None, source, origins, merged,
                                                    hidden)))
    return [rep for _, rep in sorted(out, key=lambda ir: ir[0])]


def _report(sheets, names: list[str], idxs: list[int], header: dict | None, source: str,
            origins: dict | None, merged: dict | None = None, hidden: dict | None = None) -> Report | None:
    """The report on sheets `idxs`; None for loose sheets without any table (notes, charts)."""
    where = Path(source).name
    rows = []
    departed: list = []
    left_out: list[tuple[str, int, int, str]] = []
    for i in idxs:
        r0, c0 = (origins or {}).get(names[i], (1, 1))
        values = _grid(sheets[names[i]])
        if (hidden or {}).get(names[i]):
            values = _without_hidden_duplicates(values, hidden[names[i]], names[i], r0, left_out)
        sheet_rows = _cells(values, i, r0, c0, (merged or {}).get(names[i]))
        if header:   # the header block is metadata, not table rows (a unit 信访局 is no row label)
            sheet_rows = [r for r in sheet_rows if not _is_header_row(r)]
            # the cells printed in the other generation are read by their ids, not as table rows
            sheet_rows, departed = departures.split_rows(sheet_rows)
        rows.extend(sheet_rows)
    doc = Document(source=source, where=where, style="sheet", rows=rows, lines=None, parts=names,
                   place=names[idxs[0]])
    if header:   # a collection sheet: its header block says what the prose would (there is none)
        r0, c0 = (origins or {}).get(names[idxs[0]], (1, 1))
        doc.known = _known(header, _header_cells(_grid(sheets[names[idxs[0]]]), idxs[0], r0, c0))
    else:        # an office's own workbook: its title is its prose
        doc.lines, doc.fallback = _title(rows, [names[i] for i in idxs], source)
    report = to_report(doc)
    if not report.facts["tables_found"] and header is None:
        return None
    if header:
        _header_gaps(report, header, f"{where} 工作表“{names[idxs[0]]}”")
        _departures(report, departed, names, where)
    _hidden_notes(report, left_out, where)
    return report


def _without_hidden_duplicates(values: list[list[object]], hidden: set[int], sheet: str, r0: int,
                               left_out: list[tuple[str, int, int, str]]) -> list[list[object]]:
    """The sheet's values with each hidden row that repeats a visible row's label emptied (`hiddenrows`)."""
    labels = [_label(_row_texts(row)) for row in values]
    dups = hidden_duplicates(labels, hidden)
    for r, shown in dups.items():
        left_out.append((sheet, r0 + r, r0 + shown, labels[r]))
    return [[] if r in dups else row for r, row in enumerate(values)]


def _label(texts: list[str]) -> str:
    """A row's label: its cells that are not numbers, joined without spaces."""
    return "".join("".join(t.split()) for t in texts if t and not _NUMBER.match(t))


def _hidden_notes(report: Report, left_out: list[tuple[str, int, int, str]], where: str) -> None:
    from ..findings import make
    for sheet, row, shown, label in left_out:
        report.findings.append(make(
            "F4", unit=report.unit, year=report.year, severity="warning", source=report.source,
            where=f"{where} 工作表“{sheet}”第{row}行",
            detail=f"这一行是隐藏行，与看得见的第{shown}行同为“{label[:30]}”：按看得见的第{shown}行读取，"
                   "隐藏行的数字未读取。如隐藏行才是要报的数字，请删去另一行并取消隐藏。"))


def _departures(report: Report, cells: list, names: list[str], where: str) -> None:
    """The sheet's block of cells printed in the other generation (`collection.departures`): kept
    in the report as the documents' reading keeps them; the blank cells of its own table that the
    documents never printed are not 'left empty' (no F1, as when checking the documents)."""
    from ..findings import make
    bad = departures.restore(report, cells, names)
    if DEPARTURES_KEY not in report.facts:
        return
    gone = departures.unprinted(report)
    report.findings = [f for f in report.findings
                       if not (f.rule == "F1" and f.cells and all(c.cell in gone and report.get(c.cell) is None
                                                                   for c in f.cells))]
    for label, text, at, gen in bad:
        report.findings.append(make("F2", unit=report.unit, year=report.year, source=report.source,
                                    where=f"{where} {at}", label=f"{label}（{gen} 版）", text=text,
                                    detail="不能读作数字，这一格未核对。"))


def _header_gaps(report: Report, header: dict[str, str], where: str) -> None:
    """A collection sheet whose 单位 or 年度 is blank or was renamed: said, not silently unknown; both
    in one finding. A sheet with no report in it (a notice imported as a sheet) is not asked for
    them: its F5 (no report found, nothing checked) is the one thing to say of it."""
    from ..findings import make
    if report.format is None:
        return
    gaps = [(label, "为空" if label in header else "缺少这一行（标签可能被改名或删除）")
            for label, value in (("单位", report.unit), ("年度", report.year)) if value is None]
    if not gaps:
        return
    said = "，".join(f"表头的“{label}”{state}" for label, state in gaps)
    what = "和".join(label for label, _ in gaps)
    fill = "；".join(f"在 A 列写“{label}”、B 列填写{'单位全称' if label == '单位' else '年份（如 2021）'}"
                    for label, _ in gaps)
    report.findings.append(make(
        "F4", unit=report.unit, year=report.year, severity="warning", source=report.source, where=where,
        detail=f"{said}：无法确定报告的{what}，上下级汇总和年度间核对不会包括这份报告。请{fill}。"))


def header_block(values: list[list[object]]) -> dict[str, str]:
    """The collection's header block: labels in column A, values in column B, near the top."""
    out = {}
    for row in values[:HEADER_SCAN_ROWS]:
        if len(row) < 2 or not isinstance(row[0], str):
            continue
        label = "".join(row[0].split()).rstrip("：:")
        if label in HEADER_FIELDS and label not in out:
            out[label] = _text(row[1]).strip()
    return out if ("单位" in out or "年度" in out) else {}


def _header_cells(values: list[list[object]], part: int, r0: int, c0: int) -> dict[str, list[int]]:
    """Where the header block's value cells are: pseudo-cell id -> [part, row, col] (1-based)."""
    rows = {}
    for r, row in enumerate(values[:HEADER_SCAN_ROWS]):
        if len(row) >= 1 and isinstance(row[0], str):
            rows.setdefault("".join(row[0].split()).rstrip("：:"), r0 + r)
    return {cid: [part, rows[name], c0 + 1] for cid, name in HEADER_CELLS.items() if name in rows}


def _is_header_row(cells: list[GridCell]) -> bool:
    first = next((c for c in cells if c.text.strip()), None)
    return first is not None and first.row <= HEADER_SCAN_ROWS and \
        "".join(first.text.split()).rstrip("：:") in HEADER_FIELDS


def _known(header: dict[str, str], cells: dict[str, list[int]]) -> dict:
    """The Report fields a collection sheet's header block gives, and where its cells are."""
    m = _YEAR.search(header.get("年度", ""))
    known: dict = {"unit": header.get("单位") or None, "parent": header.get("上级单位") or None,
                   "year": int(m.group(1)) if m else None, "title": header.get("标题") or None,
                   "period": facts.parse_period(header.get("统计期限")),
                   "published": facts.parse_date(header.get("落款日期")),
                   "facts": ({"origin": header["来源"]} if header.get("来源") else {}) | {"header_cells": cells}}
    fmt = header.get("格式", "")
    if fmt in FORMATS:
        known["format"] = fmt
    return known


def _title(rows: list[list[GridCell]], sheet_names: list[str], source: str) -> tuple[list[str], dict]:
    """An office's workbook: its prose is the title cells (unit and year, through the prose
    analysis); where they name none, the year from a sheet name (`2021年`) and unit and year from
    the file name."""
    # every text cell but numbers: a title begins with its year (`2019年某某政府信息公开工作年度报告`)
    lines = [t for r in rows[:TITLE_ROWS] for c in r if (t := c.text.strip()) and not _NUMBER.match(t)]
    lines = lines[:TITLE_LINES]
    stem = Path(source).stem
    fallback: dict = {}
    for line in lines + sheet_names + [stem]:
        m = _YEAR.search(line)
        if m and ("报告" in line or "统计" in line or line == stem or line in sheet_names):
            fallback["year"] = int(m.group(1))
            break
    for line in lines + [stem]:
        if len(line) > TITLE_LEN and line != stem:
            continue      # a sentence of prose (`本年度报告根据《条例》…`), not a title naming the unit
        if "报告" in line or "统计表" in line or line == stem:
            unit = _TITLE_WORDS.sub("", _YEAR.sub("", line)).strip(" _-—·.（）()")
            if unit:
                fallback["unit"] = unit
                break
    return lines, fallback


def _grid(values) -> list[list[object]]:
    """xlwings gives a scalar for one cell and a flat list for one row: always a 2-D list."""
    if not isinstance(values, list):
        return [[values]]
    if values and not isinstance(values[0], list):
        return [values]
    return values


class Covered(dict[int, list[tuple[int, int]]]):
    """`covered`'s runs by row, and `ends`: row -> {first column: last column} of each merged cell whose
    top-left stands in that row (0-based), so the cell read there knows the columns it spreads over."""
    def __init__(self) -> None:
        super().__init__()
        self.ends: dict[int, dict[int, int]] = {}
        # row -> {first column: (top row, last row)} of each merged cell spanning rows, on every row it spans
        self.down: dict[int, dict[int, tuple[int, int]]] = {}


def covered(ranges, height: int) -> Covered:
    """Row -> the column runs (first, last; 0-based as the values) that a merged cell covers beyond
    its top-left, from calamine's `merged_cell_ranges` (None for .ods). A merged cell is one printed
    cell, read once at its top-left, as the HTML and Word readers read a spanned cell: the empty
    places it covers are no blank cells of their own. (A value merged over F:O under headers at F,
    K and U is then the row's first value, not one followed by blanks.) Ranges are clipped to the
    sheet's rows; a sheet whose ranges would cover more than the cells it may hold is read unmerged."""
    runs_of: dict[int, list[tuple[int, int]]] = {}
    out = Covered()
    budget = MAX_SHEET_CELLS
    for (r1, c1), (r2, c2) in ranges or ():
        rows = range(r1, min(r2, height - 1) + 1)
        budget -= len(rows)
        if budget < 0:
            return Covered()
        for r in rows:
            first = c1 + 1 if r == r1 else c1    # the top-left cell itself is the merged cell
            if first <= c2:
                runs_of.setdefault(r, []).append((first, c2))
        if c2 > c1 and r1 < height:
            out.ends.setdefault(r1, {})[c1] = c2
        if len(rows) > 1:
            for r in rows:
                out.down.setdefault(r, {})[c1] = (r1, rows[-1])
    out.update((r, _disjoint(runs)) for r, runs in runs_of.items())
    return out


def _disjoint(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Column runs sorted, overlapping ones joined (malformed files overlap their merged ranges)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(runs):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _uncovered(texts: list[str], runs: list[tuple[int, int]]) -> list[int]:
    """The columns of a row that are not the empty places a merged cell covers (runs: `_disjoint`)."""
    keep, k = [], 0
    for c, t in enumerate(texts):
        while k < len(runs) and runs[k][1] < c:
            k += 1
        if t or k == len(runs) or c < runs[k][0]:
            keep.append(c)
    return keep


def _cells(values: list[list[object]], part: int, r0: int, c0: int,
           merged: dict[int, list[tuple[int, int]]] | None = None) -> list[list[GridCell]]:
    rows = []
    down = getattr(merged, "down", None)
    numbers_down = _numbers_down(values, down) if down else {}
    for r, row in enumerate(values):
        texts = _row_texts(row)
        if any(texts):
            runs = merged.get(r) if merged else None
            if runs:
                # a merged cell keeps the last column it covers: a value spread over two header columns
                # is known to be neither's for sure (`ColumnMap.pick`)
                ends = getattr(merged, "ends", {}).get(r, {})
                rows.append([GridCell(texts[c], r0 + r, c0 + c, part, end=c0 + ends[c] if c in ends else -1)
                             for c in _uncovered(texts, runs)])
            else:
                rows.append([GridCell(texts[c], r0 + r, c0 + c, part) for c in range(len(texts))])
            downs = numbers_down.get(r)
            if downs:
                _merged_down(rows[-1], downs, r, r0, c0, part)
    return rows


def _numbers_down(values: list[list[object]], down: dict[int, dict[int, tuple[int, int]]]
                  ) -> dict[int, dict[int, tuple[int, int]]]:
    """`Covered.down` kept to the merged cells holding a number, each top cell looked at once (a label or
    an empty box merged down, as table headers are, is read as before)."""
    number: dict[tuple[int, int], bool] = {}
    out: dict[int, dict[int, tuple[int, int]]] = {}
    for r, spans in down.items():
        for c, (top, last) in spans.items():
            if (top, c) not in number:
                row = values[top] if top < len(values) else []
                number[top, c] = c < len(row) and merged_number(_text(row[c]))
            if number[top, c]:
                out.setdefault(r, {})[c] = (top, last)
    return out


def _merged_down(cells: list[GridCell], downs: dict[int, tuple[int, int]], r: int,
                  r0: int, c0: int, part: int) -> None:
    """A number merged down over rows (a box F34:J35 holding 5; `_numbers_down`): one printed cell for two
    rows, which row's the sheet does not say. Its top cell and each place under it (an empty cell, else
    dropped as covered) say the rows it spans (`GridCell.down`), and the grid leaves those rows unread."""
    for c, (top, last) in downs.items():
        cell = next((x for x in cells if x.col == c0 + c), None)
        if cell is None:
            cell = GridCell("", r0 + r, c0 + c, part)
            cells.append(cell)
            cells.sort(key=attrgetter("col"))
        elif r != top and cell.text.strip():
            continue        # a value of its own in a covered place (a malformed file): read as it is
        cell.down = (r0 + top, r0 + last)


def _row_texts(row: list[object]) -> list[str]:
    return [v if v.__class__ is str else _text(v) for v in row]


def _text(v: object) -> str:
    """A cell value as printed. Numbers stored as numbers print without a spurious `.0`."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        if v != v:
            return ""
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()
    return str(v)


def _short(e: Exception) -> str:
    s = str(e).strip() or type(e).__name__
    return s if len(s) <= 120 else s[:117] + "…"
