"""Equation families: the linear equalities of R1–R4/L1–L3 (within a report), R6–R8 (a unit's
year Y against Y−1) and R9 (a parent against the sum of its units), evaluated over all reports at
once with numpy. Each violated equality is an *instance* (a hashable key); the localisation step
asks a family which instances contain a given cell and what their terms are, so it can combine
the evidence of every rule to name the one wrong cell.

A term is `(report index, cell id, coefficient)`; residual = Σ coef·value, 0 when the rule holds.
A blank (NaN) in any term makes the instance not evaluable (neither passed nor failed).
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np

from ..catalogue import Rule
from ..numbers import ROUNDING, SAME
from ..templates import template
from .context import Context
from .equations import expand

COUNT_TOL = ROUNDING
MONEY_KINDS = ("money", "wan")


def decimals(ctx: Context, i: int, cell: str, value: float) -> int:
    """Printed decimals of a money cell: the reader's record, else read off the value itself."""
    meta = ctx.reports[i].cell_meta.get(cell)
    if meta and meta.get("decimals") is not None:
        return int(meta["decimals"])
    for d in range(7):
        if abs(value * 10 ** d - round(value * 10 ** d)) < ROUNDING:
            return d
    return 6


def half_units(ctx: Context, b, c: int, cell: str) -> np.ndarray:
    """`half_unit` for column c of every report of block b at once (decimals read off the
    values, overridden where a reader recorded the printed decimals)."""
    v = np.nan_to_num(b.values[:, c])
    dec = np.full(len(v), 6)
    for d in range(6, -1, -1):
        scaled = v * 10.0 ** d
        dec[np.abs(scaled - np.round(scaled)) < ROUNDING] = d
    reports = ctx.reports
    for n, i in enumerate(b.rows.tolist()):
        meta = reports[i].cell_meta.get(cell)
        if meta and meta.get("decimals") is not None:
            dec[n] = int(meta["decimals"])
    return 0.5 * 10.0 ** -dec.astype(float)


def half_unit(ctx: Context, i: int, cell: str, value: float) -> float:
    return 0.5 * 10.0 ** -decimals(ctx, i, cell, value)


def is_money(ctx: Context, i: int, cell: str) -> bool:
    f = ctx.fmt[i]
    tpl = template(f) if f else None
    return bool(tpl and cell in tpl.index and tpl.cell(cell).kind in MONEY_KINDS)


class Family:
    """Base: counts, the violated instances with their residuals, tolerance and terms."""

    def __init__(self, rule: Rule, ctx: Context):
        self.rule, self.ctx = rule, ctx
        self.soft = bool(rule.params.get("soft"))
        self.passed = self.failed = self.not_evaluable = 0
        self.violated: dict[tuple, float] = {}
        self.has_money = False
        self.na: dict = {}

    def _tally(self, res: np.ndarray, tol: np.ndarray | float, keys) -> np.ndarray:
        na = np.isnan(res)
        bad = ~na & (np.abs(res) > tol)
        self.not_evaluable += int(na.sum())
        self.failed += int(bad.sum())
        self.passed += int((~na & ~bad).sum())
        for k in np.flatnonzero(bad.ravel()):
            self.violated[keys(k)] = float(res.ravel()[k])
        return na

    def initially(self, key: tuple) -> str:
        """The instance's status as the reports print it: bad, ok or na (not evaluable)."""
        if key in self.violated:
            return "bad"
        return "na" if self.is_na(key) else "ok"

    def is_na(self, key: tuple) -> bool:
        raise NotImplementedError

    def tolerance(self, key: tuple) -> float:
        if not self.has_money:
            return COUNT_TOL
        tol = 0.0
        money = False
        for i, cell, coef in self.terms(key):
            if is_money(self.ctx, i, cell):
                money = True
                v = self.ctx.value(i, cell)
                tol += abs(coef) * (half_unit(self.ctx, i, cell, v) if v == v else 0.0)
        return tol + SAME if money else COUNT_TOL

    def terms(self, key: tuple) -> list[tuple[int, str, float]]:
        raise NotImplementedError

    def instances_of(self, i: int, cell: str) -> list[tuple]:
        raise NotImplementedError

    def cells(self) -> set[str] | None:
        """Every cell id some instance of this family may contain (None: any cell): outside
        it `instances_of` is empty, so the localisation need not ask."""
        return None

    def sides(self, key: tuple) -> tuple[list, list]:
        """The equality's two sides as written: terms (report, cell, signed coefficient)."""
        _, _, i, f, j = key
        eq = self.eqs[f][j]
        p = int(self.ctx.prev[i])
        side = [[(p if t.offset else i, t.cell, t.coef) for t in ts] for ts in (eq.left, eq.right)]
        return side[0], side[1]

    def owner(self, key: tuple) -> int:
        """The report an instance is about (its findings name that report)."""
        return key[2]


