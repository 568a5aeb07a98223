"""Known errors injected into a generated district, with a record of the truth: which report,
which cell, the original value and what was printed instead. Each error goes to its own report
(except `prose_slip`).

Kinds: `typo` (one digit wrong), `transposition` (two adjacent digits swapped), `wrong_total`
(a total cell off), `carryover` (上年结转 disagrees with last year's 结转下年), `district` (a
cell of the district's aggregate disagrees with its units), `unit_slip` (an amount in 元 where
万元 is asked), `blank` (a cell left empty), `prose` (the prose figure disagrees with the table),
`period` (the period sentence names the wrong year), `prose_slip` (the prose misstates 新收 or
予以公开 by a typed slip while the table prints it right; mostly in a report that also carries a
table error, the only error that shares a report with another: the localiser weighs the prose
there and must blame no table cell for the prose's slip).

Kinds that change several cells at once (issue 13), each one root cause with every changed cell
in the record's `changes`: `stray_digit` (a digit typed too many: 7 → 17), `multiple` (a stray 1
in a result cell and in （七）总计 of the same column: the column still adds up, the rows do not),
`interacting` (a unit's typo and the district's typo in the same cell and year: they cancel in
the district's sum), `block` (a unit raises 上年结转 and keeps its own table consistent: only R6
and R9 see it), `zero_total_column` (a unit's 总计 column left 0) and `zero_total_row` (a unit's
（七）总计 row printed 0): the district's report is the sum of the units' right figures.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass

from checker.templates import template

from .generate import District

# kind -> share of the injected errors (in this order; the remainder goes to typos)
MIX = (("typo", 7), ("transposition", 6), ("wrong_total", 5), ("carryover", 4), ("district", 3),
       ("unit_slip", 2), ("blank", 5), ("prose", 4), ("prose_slip", 3), ("period", 4), ("stray_digit", 4), ("multiple", 4),
       ("interacting", 2), ("block", 3), ("zero_total_column", 2), ("zero_total_row", 2))
TABLE_KINDS = ("typo", "transposition", "wrong_total", "carryover", "district", "unit_slip", "blank",
               "stray_digit", "multiple", "interacting", "block", "zero_total_column", "zero_total_row")


@dataclass(frozen=True)
class Change:
    unit: str
    year: int
    cell: str
    original: float | None
    printed: float | None


@dataclass
class Injected:
    kind: str
    unit: str
    year: int
    cell: str | None          # None for prose and period errors
    original: float | None
    printed: float | None
    more: tuple[Change, ...] = ()      # the other cells the same root cause changed
    prose_cell: str | None = None      # prose_slip: the cell whose figure the prose misstates

    @property
    def changes(self) -> list[Change]:
        """Every cell this error changed (none for prose and period errors)."""
        first = [Change(self.unit, self.year, self.cell, self.original, self.printed)] if self.cell else []
        return first + list(self.more)

    def to_json(self) -> dict:
        return {"kind": self.kind, "unit": self.unit, "year": self.year, "cell": self.cell,
                "original": self.original, "printed": self.printed,
                "changes": [vars(c) for c in self.changes]}


def inject(d: District, n: int, seed: int = 1, only: tuple[str, ...] | None = None,
           start: int = 0) -> list[Injected]:
    """Inject `n` errors (of the kinds in `only`, default all; a workbook has no prose, so
    workbook runs take TABLE_KINDS). `start` rotates the kinds' order, so that many districts
    with few errors each still get every kind."""
    rng = random.Random(seed * 7919 + n)
    mix = [(k, share) for k, share in MIX if only is None or k in only]
    # round robin over the kinds (so a small `n` still has every kind), shares as in MIX
    rounds = max(share for _, share in mix)
    kinds = [k for j in range(rounds) for k, share in mix if share > j]
    start %= len(kinds)
    kinds = kinds[start:] + kinds[:start]
    kinds = (kinds * (n // len(kinds) + 1))[:n]
    used: set[tuple[str, int]] = set()
    out = []
    for kind in kinds:
        rec = _one(d, kind, rng, used)
        if rec is None:           # no cell fits this kind (e.g. nothing ≥ 10 to transpose)
            rec = _one(d, "typo", rng, used)
        if rec is not None:
            used.update((c.unit, c.year) for c in rec.changes)
            used.add((rec.unit, rec.year))
            out.append(rec)
    d.truth.extend(out)
    return out


def _pick(d: District, rng, used, *, parent=False, min_year=None, fmt=None):
    pool = [r for r in d.reports
            if (r.unit == d.parent_unit) == parent and (r.unit, r.year) not in used
            and (min_year is None or r.year >= min_year) and (fmt is None or r.format == fmt)]
    return rng.choice(pool) if pool else None


def _set(r, cell: str, value):
    i = template(r.format).index[cell]
    original = r.values[i]
    r.values[i] = math.nan if value is None else value
    return None if math.isnan(original) else float(original)


def _one(d: District, kind: str, rng: random.Random, used) -> Injected | None:
    if kind == "prose":
        r = _pick(d, rng, used)
        received, granted = d.prose[(r.unit, r.year)]
        d.prose[(r.unit, r.year)] = ((received or 0) + rng.choice((1, 2, 3, 10)), granted)
        return Injected(kind, r.unit, r.year, None, received, d.prose[(r.unit, r.year)][0])
    if kind == "prose_slip":
        return _prose_slip(d, rng, used)
    if kind == "period":
        r = _pick(d, rng, used)
        d.periods[(r.unit, r.year)] = r.year - 1
        return Injected(kind, r.unit, r.year, None, r.year, r.year - 1)
    if kind == "unit_slip":
        for _ in range(50):
            r = _pick(d, rng, used)
            cell = "active.procurement.amount" if r.format == "2019" else "active.fees.amount_wan"
            v = r.get(cell)
            if v:
                printed = round(v * 10000, 2)
                _set(r, cell, printed)
                return Injected(kind, r.unit, r.year, cell, v, printed)
        return None
    if kind in SEVERAL:
        return SEVERAL[kind](d, rng, used)
    if kind == "carryover":
        r = _pick(d, rng, used, min_year=d.years[1])
        cell = f"requests.carried_over.{rng.choice(('natural_person', 'natural_person', 'commercial'))}"
        v = r.get(cell)
        printed = v + rng.choice((1, 2, 3)) if v == 0 else v - 1
        _set(r, cell, printed)
        return Injected(kind, r.unit, r.year, cell, v, printed)
    for _ in range(50):          # a report that has a cell this kind of error fits
        r = _pick(d, rng, used, parent=(kind == "district"))
        if r is None:
            return None
        cells = _cells_for(kind, r)
        rng.shuffle(cells)
        if kind == "blank":
            cell = cells[0]
            return Injected(kind, r.unit, r.year, cell, _set(r, cell, None), None)
        for cell in cells:
            v = r.get(cell)
            printed = _mutate(kind, v, rng)
            if printed is not None and printed != v:
                _set(r, cell, printed)
                return Injected(kind, r.unit, r.year, cell, v, printed)
    return None


PROSE_CELLS = ("requests.received.total", "requests.granted.total")     # the figures the prose states


def _prose_slip(d: District, rng: random.Random, used) -> Injected | None:
    """The prose misstates a figure its table prints right: a typed slip of it (digits swapped, one
    digit wrong). Mostly in a report that already carries a table error, so that the localiser
    weighs this prose while it decides which cell is wrong there (it must blame no table cell for
    the prose's slip); the cell is one that error left as it was."""
    busy = [r for r in d.reports if (r.unit, r.year) in used]
    for _ in range(50):
        r = rng.choice(busy) if busy and rng.random() < 0.75 else _pick(d, rng, used)
        if r is None:
            return None
        stated = list(d.prose[(r.unit, r.year)])
        n = rng.randrange(2)
        cell, v = PROSE_CELLS[n], stated[n]
        # the prose still states what its table prints (no prose error there yet), and the table's
        # error, if any, left this cell as it was
        if v is None or any(r.get(c) != x for c, x in zip(PROSE_CELLS, stated)):
            continue
        said = _mutate("transposition", v, rng) if v >= 10 and rng.random() < 0.5 else None
        said = said if said is not None else _mutate("typo", v, rng)
        stated[n] = said = int(said)       # the prose prints a whole number ("6 件", not "6.0 件")
        d.prose[(r.unit, r.year)] = tuple(stated)
        return Injected("prose_slip", r.unit, r.year, None, v, said, prose_cell=cell)
    return None


def _cells_for(kind: str, r) -> list[str]:
    tpl = template(r.format)
    req = [c.id for c in tpl.cells if c.table == "requests"]
    if kind == "wrong_total":
        return [c for c in req if c.endswith(".total") or ".handled_total." in c]
    if kind == "transposition":
        return [c.id for c in tpl.cells if c.kind == "count" and (r.get(c.id) or 0) >= 10]
    if kind == "blank":
        return [c for c in req if ".total" not in c]
    # typo / district: a requests cell, mostly one that holds something
    nonzero = [c for c in req if r.get(c)]
    return nonzero + req if nonzero else req


def _mutate(kind: str, v, rng: random.Random):
    s = str(int(v))
    if kind == "stray_digit":
        k = rng.randrange(len(s) + 1)
        d = rng.choice("123456789" if k == 0 else "0123456789")
        return float(s[:k] + d + s[k:])
    if kind == "transposition":
        spots = [k for k in range(len(s) - 1) if s[k] != s[k + 1] and not (k == 0 and s[k + 1] == "0")]
        if not spots:
            return None
        k = rng.choice(spots)
        return float(s[:k] + s[k + 1] + s[k] + s[k + 2:])
    if kind == "wrong_total":
        return v + rng.choice((1, 2, -1, 10)) if v + 1 > 1 else v + rng.choice((1, 2, 10))
    # typo (and district): one digit replaced by another
    k = rng.randrange(len(s))
    d = rng.choice([x for x in "0123456789" if x != s[k] and not (k == 0 and x == "0" and len(s) > 1)])
    return float(s[:k] + d + s[k + 1:])


def apply_to_reports(d: District) -> None:
    """For checks without the readers (bench): carry the prose and period errors into the
    in-memory reports' metadata and prose facts, as the prose analysis would have found them."""
    from checker.model import ProseFact
    for r in d.reports:
        py = d.periods[(r.unit, r.year)]
        r.period = f"{py}-01-01/{py}-12-31"
        received, granted = d.prose[(r.unit, r.year)]
        if received is not None:
            text = f"{r.year} 年共收到政府信息公开申请 {received} 件，予以公开 {granted} 件"
            r.prose = [ProseFact("count", text, 8, float(received), cell="requests.received.total")]
            if granted is not None:
                r.prose.append(ProseFact("count", text, 8, float(granted), cell="requests.granted.total"))


# --- errors that change several cells ---------------------------------------------------------------
def _record(kind: str, r, changes: list[tuple[object, str, float]]) -> Injected:
    """Apply `changes` [(report, cell, new value)] and record them, the first as the main cell."""
    done = [Change(rep.unit, rep.year, cell, _set(rep, cell, v), v) for rep, cell, v in changes]
    head = done[0]
    return Injected(kind, head.unit, head.year, head.cell, head.original, head.printed, tuple(done[1:]))


def _multiple(d: District, rng, used):
    """A stray 1 in a result cell and in （七）总计 of the same column (the column adds up)."""
    r = _pick(d, rng, used)
    tpl = template(r.format)
    col = rng.choice(("commercial", "natural_person", "research", "other_org"))
    rows = [row.id for row in tpl.table("requests").rows
            if row.id not in ("received", "carried_over", "carried_forward", "handled_total")]
    zero = [x for x in rows if r.get(f"requests.{x}.{col}") == 0]
    row = rng.choice(zero or rows)
    a, b = f"requests.{row}.{col}", f"requests.handled_total.{col}"
    return _record("multiple", r, [(r, a, r.get(a) + 1), (r, b, r.get(b) + 1)])


def _interacting(d: District, rng, used):
    """The same typo in a unit's cell and in the district's same cell and year: the district's sum
    still holds, the unit's and the district's own tables do not."""
    for _ in range(50):
        r = _pick(d, rng, used)
        p = next((x for x in d.reports if x.unit == d.parent_unit and x.year == r.year), None)
        if p is None or (p.unit, p.year) in used:
            continue
        cells = [c for c in _cells_for("typo", r) if r.get(c)]
        if not cells:
            continue
        cell = rng.choice(cells)
        v = r.get(cell)
        printed = _mutate("typo", v, rng)
        return _record("interacting", r, [(r, cell, printed), (p, cell, p.get(cell) + printed - v)])
    return None


def _block(d: District, rng, used):
    """A unit raises 上年结转 of one column and keeps its own table consistent (予以公开 and
    （七）总计 raised too, and their 总计 column)."""
    r = _pick(d, rng, used, min_year=d.years[1])
    if r is None:
        return None
    col = rng.choice(("natural_person", "commercial"))
    up = rng.choice((1, 2, 3))
    cells = [f"requests.{row}.{c}" for row in ("carried_over", "granted", "handled_total")
             for c in (col, "total")]
    return _record("block", r, [(r, c, r.get(c) + up) for c in cells])


def _zero_total(kind: str):
    def inject_zero(d: District, rng, used):
        """A unit's 总计 column (or （七）总计 row) printed 0 where its cells say otherwise."""
        for _ in range(50):
            r = _pick(d, rng, used)
            tpl = template(r.format)
            if kind == "zero_total_column":
                cells = [c.id for c in tpl.cells if c.table == "requests" and c.id.endswith(".total")]
            else:
                cells = [c.id for c in tpl.cells if c.id.startswith("requests.handled_total.")]
            cells = [c for c in cells if r.get(c)]
            if len(cells) >= 2:
                return _record(kind, r, [(r, c, 0.0) for c in cells])
        return None
    return inject_zero


SEVERAL = {"multiple": _multiple, "interacting": _interacting, "block": _block,
           "zero_total_column": _zero_total("zero_total_column"),
           "zero_total_row": _zero_total("zero_total_row")}
