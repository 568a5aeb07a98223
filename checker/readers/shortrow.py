"""Rows short of values whose columns the layout does not tell, placed by the table's own equalities.

`pdftotext -layout` prints an empty cell as nothing, and on the page a table continues onto it places
each piece of text one character after whatever stands to its left: `（七）总计  3   1   4` may be
自然人, 其他 and 总计, or any three of the seven columns in order. The layout cannot say which
(bench/NOTES.md, l6 and l9); the table can. 表三's equalities (R1: 新收 + 上年结转 = 办理结果总计 +
结转下年度, per column; R2: 办理结果总计 = the result rows, per column; R3: each row's 总计 = its six
parts) and 表四's (each group's 总计 = its four results) hold in a report without errors.

So every placement of the printed values (in their order, the blanks anywhere; several short rows
of a table together) is weighed against them, as the run-together decoder weighs a crawler row's
splits (runtogether.py, c8/c9): a blank cell may hide any number, so an equality holding one checks
nothing, and a cell left unread elsewhere checks nothing either. A placement is *consistent* when every
equality it lets be evaluated holds; it is *one slip away* when a single printed cell, changed, would
make it so (a cell that only the broken equalities hold, all asking it the same change). A report may
carry one error, so the truth is among the consistent and the one-slip-away placements: a cell is
read only when all of those agree on it (its number, or that it is blank), and only when at least one
placement is consistent (a table that shows an error whatever the placement has spent that one error:
nothing is read on its word). Everything else stays F3, naming the placements left.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, product
from math import isnan

from ..templates import template
from .runsplit import column_groups

# Above this many joint placements of a table's short rows nothing is weighed (the rows stay F3).
MAX_PLACEMENTS = 20_000
# Placements shown in an F3 that reads part of a row.
SHOWN = 4
_NOT_RESULTS = ("received", "carried_over", "handled_total", "carried_forward")


@dataclass
class ShortRow:
    table: str
    row_id: str
    cells: list            # the printed values, left to right (GridCells, plain digits)
    label: str             # as the F3 names the row
    finding: object        # the F3 appended for the row when it was read
    numbers: list[int] = field(default_factory=list)


@lru_cache(maxsize=8)
def equations(fmt: str, tid: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """The table's equalities as terms (template index, coefficient) summing to 0."""
    tpl = template(fmt)
    table = tpl.table(tid)
    ix = tpl.index

    def cell(rid: str, cid: str) -> int:
        return ix[f"{tid}.{rid}.{cid}"]

    eqs: list[list[tuple[int, int]]] = []
    for row in table.rows:
        cols = [c.id for c in row.columns]
        at = 0
        for k, total in column_groups(tid, len(cols)):
            if total:
                eqs.append([(cell(row.id, c), 1) for c in cols[at:at + k]] + [(cell(row.id, cols[at + k]), -1)])
            at += k + total
    if tid == "requests":
        rows = [r.id for r in table.rows]
        results = [r for r in rows if r not in _NOT_RESULTS]
        for c in (c.id for c in table.rows[0].columns):
            eqs.append([(cell("received", c), 1), (cell("carried_over", c), 1),
                        (cell("handled_total", c), -1), (cell("carried_forward", c), -1)])
            eqs.append([(cell("handled_total", c), 1)] + [(cell(r, c), -1) for r in results])
    return tuple(tuple(e) for e in eqs)


def placements(n: int, ncols: int) -> list[tuple[int, ...]]:
    """The columns `n` values in their order may stand in."""
    return list(combinations(range(ncols), n))


def weigh(values: list[float], eqs, shorts: list[tuple[list[int], list[int]]],
          own_blank: float | None = None) -> tuple[list, list] | None:
    """(consistent, one slip away): the joint placements, each a tuple of column tuples (one per
    short row). `values`: the report's values by template index (NaN: blank or unread; the short
    rows' cells among them). `shorts`: per short row, (its cells' template indices by column, its
    numbers). None when there are too many placements to weigh. `own_blank`: what a short row's
    own blank counts as (None: any number, it checks nothing; 0: none, a slip may have emptied it —
    measured by bench.layout_masking --blank-as-zero, not used by the reader: see bench/NOTES.md)."""
    short_at = {i: (k, j) for k, (idxs, _) in enumerate(shorts) for j, i in enumerate(idxs)}
    options = [placements(len(nums), len(idxs)) for idxs, nums in shorts]
    total = 1
    for o in options:
        total *= len(o)
    if total > MAX_PLACEMENTS:
        return None
    # each equality: its fixed part (None: a blank or unread cell, it checks nothing), its short cells
    fixed: list[tuple[float, list[tuple[int, int, int]], dict[int, int]]] = []
    for eq in eqs:
        const, terms, ok = 0.0, [], True
        for i, coef in eq:
            if i in short_at:
                k, j = short_at[i]
                terms.append((k, j, coef))
            elif isnan(values[i]):
                ok = False
                break
            else:
                const += coef * values[i]
        if ok:
            fixed.append((const, terms, dict(eq)))
    consistent, slip = [], []
    for choice in product(*options):
        at = [dict(zip(cols, nums)) for cols, (_, nums) in zip(choice, shorts)]
        live: list[tuple[float, dict[int, int]]] = []      # evaluable here: (residual, terms)
        for const, terms, coefs in fixed:
            res = const
            for k, j, coef in terms:
                v = at[k].get(j, own_blank)
                if v is None:
                    break             # its own blank may hide any number too: this one checks nothing
                res += coef * v
            else:
                live.append((res, coefs))
        broken = [(res, coefs) for res, coefs in live if res]
        if not broken:
            consistent.append(choice)
        elif _one_slip(broken, live):
            slip.append(choice)
    return consistent, slip