class WithinFamily(Family):
    """R1–R4, L1–L3: equalities between the cells of one report. Key ('W', rule, i, fmt, j)."""

    def __init__(self, rule: Rule, ctx: Context):
        super().__init__(rule, ctx)
        self.eqs = {}
        self.by_cell: dict[str, dict[str, list[int]]] = {}
        for f in rule.formats:
            if f not in ctx.blocks:
                continue
            eqs = expand(rule.params, f)
            self.eqs[f] = eqs
            index = defaultdict(list)
            for j, eq in enumerate(eqs):
                for t in eq.terms:
                    index[t.cell].append(j)
            self.by_cell[f] = index
            b = ctx.blocks[f]
            tpl = template(f)
            for j, eq in enumerate(eqs):
                cols = [tpl.index[t.cell] for t in eq.terms]
                coef = np.array([t.coef for t in eq.terms])
                res = b.values[:, cols] @ coef
                self.has_money |= any(tpl.cell(t.cell).kind in MONEY_KINDS for t in eq.terms)
                self.na[(f, j)] = self._tally(res, COUNT_TOL,
                                              lambda k, f=f, j=j, rows=b.rows: ("W", rule.id, int(rows[k]), f, j))

    def is_na(self, key):
        _, _, i, f, j = key
        return bool(self.na[(f, j)].item(self.ctx._rows[i]))      # plain list and item: asked very often

    def cells(self):
        return {c for index in self.by_cell.values() for c in index}

    def terms(self, key):
        _, _, i, f, j = key
        return [(i, t.cell, t.coef) for t in self.eqs[f][j].terms]

    def instances_of(self, i, cell):
        # asked tens of thousands of times by the localisation: the formats as a plain list
        f = self.ctx._fmts[i]
        index = self.by_cell.get(f)
        js = index.get(cell) if index is not None else None
        if not js:
            return []
        rid = self.rule.id
        return [("W", rid, i, f, j) for j in js]


class YearFamily(Family):
    """R6–R8: year Y's cells against the same unit's Y−1 report. Key ('Y', rule, i, fmt, j), i = year Y."""

    def __init__(self, rule: Rule, ctx: Context):
        super().__init__(rule, ctx)
        self.eqs = {}
        self.cur_index: dict[str, dict[str, list[int]]] = {}
        self.prev_index: dict[str, dict[str, list[int]]] = {}
        for f in rule.formats:
            if f not in ctx.blocks:
                continue
            eqs = expand(rule.params, f)
            self.eqs[f] = eqs
            cur, prev = defaultdict(list), defaultdict(list)
            for j, eq in enumerate(eqs):
                for t in eq.terms:
                    (prev if t.offset else cur)[t.cell].append(j)
            self.cur_index[f], self.prev_index[f] = cur, prev
            rows = ctx.blocks[f].rows
            before = ctx.prev[rows]
            cur_cells, prev_cells = list(cur), list(prev)
            cur_vals, prev_vals = ctx.gather(rows, cur_cells), ctx.gather(before, prev_cells)
            for j, eq in enumerate(eqs):
                res = np.zeros(len(rows))
                for t in eq.terms:
                    res = res + t.coef * (prev_vals[:, prev_cells.index(t.cell)] if t.offset
                                          else cur_vals[:, cur_cells.index(t.cell)])
                self.has_money |= any(template(f).cell(t.cell).kind in MONEY_KINDS
                                      for t in eq.terms if t.cell in template(f).index)
                self.na[(f, j)] = self._tally(res, COUNT_TOL,
                                              lambda k, f=f, j=j, rows=rows: ("Y", rule.id, int(rows[k]), f, j))

    def is_na(self, key):
        _, _, i, f, j = key
        return bool(self.na[(f, j)].item(self.ctx._rows[i]))      # plain list and item: asked very often

    def cells(self):
        return {c for index in (*self.cur_index.values(), *self.prev_index.values()) for c in index}

    def terms(self, key):
        _, _, i, f, j = key
        p = int(self.ctx.prev[i])
        return [(p if t.offset else i, t.cell, t.coef) for t in self.eqs[f][j].terms]

    def instances_of(self, i, cell):
        out = []
        fmts = self.ctx._fmts
        f = fmts[i]
        out += [("Y", self.rule.id, i, f, j) for j in self.cur_index.get(f, {}).get(cell, ())]
        nx = int(self.ctx.next[i])
        if nx >= 0:
            fn = fmts[nx]
            out += [("Y", self.rule.id, nx, fn, j) for j in self.prev_index.get(fn, {}).get(cell, ())]
        return out


