"""Column positions learnt from a table's header rows, for grids that keep positions (sheets, Word).

Text loses where a blank cell stood, so the text path maps a row's values by their count. A sheet
or a Word table keeps them: the header row says 自然人 is column D and 总计 column J, so a blank J
is the total, whatever else the row holds. When a table's header does not name every column, the
grid matcher falls back to counting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..templates import Row
from . import labels as L

_NUMBER = re.compile(r"[+\-]?\d[\d,]*(?:\.\d+)?")

# Keys this short only count as a header cell when they are the whole cell (其他 vs 法人或其他组织).
_SHORT = 2
APPEAL_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


_CACHE: dict[int, tuple] = {}


def _keys(keys: dict[str, L.TableKeys]):
    """Per format, once: header text -> column id (whole cell), and longer keys found inside a cell.
    (`keys` is `labels.table_keys(fmt)`, itself cached: its identity names the format.)"""
    if id(keys) in _CACHE:
        return _CACHE[id(keys)]
    exact_all, contained_all = {}, {}
    for tid, tk in keys.items():
        if tid == "appeals":
            continue
        exact, contained = {}, []
        for r in tk.table.rows:
            for c in r.columns:
                for k in (c.label, *c.keys):
                    n = L.norm(k)
                    exact.setdefault(n, c.id)
                    if len(n) > _SHORT:
                        contained.append((n, c.id))
        exact_all[tid] = exact
        contained_all[tid] = sorted(set(contained), key=lambda kc: -len(kc[0]))
    _CACHE[id(keys)] = (exact_all, contained_all)
    return exact_all, contained_all


@dataclass(frozen=True, slots=True)
class Across:
    """`ColumnMap.pick`'s answer for a row whose value is a merged cell spreading over another header's
    column where the row prints nothing (a sheet's or a Word table's `GridCell.end`): the value may be
    either column's, so the row is read as unread, not as the value and a blank."""
    cell: object       # the merged GridCell
    columns: tuple[str, ...]   # the labels of the header columns it covers, its own first


class ColumnMap:
    def __init__(self, keys: dict[str, L.TableKeys]):
        self.exact, self.contained = _keys(keys)
        self.appeal_ids = [c.id for c in keys["appeals"].table.rows[0].columns]
        self.maps: dict[str, dict[str, int]] = {tid: {} for tid in keys}
        self.appeal_cols: set[int] = set()

    def reset(self, tid: str) -> None:
        self.maps[tid] = {}
        if tid == "appeals":
            self.appeal_cols = set()

    def learn(self, tid: str, cells) -> None:
        """Record the columns a header row names (cells: the row's label GridCells)."""
        if tid == "appeals":
            for c in cells:
                if L.norm(c.text) in APPEAL_RESULTS:
                    self.appeal_cols.add(c.col)
            if len(self.appeal_cols) == len(self.appeal_ids):
                self.maps["appeals"] = dict(zip(self.appeal_ids, sorted(self.appeal_cols)))
            return
        if tid == "active" and cells and L.norm(cells[0].text) == "信息内容":
            self.maps["active"] = {}
        exact, contained, m = self.exact[tid], self.contained[tid], self.maps[tid]
        for c in cells:
            n = L.norm(c.text)
            cid = exact.get(n)
            if cid is None:
                cid = next((i for k, i in contained if k in n), None)
            if cid is not None:
                m[cid] = c.col

    def pick(self, tid: str, row: Row, cells, blank) -> list | Across | None:
        """The row's cells at the learnt columns (a blank stand-in where the row prints nothing);
        None when the header did not place every column, or two columns share one position (the
        grid then counts); `Across` when a merged value covers a header column the row prints
        nothing at (whose value it is is not known: never counted, never value + blank)."""
        m = self.maps.get(tid) or {}
        cols = [m.get(c.id) for c in row.columns]
        if None in cols or len(set(cols)) != len(cols):
            return None
        placed = set(cols)
        if any(c.col not in placed and _NUMBER.fullmatch(c.text.strip()) for c in cells):
            return None   # a number outside the header's columns: the header does not fit this row
        by_col = {c.col: c for c in cells}
        if not placed <= by_col.keys():   # a header column where the row prints nothing
            for c in cells:
                if c.end > c.col and c.text.strip() and any(c.col < col <= c.end for col in placed - by_col.keys()):
                    return Across(c, tuple(rc.label for rc, col in zip(row.columns, cols) if c.col <= col <= c.end))
        return [by_col.get(col) or blank(col) for col in cols]