def _one_slip(broken, live) -> bool:
    """Would changing one printed cell make every evaluable equality hold? The cell must stand in
    every broken one, ask each the same change, and stand in no equality that holds."""
    holding = [coefs for res, coefs in live if not res]
    cells = set(broken[0][1])
    for _, coefs in broken[1:]:
        cells &= coefs.keys()
    for x in cells:
        changes = {res / coefs[x] for res, coefs in broken}
        if len(changes) == 1 and not any(x in coefs for coefs in holding):
            return True
    return False


def decide(values, fmt: str, tid: str, rows: list[tuple[str, list[int]]],
           own_blank: float | None = None) -> list[set[tuple[int, ...]]] | None:
    """For each short row (row id, its numbers left to right) of table `tid`, the placements left
    (column tuples): those of the joint placements that are consistent or one slip away. None when
    nothing may be read: no equality in the table, too many placements, or none consistent.
    `values`: the report's values by template index (NaN: a blank or a cell not read, which checks
    nothing; the short rows' own cells are set by each placement)."""
    if tid not in ("requests", "appeals"):
        return None       # 表二 has no equality inside a report
    tpl = template(fmt)
    spec = []
    for rid, numbers in rows:
        row = next(r for r in tpl.table(tid).rows if r.id == rid)
        spec.append(([tpl.index[f"{tid}.{rid}.{c.id}"] for c in row.columns], numbers))
    got = weigh(values, equations(fmt, tid), spec, own_blank)
    if got is None or not got[0]:
        return None
    left = got[0] + got[1]
    return [{choice[k] for choice in left} for k in range(len(rows))]


def agreed(numbers: list[int], ncols: int, seen: set[tuple[int, ...]]) -> dict[int, int | None]:
    """Column -> value (None: blank) of the columns every placement left gives alike."""
    out = {}
    for j in range(ncols):
        got = {numbers[cols.index(j)] if j in cols else None for cols in seen}
        if len(got) == 1:
            out[j] = got.pop()
    return out


def place(report, shorts: list[ShortRow], cells) -> None:
    """Read what the equalities settle of the short rows (module doc); the rest stays F3.
    A printed blank elsewhere in the table may hide any number (offices leave cells empty): it
    checks nothing, as a cell not read does (both NaN in `report.values`)."""
    if not shorts or report.format not in ("2019", "2021"):
        return
    tpl = template(report.format)
    values = report.values.tolist()
    for tid in dict.fromkeys(s.table for s in shorts):
        mine = [s for s in shorts if s.table == tid]
        if len({s.row_id for s in mine}) < len(mine):
            continue       # a row printed twice: which printing the equalities hold is not known
        seen = decide(values, report.format, tid, [(s.row_id, s.numbers) for s in mine])
        if seen is None:
            continue
        for s, left in zip(mine, seen):
            row = next(r for r in tpl.table(tid).rows if r.id == s.row_id)
            _settle(report, s, [f"{tid}.{s.row_id}.{c.id}" for c in row.columns], left, cells)


def _settle(report, s: ShortRow, ids: list[str], seen: set[tuple[int, ...]], cells) -> None:
    ncols = len(ids)
    known = agreed(s.numbers, ncols, seen)
    if not known:
        return
    first = s.cells[0]
    one = next(iter(seen))
    read = {j: s.cells[one.index(j)] if v is not None else type(first)("", first.row, first.col + j, first.part, -1, True)
            for j, v in known.items()}
    for n, f in enumerate(report.findings):
        if f is s.finding:
            del report.findings[n]
            break
    rest = [ids[j] for j in range(ncols) if j not in read]
    if rest:
        def show(cols):
            return "|".join(str(s.numbers[cols.index(j)]) if j in cols else "空" for j in range(ncols))
        shown = "；".join(show(c) for c in sorted(seen)[:SHOWN]) + (f" 等 {len(seen)} 种" if len(seen) > SHOWN else "")
        cells.unknown(rest, first, s.label, len(s.numbers), ncols,
                      detail=f"（按表内的等式读出了其余 {len(read)} 格；这 {len(rest)} 格的放法仍有几种：{shown}）")
    blanks = [(ids[j], c) for j, c in read.items() if cells.put(ids[j], c)]
    if blanks:
        cells.blank(blanks, s.label)
