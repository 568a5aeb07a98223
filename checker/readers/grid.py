"""The grid matcher: rows of printed cells in, the three standard tables' cells out.

Every table reader (text, workbook, Word, PDF, HTML) turns its input into rows of `GridCell`s and
calls `read_tables`. Tables are found by their labels, not by position: a title line (or section
heading) opens a table, and a row is matched to the template by its label keys (`labels.py`).
Which cell of a row is which column follows from the count of cells after the label (text loses
positions); a row that cannot be mapped for sure is left blank with an F3 finding, never guessed.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..findings import make
from ..model import CellRef, Report, render_location
from ..numbers import parse_number
from ..templates import Row, format_for_year, template
from . import labels as L
from .runtogether import RunTogetherRow, resolve

FORMAT_TABLES = ("active", "requests", "appeals")


@dataclass(slots=True)
class GridCell:
    text: str
    row: int
    col: int
    part: int = 0


@dataclass(slots=True)
class _Line:
    """One printed row, split into its label cells and the cells after them."""
    cells: list[GridCell]
    label_cells: list[GridCell]
    values: list[GridCell]
    label: str            # normalised, all label cells joined
    last: str             # normalised last label cell (the most specific part: `1.属于国家秘密`)
    has_values: bool


def _split(cells: list[GridCell]) -> _Line | None:
    texts = [c.text for c in cells]
    if not cells or L.is_junk(texts):
        return None
    end = -1
    for i, t in enumerate(texts):
        if L.is_label(t):
            end = i
        elif t.strip():
            break
    label_cells = [c for c in cells[: end + 1] if c.text.strip()]
    values = cells[end + 1:]
    normed = [L.norm(c.text) for c in label_cells]
    return _Line(cells, label_cells, values, "".join(normed), normed[-1] if normed else "",
                 any(c.text.strip() for c in values))


def detect_format(rows: list[list[GridCell]]) -> str | None:
    """2019 or 2021 from the labels only the one template prints; None when nothing tells."""
    markers = L.format_markers()
    score = {"2019": 0, "2021": 0}
    for cells in rows:
        if len(cells) < 2:
            continue
        for c in cells:
            t = c.text
            if not t or t[0].isdigit():
                continue
            n = L.norm(t)
            for fmt, keys in markers.items():
                for k in keys:
                    if k in n:
                        score[fmt] += 1
    if score["2019"] == score["2021"]:
        return None
    return "2019" if score["2019"] > score["2021"] else "2021"


def _lines(rows: list[list[GridCell]]) -> list[_Line]:
    return [ln for ln in (_split(r) for r in rows) if ln is not None]


def tables_present(rows: list[list[GridCell]]) -> bool:
    """Is there anything table-like: a table title, or a row that matches a row of a template?"""
    keys = L.table_keys("2021")
    for ln in _lines(rows):
        if not ln.has_values:
            if ln.label and L.title_of(ln.label):
                return True
            continue
        if any(tk.match(ln.last) for tk in keys.values()):
            return True
    return False


def read_tables(rows: list[list[GridCell]], report: Report, where: str) -> set[str]:
    """Find the three tables in `rows`, set every cell of `report` (blank -> None), append F1–F4.
    Decides `report.format` when it is None. Returns the ids of the tables found."""
    lines = _lines(rows)
    if report.format is None:
        fmt = detect_format(rows) or format_for_year(report.year)
        if fmt is None and _any_table(lines):
            fmt = "2021"   # nothing tells the generation apart; the newer one is the likelier
        if fmt is None:
            report.facts["tables_found"] = []
            return set()
        report.set_format(fmt)
    if report.format == "legacy":
        report.facts["tables_found"] = []
        return set()
    ctx = _Reader(report, where)
    ctx.run(lines)
    report.facts["tables_found"] = sorted(ctx.found)
    if ctx.pending:
        resolve(report, ctx.pending, where)
    ctx.missing_rows()
    if ctx.found or report.year is not None:
        finish(report, where)
    return ctx.found


def _any_table(lines: list[_Line]) -> bool:
    keys = L.table_keys("2021")
    return any((not ln.has_values and ln.label and L.title_of(ln.label))
               or (ln.has_values and any(tk.match(ln.last) for tk in keys.values())) for ln in lines)


def finish(report: Report, where: str) -> None:
    """After the prose has given unit and year: the F4 for missing tables, and the findings'
    unit/year filled in. Idempotent; readers call it after `prose.analyse`."""
    found = report.facts.get("tables_found")
    if report.format is None and report.year is not None:
        fmt = format_for_year(report.year)
        if fmt != "legacy":
            report.set_format(fmt)
    if report.format in ("2019", "2021") and found is not None and not report.facts.get("_f4_done"):
        report.facts["_f4_done"] = True
        missing = [t for t in FORMAT_TABLES if t not in found]
        if len(missing) == 3:
            report.findings.append(make(
                "F4", unit=report.unit, year=report.year, severity="warning", source=report.source,
                where=where, detail="报告中没有找到三张标准表格（主动公开、收到和处理申请、行政复议和诉讼），"
                                    "表格可能以图片或附件形式发布，请人工核对。"))
        else:
            for t in missing:
                report.findings.append(make(
                    "F4", unit=report.unit, year=report.year, source=report.source, where=where,
                    detail=f"缺少标准表格“{template(report.format).table(t).label}”。"))
    _stamp(report)


def _stamp(report: Report) -> None:
    """Findings made before the prose named unit and year get them now."""
    for f in report.findings:
        if f.unit is None and f.year is None and (report.unit or report.year):
            f.unit, f.year = report.unit, report.year
            f.cells = [CellRef(report.unit, report.year, c.cell) for c in f.cells]
            if f.suspect is not None:
                f.suspect = CellRef(report.unit, report.year, f.suspect.cell)


class _Reader:
    """Walks the lines once, keeping the active table region."""

    def __init__(self, report: Report, where: str):
        self.report = report
        self.where = where
        self.keys = L.table_keys(report.format)
        self.region: str | None = None
        self.found: set[str] = set()
        self.done: set[tuple[str, str]] = set()     # (table, row id) already read
        self.pending: list[RunTogetherRow] = []
        self.fragment: _Line | None = None           # a label-only line that may continue a label

    # --- walking -----------------------------------------------------------------------------
    def run(self, lines: list[_Line]) -> None:
        held: _Line | None = None      # a row with values whose label matched nothing (yet)
        for ln in lines:
            if not ln.has_values:
                title = L.title_of(ln.label) if ln.label else None
                if title and not (title == "appeals" and self.region == "appeals"):
                    self.region = title
                    self.found.add(title)
                    held = self.fragment = None
                    continue
                if held is not None and ln.label and self._try(held, suffix=ln.label):
                    held = None   # the label went on below its values
                    continue
                held = None
                if self._is_header(ln):
                    self.fragment = None
                    continue
                if self._blank_row(ln):
                    self.fragment = None
                    continue
                self.fragment = ln if ln.label else self.fragment
                continue
            if self._try(ln) or (self.fragment is not None and self._try(ln, prefix=self.fragment.label)) \
                    or self._appeals_row(ln):
                held = self.fragment = None
                continue
            held, self.fragment = ln, None

    def _candidates(self) -> list[str]:
        if self.region is None:
            return list(L.TABLE_ORDER[:2])
        i = L.TABLE_ORDER.index(self.region)
        return [t for t in L.TABLE_ORDER[i:] if t != "appeals"]

    def _match(self, ln: _Line, prefix: str, suffix: str) -> tuple[str, Row] | None:
        if prefix or suffix:
            tries = [prefix + ln.label + suffix]
        else:
            tries = [ln.last, ln.label] if ln.last != ln.label else [ln.label]
        for tid in self._candidates():   # appeals' one row has no printed label: see _appeals_row
            tk = self.keys[tid]
            for label in tries:
                row = tk.match(label) if label else None
                if row is not None and (tid, row.id) not in self.done:
                    return tid, row
        return None

    def _try(self, ln: _Line, prefix: str = "", suffix: str = "") -> bool:
        if not ln.label_cells or not ln.values:
            return False
        hit = self._match(ln, prefix, suffix)
        if hit is None:
            return False
        self._read_row(hit[0], hit[1], ln)
        return True

    def _is_header(self, ln: _Line) -> bool:
        """A row of column labels (自然人 · 法人或其他组织 · 总计; 信息内容 · 本年新制作数量 ...)."""
        if len(ln.label_cells) < 2:
            return False
        normed = [L.norm(c.text) for c in ln.label_cells]
        return normed[0] == "信息内容" or any(tk.header_hits(normed) >= 2 for tk in self.keys.values())

    def _blank_row(self, ln: _Line) -> bool:
        """A labelled row whose cells are all blank (`3.要求提供公开出版物⇥⇥⇥⇥⇥⇥⇥`): it must print
        at least as many (empty) cells as the row has columns, else it is a label fragment."""
        if not ln.label_cells or not ln.values:
            return False
        hit = self._match(ln, "", "")
        if hit is None or len(ln.values) < len(hit[1].columns):
            return False
        self._read_row(hit[0], hit[1], ln)
        return True

    def _appeals_row(self, ln: _Line) -> bool:
        if self.region != "appeals" or ("appeals", "count") in self.done:
            return False
        if ln.label_cells and self.keys["appeals"].match(ln.label) is None and len(ln.label) > 8:
            return False
        row = self.keys["appeals"].table.rows[0]
        self._read_row("appeals", row, ln)
        return True

    # --- one row -----------------------------------------------------------------------------
    def _read_row(self, tid: str, row: Row, ln: _Line) -> None:
        self.found.add(tid)
        self.region = tid
        self.done.add((tid, row.id))
        ncols = len(row.columns)
        vals = list(ln.values)
        while len(vals) > ncols and not vals[-1].text.strip():
            vals.pop()
        while len(vals) > ncols and not vals[0].text.strip():
            vals.pop(0)
        filled = [c for c in vals if c.text.strip()]
        ids = [f"{tid}.{row.id}.{c.id}" for c in row.columns]
        label = _row_label(tid, row)
        anchor = ln.values[0] if ln.values else ln.cells[0]
        if len(filled) == 1 and ncols > 1 and _digits(filled[0].text):
            c = filled[0]
            self.pending.append(RunTogetherRow(tid, row.id, c.text.strip(), c.row, c.col, c.part))
            return
        if len(vals) == ncols and (filled or ncols == 1):
            if ncols > 1 and len(filled) == ncols - 1 and len(ln.values) == ncols and (
                    not vals[0].text.strip()
                    or (self.report.location_style == "text" and not vals[-1].text.strip())):
                # one empty cell at the edge of a text row: a blank cell or a layout gap?
                self._unknown(ids, ln, anchor, label, len(filled), ncols)
                return
            blanks = []
            for cid, c in zip(ids, vals):
                self._cell(cid, c, label, blanks)
            if blanks:
                self._f1(blanks, label)
            return
        if not filled:
            blanks = []
            for i, cid in enumerate(ids):
                c = vals[i] if i < len(vals) else GridCell("", anchor.row, anchor.col + i, anchor.part)
                self._cell(cid, c, label, blanks)
            self._f1(blanks, label)
            return
        self._unknown(ids, ln, anchor, label, len(filled), ncols)

    def _unknown(self, ids, ln, anchor, label, found, ncols) -> None:
        for cid in ids:
            self.report.set(cid, None, row=anchor.row, col=anchor.col, part=anchor.part)
        r = self.report
        r.findings.append(make(
            "F3", unit=r.unit, year=r.year, cells=[r.ref(c) for c in ids], source=r.source,
            where=self._where(anchor), label=label, found=found, columns=ncols))

    def _cell(self, cid: str, c: GridCell, label: str, blanks: list) -> None:
        p = parse_number(c.text)
        r = self.report
        if p.status == "ok":
            if p.decimals:
                r.set(cid, p.value, row=c.row, col=c.col, part=c.part, decimals=p.decimals)
            else:
                r.set(cid, p.value, row=c.row, col=c.col, part=c.part)
            return
        if p.status == "blank":
            r.set(cid, None, row=c.row, col=c.col, part=c.part)
            blanks.append((cid, c))
            return
        spec = template(r.format).cell(cid)
        if p.status == "normalised":
            meta = {"text": p.text, "decimals": p.decimals}
            if p.unit:
                meta["unit"] = p.unit
            r.set(cid, p.value, row=c.row, col=c.col, part=c.part, **meta)
            shown = int(p.value) if float(p.value).is_integer() else p.value
            unit_note = f"（单位：{p.unit}）" if p.unit else ""
            r.findings.append(make(
                "F2", unit=r.unit, year=r.year, severity="info", cells=[r.ref(cid)], suspect=r.ref(cid),
                actual=p.text, suggestion=p.value, source=r.source, where=self._where(c),
                label=spec.label, text=p.text.strip(),
                detail=f"已按 {shown}{unit_note} 读取，建议填写不带单位的半角数字。"))
            return
        r.set(cid, None, row=c.row, col=c.col, part=c.part, text=p.text)
        r.findings.append(make(
            "F2", unit=r.unit, year=r.year, cells=[r.ref(cid)], suspect=r.ref(cid), actual=p.text,
            source=r.source, where=self._where(c), label=spec.label, text=p.text.strip(),
            detail="不能读作数字，该格按空白处理；没有发生应填 0。"))

    def _f1(self, blanks: list, label: str) -> None:
        r = self.report
        cols = [template(r.format).cell(cid).label.split("·", 1)[-1] for cid, _ in blanks]
        first = blanks[0][1]
        r.findings.append(make(
            "F1", unit=r.unit, year=r.year, cells=[r.ref(cid) for cid, _ in blanks], source=r.source,
            where=self._where(first), label=f"{label}·{'、'.join(cols)}"))

    def _where(self, c: GridCell) -> str:
        r = self.report
        part = r.parts[c.part] if r.parts and c.part < len(r.parts) else None
        return f"{self.where} {render_location(r.location_style, part, c.row, c.col)}"

    def missing_rows(self) -> None:
        """A table that was found but lacks rows: its layout is not the template's (F4)."""
        r = self.report
        for tid in sorted(self.found, key=L.TABLE_ORDER.index):
            missing = [row for row in self.keys[tid].table.rows if (tid, row.id) not in self.done]
            if tid == "appeals" or not missing or len(missing) == len(self.keys[tid].table.rows):
                if tid == "appeals" and missing:
                    self._missing_note(tid, ["案件数一行"])
                continue
            self._missing_note(tid, [_row_label(tid, row) for row in missing])

    def _missing_note(self, tid: str, names: list[str]) -> None:
        r = self.report
        shown = "、".join(names[:6]) + ("等" if len(names) > 6 else "")
        r.findings.append(make(
            "F4", unit=r.unit, year=r.year, source=r.source, where=self.where,
            detail=f"表格“{template(r.format).table(tid).label}”中没有找到 {len(names)} 行：{shown}。"
                   "这些单元格未读取，请核对表格是否为标准版式。"))


def _row_label(tid: str, row: Row) -> str:
    if tid == "requests" and row.group and row.group.startswith("（"):
        return f"三{row.group}{row.label}"
    if tid == "requests" and row.label.startswith("（"):
        return f"三{row.label}"
    if tid == "appeals":
        return "行政复议、行政诉讼情况"
    return row.label


def _digits(text: str) -> bool:
    s = text.strip()
    return len(s) > 1 and s.isascii() and s.isdigit()