class HierFamily(Family):
    """R9: a parent's every cell = the sum of its units' cells (same year, same format).
    Key ('H', rule, p, cell). A parent some of whose listed units have no report is not evaluable."""

    def __init__(self, rule: Rule, ctx: Context):
        super().__init__(rule, ctx)
        self.parents: set[int] = set()
        self.scale: dict[tuple[int, str], float] = {}      # amounts printed in 元: to 万元
        self._scales: dict[tuple[str, str], np.ndarray] = {}   # (format, cell) -> per-report scale
        for f in rule.formats:
            b = ctx.blocks.get(f)
            if b is None:
                continue
            po = ctx.parent_of[b.rows]
            kids = b.rows[(po >= 0) & (ctx.fmt_code[np.where(po >= 0, po, 0)] == ctx.code[f])]
            if len(kids) == 0:
                continue
            parents = np.unique(ctx.parent_of[kids])
            ok = np.array([ctx.complete.get(int(p), False)
                           and all(ctx.fmt[k] == f for k in ctx.children_of[int(p)]) for p in parents])
            self.not_evaluable += int((~ok).sum()) * b.values.shape[1]
            parents = parents[ok]
            if len(parents) == 0:
                continue
            self.parents.update(int(p) for p in parents)
            kids = kids[np.isin(ctx.parent_of[kids], parents)]
            tpl = template(f)
            values = self._in_wan(b, tpl)
            # the units' sums only for the parents (their position in `parents`, which is sorted),
            # not a zeroed matrix as large as the whole block; the same additions in the same order
            at = np.searchsorted(parents, ctx.parent_of[kids])
            sums = np.zeros((len(parents), values.shape[1]))
            np.add.at(sums, at, values[ctx.row_in_block[kids]])
            prow = ctx.row_in_block[parents]
            res = values[prow] - sums
            tol = np.full(res.shape, COUNT_TOL)
            for c, spec in enumerate(tpl.cells):
                if spec.kind in MONEY_KINDS:
                    # each amount may be off by half a unit of its last printed decimal
                    half = half_units(ctx, b, c, spec.id) * self._column_scale(b, spec.id)
                    sums_half = np.zeros(len(parents))
                    np.add.at(sums_half, at, half[ctx.row_in_block[kids]])
                    tol[:, c] = half[prow] + sums_half + SAME
            ids = tpl.cell_ids
            width = res.shape[1]
            na = self._tally(res, tol, lambda k, parents=parents, ids=ids, width=width:
                             ("H", rule.id, int(parents[k // width]), ids[k % width]))
            for n, p in enumerate(parents):
                self.na[int(p)] = na[n]
        self.has_money = True

    def _column_scale(self, b, cell: str) -> np.ndarray:
        """Per report: 0.0001 where the amount is printed in 元 ("5000元"), else 1 (once per
        block and cell: both the values and the tolerances ask)."""
        memo = self._scales
        if (b.fmt, cell) in memo:
            return memo[(b.fmt, cell)]
        out = np.ones(len(b.rows))
        reports = self.ctx.reports
        for n, i in enumerate(b.rows.tolist()):
            meta = reports[i].cell_meta.get(cell)
            if meta and meta.get("unit") == "元":
                out[n] = 1e-4
                self.scale[(i, cell)] = 1e-4
        memo[(b.fmt, cell)] = out
        return out

    def _in_wan(self, b, tpl) -> np.ndarray:
        """The block's values with amounts printed in 元 converted to 万元, so the units' amounts
        add up whichever unit each printed (the unit is part of the data)."""
        values = b.values
        for c, spec in enumerate(tpl.cells):
            if spec.kind in MONEY_KINDS:
                scale = self._column_scale(b, spec.id)
                if (scale != 1).any():
                    values = values.copy() if values is b.values else values
                    values[:, c] = values[:, c] * scale
        return values

    def is_na(self, key):
        _, _, p, cell = key
        row = self.na.get(p)
        f = self.ctx._fmts[p]
        index = template(f).index if f else {}
        return row is None or cell not in index or bool(row[index[cell]])

    def tolerance(self, key):
        _, _, p, cell = key
        if not is_money(self.ctx, p, cell):
            return COUNT_TOL
        return super().tolerance(key)

    def terms(self, key):
        _, _, p, cell = key
        sc = self.scale
        if not sc:          # no amount printed in 元 (the usual case): every scale is 1
            return [(p, cell, 1.0)] + [(k, cell, -1.0) for k in self.ctx.children_of[p]]
        return [(p, cell, sc.get((p, cell), 1.0))] + [(k, cell, -sc.get((k, cell), 1.0))
                                                     for k in self.ctx.children_of[p]]

    def instances_of(self, i, cell):
        out = []
        if i in self.parents:
            out.append(("H", self.rule.id, i, cell))
        p = int(self.ctx.parent_of[i])
        if p in self.parents:
            out.append(("H", self.rule.id, p, cell))
        return out
