"""Setting one printed cell on a report, with the form findings reading it calls for:
F1 (blank), F2 (not plainly a number: `/`, `无` reported; `１２`, `0 元` read and noted)
and F3 (a row whose cells cannot be told apart)."""
from __future__ import annotations


from itertools import chain

import numpy as np

from ..findings import make
from ..model import MAX_FIGURE, BigFigures, Report, render_location
from ..numbers import parse_number
from ..templates import template
from .cellnotes import scientific


class _Floats(dict):
    """`float(text)` of a cell's plain ASCII digits, each text converted once per process: tables
    repeat a few small numbers (`0`, `1`, `12`), and a dict look-up costs half a `float` call."""
    __slots__ = ()
    LIMIT = 1 << 14       # a run of many distinct numbers starts the dict again rather than grow it

    def __missing__(self, text: str) -> float:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[text] = float(text)
        if value >= MAX_FIGURE:
            BigFigures.seen = True     # (each text is converted here before any report holds it)
        return value


_FLOATS = _Floats()


class CellWriter:
    def __init__(self, report: Report, where: str):
        self.report = report
        self.where = where
        self._digit_idx: list[int] = []      # cells of plain digits, written by `flush` in one go
        self._digit_texts: list[str] = []
        # their places as runs of cells on one line: (part, row, first col, cells), a run's cols
        # consecutive (a tab row's values); a cell of `digits` is a run of its own
        self._digit_runs: list[tuple[int, int, int, int]] = []

    def place(self, c) -> str:
        """File and place of a GridCell, for a person: `a.xlsx 表三!D7`, `a.txt 第12行`."""
        r = self.report
        part = r.parts[c.part] if r.parts and c.part < len(r.parts) else None
        return f"{self.where} {render_location(r.location_style, part, c.row, c.col)}"

    def put(self, cid: str, c) -> bool:
        """Set cell `cid` from GridCell `c`; True when it is blank (the caller groups the F1)."""
        r = self.report
        t = c.text
        if t.isdigit() and t.isascii():   # the common case, without the general parser
            r.set(cid, float(t), row=c.row, col=c.col, part=c.part)
            return False
        p = parse_number(t)
        if p.status == "ok":
            if p.decimals:
                r.set(cid, p.value, row=c.row, col=c.col, part=c.part, decimals=p.decimals)
            else:
                r.set(cid, p.value, row=c.row, col=c.col, part=c.part)
            return False
        if p.status == "blank":
            r.set(cid, None, row=c.row, col=c.col, part=c.part)
            return True
        label = template(r.format).cell(cid).label
        if p.status == "normalised":
            meta = {"text": p.text, "decimals": p.decimals}
            if p.unit:
                meta["unit"] = p.unit
            r.set(cid, p.value, row=c.row, col=c.col, part=c.part, **meta)
            shown = int(p.value) if float(p.value).is_integer() else p.value
            unit_note = f"（单位：{p.unit}）" if p.unit else ""
            r.findings.append(make(
                "F2", unit=r.unit, year=r.year, severity="info", cells=[r.ref(cid)], suspect=r.ref(cid),
                actual=p.text, suggestion=p.value, source=r.source, where=self.place(c),
                label=label, text=p.text.strip(),
                detail=f"已按 {shown}{unit_note or ' '}读取，建议填写不带单位的半角数字。"))
            return False
        r.set(cid, None, row=c.row, col=c.col, part=c.part, text=p.text)
        r.findings.append(make(
            "F2", unit=r.unit, year=r.year, cells=[r.ref(cid)], suspect=r.ref(cid), actual=p.text,
            source=r.source, where=self.place(c), label=label, text=p.text.strip(),
            detail=scientific(p.text) or "不能读作数字，该格按空白处理；没有发生应填 0。"))
        return False

    def put_row(self, ids, idxs, cells) -> list:
        """`put` each (id, GridCell) pair; the blank ones, for the caller's F1. Plain digits are kept
        for `flush` like a whole row of them (`digits`); `idxs` are the cells' template indices."""
        blanks = []
        for i, cid, c in zip(idxs, ids, cells):
            t = c.text
            if t.isdigit() and t.isascii():
                self.digits((i,), (c,), (t,))
            elif self.put(cid, c):
                blanks.append((cid, c))
        return blanks

    def digits(self, idxs, cells, texts) -> None:
        """Cells of plain ASCII digits (nearly every row of a large run is all digits): kept for
        `flush`, which sets them all as `Report.set` would, with a few array operations a report
        instead of five item writes a cell. Each cell is set once per reading (rows are read once)."""
        self._digit_idx.extend(idxs)
        self._digit_texts.extend(texts)
        self._digit_runs.extend((c.part, c.row, c.col, 1) for c in cells)

    def digits_at(self, idxs, texts, row: int, col: int) -> None:
        """`digits` of a tab row's cells given by their texts: line `row`, columns `col`, `col`+1, …,
        part 0 (what their GridCells would hold; see `grid.TabRow`)."""
        self._digit_idx.extend(idxs)
        self._digit_texts.extend(texts)
        self._digit_runs.append((0, row, col, len(texts)))

    def flush(self) -> None:
        """Write the rows `digits` kept."""
        n = len(self._digit_idx)
        if not n:
            return
        r = self.report
        idx = np.fromiter(self._digit_idx, dtype=np.intp, count=n)
        r.values[idx] = np.fromiter(map(_FLOATS.__getitem__, self._digit_texts), dtype=np.float64, count=n)
        r.present[idx] = True
        # each run's (part, row, col) repeated over its cells, its cols counting up from its first:
        # the first col less the run's start, repeated, plus each cell's place in the whole list
        m = len(self._digit_runs)     # (fromiter over the flat ints: a third cheaper than np.array of tuples)
        runs = np.fromiter(chain.from_iterable(self._digit_runs), dtype=np.int64, count=4 * m).reshape(m, 4)
        lens = runs[:, 3]
        runs[:, 2] -= lens.cumsum() - lens           # (the methods: np.cumsum/np.repeat add a Python call)
        loc = runs[:, :3].repeat(lens, axis=0)
        loc[:, 2] += np.arange(n)
        r.loc[idx] = loc
        self._digit_idx, self._digit_texts, self._digit_runs = [], [], []

    def blank(self, blanks: list, label: str) -> None:
        """One F1 for a row's blank cells (each listed in `cells`), placed at the first of them."""
        r = self.report
        cols = [template(r.format).cell(cid).label.split("·", 1)[-1] for cid, _ in blanks]
        r.findings.append(make(
            "F1", unit=r.unit, year=r.year, cells=[r.ref(cid) for cid, _ in blanks], source=r.source,
            where=self.place(blanks[0][1]), label=f"{label}·{'、'.join(cols)}"))

    def unknown(self, ids: list[str], anchor, label: str, found: int, ncols: int, empty: int = 0,
                detail: str = "") -> None:
        """A row whose values cannot be mapped to its columns for sure: all blank, one F3. `empty`:
        the row's empty cells, named when they, not the numbers, are what does not fit the columns
        (`3 个数值和 1 个空着的格，模板有 3 列`, not `3 个数值，模板有 3 列`). `detail` follows the
        count (shortrow: what the table's equalities settled of the row)."""
        r = self.report
        for cid in ids:
            r.set(cid, None, row=anchor.row, col=anchor.col, part=anchor.part)
        count = f"一行有 {found} 个数值，模板有 {ncols} 列"
        if empty and found >= ncols:
            count = f"一行有 {found} 个数值和 {empty} 个空着的格，模板有 {ncols} 列"
        count += detail
        r.findings.append(make(
            "F3", unit=r.unit, year=r.year, cells=[r.ref(c) for c in ids], source=r.source,
            where=self.place(anchor), label=label, count=count))

