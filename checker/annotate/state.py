"""What a run leaves behind for the next one, kept in a hidden sheet (`_xxgk`) of the workbook.

Fills and notes cannot be read back through xlwings' remote engine, so neither backend relies on
reading them: each flagged cell's original fill and note are recorded here when it is first
flagged, and restored before the next run's flags go on. Each record also names the canonical
cell it belongs to, so that after a reviewer inserts or deletes rows the next run finds the cell
again through the reader (by its labels) instead of restoring a fill onto whatever cell now
stands at the old coordinates. The signature of every finding (the
values of its cells) lets a finding the reviewer marked 已核实 stay accepted until a value changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..collection import RESULTS_SHEET, STATE_SHEET  # noqa: F401  (the backends use st.RESULTS_SHEET)
MAGIC = "xxgk-checker 标注状态（程序自动维护，请勿修改）"
KEEP = "\x00keep"        # a note we could not read: leave it as it is
REVIEW_HEADER = "复核意见"
KEY_HEADER = "标识"
ACCEPT_WORDS = ("已核实", "无误")


@dataclass
class Original:
    fill: str | None = None       # "#RRGGBB", "theme:N:tint", or None (no fill)
    note: str | None = None       # the note the cell had, None for none, KEEP when unreadable
    cell: str | None = None       # canonical cell id (or meta.* header cell) it was flagged as


@dataclass
class State:
    cells: dict[tuple[str, int, int], Original] = field(default_factory=dict)
    signatures: dict[str, str] = field(default_factory=dict)     # finding key -> cell values then
    reviews: dict[str, str] = field(default_factory=dict)        # finding key -> 复核意见 text

    def accepted(self, key: str, signature: str) -> bool:
        review = self.reviews.get(key, "")
        return any(w in review for w in ACCEPT_WORDS) and self.signatures.get(key) == signature


def parse(state_rows: list[list] | None, results_rows: list[list] | None) -> State:
    """The previous run's state from the values of `_xxgk` and `校验结果` (2-D lists, as both
    openpyxl and xlwings give them)."""
    st = State()
    rows = state_rows or []
    if rows and rows[0] and rows[0][0] == MAGIC:
        for row in rows[1:]:
            row = list(row) + [None] * 7
            try:
                if row[0] == "cell" and row[1]:
                    note = row[5]
                    st.cells[(str(row[1]), int(row[2]), int(row[3]))] = Original(
                        fill=row[4] or None,
                        note=KEEP if note == "<keep>" else (note if note not in (None, "") else None),
                        cell=str(row[6]) if isinstance(row[6], str) and row[6] else None)
                elif row[0] == "finding" and row[1]:
                    st.signatures[str(row[1])] = "" if row[2] is None else str(row[2])
            except (TypeError, ValueError):
                continue    # a row someone edited by hand: skip it rather than fail the run
    st.reviews = _reviews(results_rows or [])
    return st


def _reviews(rows: list[list]) -> dict[str, str]:
    if not rows:
        return {}
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    if REVIEW_HEADER not in header or KEY_HEADER not in header:
        return {}
    ri, ki = header.index(REVIEW_HEADER), header.index(KEY_HEADER)
    out = {}
    for row in rows[1:]:
        row = list(row) + [None] * len(header)
        key, review = row[ki], row[ri]
        if key and review not in (None, ""):
            out[str(key)] = str(review).strip()
    return out


def dump(cells: dict[tuple[str, int, int], Original], signatures: dict[str, str]) -> list[list]:
    rows: list[list] = [[MAGIC, None, None, None, None, None, None]]
    for (sheet, r, c), o in sorted(cells.items()):
        note = "<keep>" if o.note == KEEP else o.note
        rows.append(["cell", sheet, r, c, o.fill, note, o.cell])
    for key, sig in sorted(signatures.items()):
        rows.append(["finding", key, sig, None, None, None, None])
    return rows
