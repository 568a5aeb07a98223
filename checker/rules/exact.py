"""Exact error localisation for clusters of broken equalities (the Fellegi–Holt principle, as R's
errorlocate applies it to one record, here over every report a cluster touches): the smallest
set of cells whose change makes every hard equality of the cluster hold, found as a mixed-integer
program with scipy's `milp` (HiGHS).

Variables: for each cell of a broken equality, a change Δ (an integer for counts) and a binary
"changed" z with |Δ| ≤ M·z. Constraints: every broken equality, and every evaluable equality that
holds now and shares one of those cells, holds after the change (within its rounding tolerance);
cells outside the model keep their printed value. Objective: Σ w·z, w = 1 for a filled cell, a
little less for a total (a total is cheaper to blame than an arbitrary component) and for a 0
printed where the other cells say otherwise (a cell left at 0 is the cheapest slip of all); the
differences are small enough that fewer cells always win.

The other solutions with as few cells are enumerated with no-good cuts; the caller ranks them by
how plausible each correction is as a slip of the printed value (`localise.slip_kind`). Many
clusters are solved in one program (they are independent blocks of it): one solver call per
batch instead of one per cluster keeps 100,000 reports fast. A cut is soft (breaking it costs
`REPEAT`, less than one more cell), so a cluster without another optimal solution just repeats
its first one instead of making the whole batch infeasible. Those rounds also cap the number of
changed cells at the first solution's (a solution with more cells would be discarded): the cap
changes no answer but lets the solver prune most of its search on clusters of a thousand cells.
"""
from __future__ import annotations

import math
import time
import warnings
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from .. import notice
from ..templates import template
from . import solvepool

TOTAL_DISCOUNT = 0.002      # a total's weight 0.998: ties between equally many cells go to totals
ZERO_DISCOUNT = 0.004       # a printed 0 (left unfilled) weighs 0.996
REPEAT = 0.5                # the cost of repeating a solution already found (< one more cell)
# The prose as soft evidence (see docs/findings.md, "正文数字作为旁证"). A cell of a broken equality
# whose prose figure differs, changed to exactly that figure, costs AGREES less: below one cell, so
# one prose figure alone never outweighs a whole cell (the prose is itself sometimes the slip), two
# together do; a figure that differs from the table and is exactly what the equalities need is
# hardly a coincidence. A cell whose printed value its own report's prose states again is printed
# twice: blaming it costs CONFIRMED more, the last tie-break only (below the discounts above, after
# the plausibility of the slips): a table's error copied into its prose confirms the wrong value.
# With every report's prose copying its table as printed, 0.35 and even 0.01 (which outweighs a
# total's and a zero's discounts) blamed unchanged cells that the tables alone got right
# (bench/NOTES.md, "Prose as soft evidence").
CONFIRMED = 0.001
AGREES = 0.75
MAX_CELLS = 6000            # a larger cluster is not modelled (the greedy fallback decides); a widened
                            # district-year with many errors reaches 4,000–4,400 cells (bench.accuracy)
BATCH_CELLS = 500          # clusters solved together, up to this many cells per program
MAX_SOLUTIONS = 6           # optimal solutions enumerated before deciding they are too many to name
# Branch-and-bound nodes one cluster may take over all its rounds (its batch that many times):
# a count of the solver's steps, not seconds, so that the result does not depend on how busy the
# machine is. The strengthened program needs a handful of nodes a round; this leaves a wide margin.
NODE_LIMIT = 2000
TOO_LONG = "求解步数超过上限"
# A last resort, not the bound: about this much CPU time for one solver call. A dense district
# (30 units × 3 years, 90 errors) spent over ten minutes in one widened program's presolve, where
# the node count never grows; over it, the cluster falls back to the greedy method and says so.
# HiGHS's own limit is wall-clock time, which on a busy machine (2 cores, load 17) stopped calls
# after 7 s of CPU, and bench.accuracy's seeds 9, 23 and 32 then gave other findings than when idle:
# a call stopped by the clock before it used this much CPU is made again with a longer limit
# (`_milp_in_time`), up to MAX_WALL_SECONDS.
ROUND_SECONDS = 120.0
MAX_WALL_SECONDS = 3600.0
TOO_SLOW = "求解时间超过上限"
# HiGHS's feasibility-jump heuristic looks for a first solution before the root LP; these programs'
# root LP is already integral (see `_strengthened`), so it only costs time: a quarter of the solver's
# CPU on the widened clusters. It changes the path to an optimal solution, not the optimum, and every
# optimal solution is enumerated and ranked anyway.
HIGHS_OPTIONS = {"mip_heuristic_run_feasibility_jump": False}
# Proofs that stand in for a solver call whose answer they already know (`_impossible`): a cluster
# with no solution on its own cells goes straight to its widened program, and a first solution that
# every other set of at most as many cells provably cannot match ends the enumeration. Off: every
# question goes to the solver (the tests compare the two).
PROOFS = True
PROOF_PASSES = 30           # rounds of bound propagation before giving up on a proof (then: solver)
PROOF_SLACK = 1e-5          # relative: wider than the solver's own feasibility tolerances


@dataclass
class Solution:
    errors: dict[tuple[int, str], float]     # cell -> printed − right value
    weight: float
    cells: float = 0.0      # its size as evidence: cells, less AGREES per cell changed to its prose figure


class Unsolved(Exception):
    """The program could not be solved within NODE_LIMIT (or the solver's answer did not check out)."""


@dataclass
class _Model:
    """One cluster's part of a program: its cells, and its equalities over their changes."""
    keys: list[tuple[int, str]]
    values: np.ndarray
    integer: np.ndarray
    signed: np.ndarray
    weight: np.ndarray
    big: np.ndarray
    rows: list[tuple[list[int], list[float]]]      # per equality: columns and coefficients
    lo: list[float]
    hi: list[float]
    block: tuple = ()       # (row, column, coefficient, lo, hi) arrays of rows and |Δ| ≤ M·z, built once
    proof: tuple = ()       # the equalities' arrays and the bounds on Δ `_impossible` starts from, built once
    # prose figures that differ from the printed value: (column, change Δ to that figure); each gets
    # a binary "fits" column y (Δ = that change when y = 1) rewarded AGREES
    fits: list[tuple[int, float]] = field(default_factory=list)
    found: list[Solution] = field(default_factory=list)
    cuts: list[list[int]] = field(default_factory=list)   # columns of each solution found
    open: bool = True
    error: str | None = None
    infeasible: bool = False


def solve(dec, broken: set[tuple], node_limit: int | None = None) -> tuple[list[Solution], bool]:
    """The optimal solutions of one cluster (see `solve_many`). Raises Unsolved."""
    [result] = solve_many(dec, [broken], node_limit)
    if isinstance(result, Unsolved):
        raise result
    return result


def solve_many(dec, clusters: list[set[tuple]], node_limit: int | None = None) -> list:
    """For each cluster of broken hard equalities (keys of `dec`, a localise.Decoder): its optimal
    solutions (as few cells as the best, best weight first) and whether that list is complete
    (False: more than MAX_SOLUTIONS), or an `Unsolved` saying why not. `node_limit` (solver
    nodes, NODE_LIMIT unless given) is per cluster, spent by its batch as a whole."""
    if node_limit is None:
        node_limit = NODE_LIMIT
    try:
        import scipy.optimize  # noqa: F401  (imported here: only clusters that need it pay for it)
    except ImportError:
        return [Unsolved("未安装 scipy")] * len(clusters)
    models: list[_Model | Unsolved] = []
    for broken in clusters:
        try:
            models.append(_model(dec, broken))
        except Unsolved as e:
            models.append(e)
    for m in models:
        if PROOFS and isinstance(m, _Model) and _impossible(m):
            m.error, m.infeasible = "无解", True       # what the solver says of it alone
    with solvepool.Pool() as pool:
        _solve_batches(pool, [m for m in models if isinstance(m, _Model) and not m.infeasible], node_limit)
        # no solution with the cells of the broken equalities alone: two errors may cancel out in
        # an equality that then holds, so its cells are free to change too (within a report and
        # year); each such cluster is solved alone
        wider = []
        for n, m in enumerate(models):
            if isinstance(m, _Model) and m.infeasible:
                try:
                    models[n] = _model(dec, clusters[n], wider=True)
                except Unsolved as e:
                    models[n] = e
                else:
                    wider.append(models[n])
        _solve_jobs(pool, [[m] for m in wider], node_limit)
    out = []
    for m in models:
        if isinstance(m, Unsolved):
            out.append(m)
        elif m.error or not m.found:
            out.append(Unsolved(m.error or "无解"))
        else:
            out.append((m.found, len(m.found) < MAX_SOLUTIONS))
    return out


def _milp_in_time(call):
    """`call(seconds)` (a milp call with that wall-clock limit) until it is not stopped by the clock
    before it has used about ROUND_SECONDS of this process's CPU time: a call starved by other
    processes is made again, whole (HiGHS cannot resume), with a limit longer in proportion, so that
    whether a cluster is solved does not depend on how busy the machine is. Its first limit is the
    budget at the share of a core the previous call got, when that was under half (a busy machine):
    the next call is then not stopped first and made again, its CPU spent twice. A call so extended
    that used more than the budget is stopped as an idle machine's clock would have stopped it."""
    seconds = ROUND_SECONDS if _SHARE[0] >= 0.5 else min(MAX_WALL_SECONDS, ROUND_SECONDS / max(_SHARE[0], 0.125))
    while True:
        start, began = time.process_time(), time.monotonic()
        res = call(seconds)
        used, took = time.process_time() - start, time.monotonic() - began
        if took >= 1.0:
            _SHARE[0] = used / took
        if res.status == 0 and seconds > ROUND_SECONDS and used > ROUND_SECONDS:
            from scipy.optimize import OptimizeResult
            return OptimizeResult(status=1, x=None, message="Time limit reached (CPU budget)",
                                  mip_node_count=res.get("mip_node_count"))
        # status 1: a time, node or iteration limit; only the clock stops a call with CPU to spare
        if res.status != 1 or "time limit" not in str(res.message).lower() or used >= 0.9 * ROUND_SECONDS \
                or seconds >= MAX_WALL_SECONDS:
            return res
        seconds = min(MAX_WALL_SECONDS, seconds * min(8.0, 1.2 * ROUND_SECONDS / max(used, 1e-3)))


# The share of a core (CPU time / wall time) the last solver call of this process got.
_SHARE = [1.0]


def _busy(models: list[_Model]) -> str:
    reports = len({_report(k[0]) for m in models for k in m.keys})
    return (f"精确定位：{reports} 份报告中相互关联的错误（{sum(len(m.keys) for m in models)} 个单元格）"
            f"正在求解，每次最多约 {ROUND_SECONDS:.0f} 秒 CPU 时间")


def _solve_batches(pool, models: list[_Model], node_limit: int) -> None:
    batches: list[list[_Model]] = [[]]
    for m in models:
        if batches[-1] and sum(len(b.keys) for b in batches[-1]) + len(m.keys) > BATCH_CELLS:
            batches.append([])
        batches[-1].append(m)
    _solve_jobs(pool, [b for b in batches if b], node_limit)


def _solve_jobs(pool, batches: list[list[_Model]], node_limit: int) -> None:
    """Solve each batch (in this process or the pool's worker) and keep what was found."""
    states = pool.map(_solve_job, [(b, node_limit) for b in batches], [sum(len(m.keys) for m in b) for b in batches])
    for batch, state in zip(batches, states):
        for m, (found, cuts, still_open, error, infeasible) in zip(batch, state):
            m.found, m.cuts, m.open, m.error, m.infeasible = found, cuts, still_open, error, infeasible


def _solve_job(job: tuple[list[_Model], int]) -> list[tuple]:
    """One batch solved (run by `solvepool`, perhaps in the worker process): each model's state."""
    batch, node_limit = job
    _solve_batch(batch, node_limit)
    return [(m.found, m.cuts, m.open, m.error, m.infeasible) for m in batch]


def virtual(x: tuple[int, str]) -> bool:
    """A cell of a district's "other units" (see `_model`), not of one report."""
    return x[0] < 0


def _report(i: int) -> int:
    return i if i >= 0 else -i - 2          # a district's other units: -(district + 2)


def _model(dec, broken: set[tuple], wider: bool = False) -> _Model:
    """The program of one cluster. The reports with a broken equality of their own (and the
    districts whose sums are broken) get a variable per cell; a district's other units, whose own
    tables all hold, are one "other units" report per district: the sum of their changes obeys
    the same within-report equalities, so a consistent edit in one of them is still an option
    (then no cell can be named), at the size of one report instead of fifty."""
    own = {i for k in broken if k[0] != "H" for i, _, _ in dec.terms(k) if i >= 0}
    own |= {k[2] for k in broken if k[0] == "H"}
    cells: dict[tuple[int, str], int] = {}
    clean_sum: dict[tuple[int, str], float] = defaultdict(float)

    def take(keys):
        value = dec.value
        for k in sorted(keys):
            sums = k[0] == "H"
            terms = dec.terms(k)
            got = dec.values(terms) if sums else None      # a district's units' values at once
            for n, (i, c, _) in enumerate(terms):
                if i < 0:
                    continue
                if i in own or not sums:
                    x = (i, c)
                    if x not in cells and not math.isnan(value(i, c)):
                        cells[x] = len(cells)
                    continue
                v = got[n]                    # one of the district's other units
                if not math.isnan(v):
                    x = (-k[2] - 2, c)
                    if x not in cells:
                        cells[x] = len(cells)
                    clean_sum[x] += v
    take(broken)

    def holding(reports):
        out = set()
        for i, c in list(cells):
            if i in reports:
                for k in dec.instances(i, c, dec.hard):
                    if k not in broken and dec.status(k) == "ok":
                        out.add(k)
        return out
    if wider:
        # two errors may cancel out in an equality that then holds: its cells may change too
        take(k for k in holding({i for k in broken if k[0] != "H" for i, _, _ in dec.terms(k)}) if k[0] != "H")
    if not cells or len(cells) > MAX_CELLS:
        raise Unsolved(f"涉及 {len(cells)} 个单元格")
    keys = list(cells)
    specs = [template(dec.ctx.fmt[_report(i)]).cell(c) for i, c in keys]
    values = np.array([clean_sum[(i, c)] if i < 0 else dec.value(i, c) for i, c in keys])
    rows, lo, hi, size = [], [], [], []

    def add(cols, coefs, r, tol):
        rows.append((cols, coefs))
        size.append(abs(r))
        lo.append(-tol - r)
        hi.append(tol - r)
    # the equalities: the broken ones and the evaluable ones through their cells
    for k in sorted(set(broken) | holding(own)):
        r = dec.residual(k)
        if math.isnan(r):
            continue
        by_col: dict[int, float] = {}
        sums = k[0] == "H"
        others: set[str] = set()         # cells whose "other units" column is already in the row
        for i, c, coef in dec.terms(k):
            if sums and i >= 0 and i not in own:
                # a unit outside the model (its cells never are): the district's other units
                # change by their sum, once per row
                if c in others:
                    continue
                others.add(c)
                j = cells.get((-k[2] - 2, c))
                coef = -1.0
            else:
                j = cells.get((i, c))
            if j is not None:
                by_col[j] = by_col.get(j, 0.0) + coef
        add(list(by_col), list(by_col.values()), r, dec.tol(k))
    # the other units' sum of changes obeys their tables' equalities (each holds with 0 change)
    for p in {-i - 2 for i, _ in keys if i < 0}:
        fmt = dec.ctx.fmt[p]
        virtual_cells = [c for i, c in keys if i == -p - 2]
        for fam in dec.hard:
            if not _within(fam):
                continue
            eqs = fam.eqs.get(fmt, ())
            # only the equalities through one of the other units' cells have a column here (in
            # their own order): found through the family's index instead of trying every one
            index = fam.by_cell.get(fmt, {})
            for eq in (eqs[j] for j in sorted({j for c in virtual_cells for j in index.get(c, ())})):
                cols = [(cells.get((-p - 2, t.cell)), t.coef) for t in eq.terms]
                cols = [(j, coef) for j, coef in cols if j is not None]
                if cols:
                    add([j for j, _ in cols], [coef for _, coef in cols], 0.0, 1e-6)
    # per cell: the largest residual of an equality through it
    spread = np.zeros(len(keys))
    sizes = np.fromiter((len(cols) for cols, _ in rows), dtype=np.int64, count=len(rows))
    np.maximum.at(spread, np.fromiter((j for cols, _ in rows for j in cols), dtype=np.int64, count=int(sizes.sum())),
                  np.repeat(np.asarray(size, dtype=float), sizes))
    money = np.array([s.kind not in ("count", "signed") for s in specs])
    weight = np.ones(len(keys))
    for j, spec in enumerate(specs):
        if spec.column == "total" or spec.row.endswith("total"):
            weight[j] -= TOTAL_DISCOUNT
        if values[j] == 0 and keys[j][0] >= 0:
            weight[j] -= ZERO_DISCOUNT
    model = _Model(keys, values,
                  integer=np.array([s.kind in ("count", "signed") for s in specs]),
                  signed=np.array([s.kind == "signed" for s in specs]),
                  weight=weight,
                  # how far a change may go: it accounts for the residuals of the broken
                  # equalities (twice: two changes may share one), or, for an amount, is a slip of
                  # its own printed value (元 for 万元); a tight bound keeps the program quick
                  big=np.where(money, np.maximum(2 * spread.max() + 1, 1.01 * np.abs(values) + 1),
                               2 * spread.max() + 1),
                  rows=rows, lo=lo, hi=hi)
    _prose(dec, model, broken)
    model.block = _block(model)
    return model


def _prose(dec, m: _Model, broken: set[tuple]) -> None:
    """The prose's figures as soft evidence (CONFIRMED, AGREES): only whole-number cells of a
    report (never a district's other units), and a fit only for a cell of a broken equality, so
    that the prose never makes a cell worth blaming that no broken equality involves."""
    involved = None
    for j, (i, c) in enumerate(m.keys):
        if i < 0 or not m.integer[j]:
            continue
        said = dec.stated(i).get(c)
        if said is None:
            continue
        if abs(said - m.values[j]) < 1e-9:
            m.weight[j] += CONFIRMED
            continue
        if involved is None:
            involved = {(i2, c2) for k in broken for i2, c2, _ in dec.terms(k)}
        if (i, c) in involved and abs(said - m.values[j]) <= m.big[j]:
            m.fits.append((j, said - m.values[j]))


def _block(m: _Model) -> tuple:
    """The model's constraints over its own columns [Δ (n), z (n), y (fits)] as COO arrays: its
    equalities, then Δ − M·z ≤ 0 and −Δ − M·z ≤ 0 per cell, then per prose fit Δ = d when y = 1.
    Batches and enumeration rounds reuse them."""
    n, e = len(m.keys), len(m.rows)
    sizes = np.fromiter((len(cols) for cols, _ in m.rows), dtype=np.int64, count=e)
    ri = np.repeat(np.arange(e), sizes)
    ci = np.fromiter((j for cols, _ in m.rows for j in cols), dtype=np.int64, count=int(sizes.sum()))
    data = np.fromiter((x for _, coefs in m.rows for x in coefs), dtype=float, count=int(sizes.sum()))
    cells = np.arange(n)
    # rows e + 2j and e + 2j + 1: (Δj, zj) with (1, −M) and (−1, −M)
    bi = e + np.repeat(np.arange(2 * n), 2)
    bc = np.stack([cells, n + cells, cells, n + cells], axis=1).ravel()
    bd = np.stack([np.ones(n), -m.big, -np.ones(n), -m.big], axis=1).ravel()
    lo = np.concatenate([np.asarray(m.lo, dtype=float), np.full(2 * n, -np.inf)])
    hi = np.concatenate([np.asarray(m.hi, dtype=float), np.zeros(2 * n)])
    strong = _strengthened(m, ri, ci, data, lo[:e], hi[:e])
    # per fit t (cell j, change d), with K = M_j + |d|: Δj + (K − d)·yt ≤ K and Δj − (K + d)·yt ≥ −K
    # (y = 1: Δj = d; y = 0: no constraint within |Δj| ≤ M_j)
    fr, fc, fd, flo, fhi = [], [], [], [], []
    for t, (j, d) in enumerate(m.fits):
        k = float(m.big[j]) + abs(d)
        fr += [2 * t, 2 * t, 2 * t + 1, 2 * t + 1]
        fc += [j, 2 * n + t, j, 2 * n + t]
        fd += [1.0, k - d, 1.0, -(k + d)]
        flo += [-np.inf, -k]
        fhi += [k, np.inf]
    top = len(lo) + len(strong[3])
    return (np.concatenate([ri, bi, strong[0] + len(lo), np.asarray(fr, dtype=np.int64) + top]),
            np.concatenate([ci, bc, strong[1], np.asarray(fc, dtype=np.int64)]),
            np.concatenate([data, bd, strong[2], np.asarray(fd, dtype=float)]),
            np.concatenate([lo, strong[3], np.asarray(flo, dtype=float)]),
            np.concatenate([hi, strong[4], np.asarray(fhi, dtype=float)]))


def _strengthened(m: _Model, ri, ci, data, lo, hi) -> tuple:
    """Valid inequalities over the z columns that every solution obeys already, so that the
    solver's relaxation sees them: a broken equality needs a changed cell (Σ z ≥ 1 over its
    cells), and in an equality of whole numbers that holds, one cell cannot change alone
    (z_j ≤ Σ z of the others). They remove no solution; they let the solver prove at its first
    node that a cluster has no other optimal solution, which otherwise takes most of its time.
    Arguments: the equalities as COO arrays (rows in order) and their bounds; returns the new
    rows the same way, numbered from 0."""
    n, e = len(m.keys), len(lo)
    keep = data != 0
    r, c, a = ri[keep], ci[keep], data[keep]
    sizes = np.bincount(r, minlength=e)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    broken = ((lo > 0) | (hi < 0)) & (sizes > 0)
    # Σ z ≥ 1 over each broken equality's cells
    number = np.cumsum(broken) - 1
    cover = broken[r]
    n_cover = int(broken.sum())
    # z_j ≤ Σ z of the others, for a whole-number cell j whose every change alone misses the row
    reach = np.maximum(np.abs(lo), np.abs(hi))
    pivot = np.flatnonzero(~broken[r] & m.integer[c] & (np.abs(a) > reach[r]))
    count = sizes[r[pivot]]
    owner = np.repeat(np.arange(len(pivot)), count)
    at = np.repeat(starts[r[pivot]] - (np.cumsum(count) - count), count) + np.arange(int(count.sum()))
    rows = np.concatenate([number[r[cover]], n_cover + owner])
    cols = n + np.concatenate([c[cover], c[at]])
    coefs = np.concatenate([np.ones(int(cover.sum())), np.where(c[at] == c[pivot][owner], -1.0, 1.0)])
    low = np.concatenate([np.ones(n_cover), np.zeros(len(pivot))])
    return rows, cols, coefs, low, np.full(len(low), np.inf)


def _only(m: _Model) -> bool:
    """Whether the first solution found is provably the only one the next round could give: any
    other set of at most as many cells leaves out one of its cells, and with any one of them kept
    at its printed value the equalities have no solution at all (whatever the weights). The next
    round would then repeat it and end the enumeration; this says so without the solver.
    A cell proved to change in every such set is known to change when the others are tried again:
    on the widened clusters of a district a few cells need that second pass, which costs a few
    milliseconds where the solver's confirming round costs a tenth of a second or more."""
    cap, left, known = len(m.cuts[0]), list(m.cuts[0]), []
    while left:
        proved = [j for j in left if _impossible(m, fixed=j, cap=cap, changed=known)]
        if not proved:
            return False
        known += proved
        left = [j for j in left if j not in proved]
    return True


def _impossible(m: _Model, fixed: int | None = None, cap: int | None = None, changed=()) -> bool:
    """A proof that the model's equalities have no solution within its bounds on Δ (those of
    `_round`) with cell `fixed` (a column) unchanged and at most `cap` cells changed: bound
    propagation, each equality narrowing each of its cells' Δ from the others' bounds (whole
    numbers rounded inwards), until a bound pair crosses, an equality cannot be met, or more than
    `cap` cells must change (`_changed_at_least`; the columns `changed` are known to change in every
    solution within `cap` cells, so they count too). Every step keeps every solution, so True is a proof; False
    (nothing found within PROOF_PASSES rounds) proves nothing. Its comparisons allow PROOF_SLACK,
    more than the solver's tolerances, so that it never calls impossible what the solver would
    accept."""
    e = len(m.rows)
    if not m.proof:
        # what every question about this model starts from (`_only` asks one per cell)
        r, c, a, lo, hi = m.block
        eq = r < e
        r, c, a, lo, hi = r[eq], c[eq], a[eq], lo[:e], hi[:e]
        m.proof = (r, c, a, lo, hi, a > 0, hi[r], lo[r],
                   np.where(m.signed, -m.big, -m.values).astype(float), np.asarray(m.big, dtype=float))
    r, c, a, lo, hi, positive, hi_r, lo_r, low, high = m.proof
    low, high = low.copy(), high.copy()
    if fixed is not None:
        low[fixed] = high[fixed] = 0.0
    known = np.zeros(len(low), dtype=bool)
    known[list(changed)] = True
    for _ in range(PROOF_PASSES):
        a_low, a_high = a * low[c], a * high[c]
        least, most = np.minimum(a_low, a_high), np.maximum(a_low, a_high)
        floor_sum = np.bincount(r, least, minlength=e)
        ceil_sum = np.bincount(r, most, minlength=e)
        slack = PROOF_SLACK * (1 + np.bincount(r, np.abs(least) + np.abs(most), minlength=e))
        if (floor_sum > hi + slack).any() or (ceil_sum < lo - slack).any():
            return True
        # a·Δj lies within the equality's bounds less what the other cells can contribute
        top = hi_r - (floor_sum[r] - least)
        bottom = lo_r - (ceil_sum[r] - most)
        new_low, new_high = low.copy(), high.copy()
        np.maximum.at(new_low, c, np.where(positive, bottom, top) / a)
        np.minimum.at(new_high, c, np.where(positive, top, bottom) / a)
        new_low = np.where(m.integer, np.ceil(new_low - PROOF_SLACK), new_low)
        new_high = np.where(m.integer, np.floor(new_high + PROOF_SLACK), new_high)
        if (new_low > new_high + PROOF_SLACK * (1 + np.abs(new_low) + np.abs(new_high))).any():
            return True
        if cap is not None and np.count_nonzero(known | (new_low > PROOF_SLACK) | (new_high < -PROOF_SLACK)) > cap:
            return True
        if (new_low == low).all() and (new_high == high).all():      # (array methods: no numpy wrapper per pass)
            break
        low, high = new_low, new_high
    if (known & (low == 0) & (high == 0)).any():      # a cell that must change may not
        return True
    return cap is not None and _changed_at_least(low, high, r, c, a, lo, hi, known, m.integer) > cap


def _changed_at_least(low, high, r, c, a, lo, hi, known, integer) -> int:
    """A lower bound on how many cells change in any solution within the bounds [low, high] on Δ
    (valid bounds: every solution obeys them) whose cells `known` (a mask) all change: the cells
    whose bounds exclude 0 and the known ones, plus one cell
    each for equalities that need a change among the other cells — one that does not hold with
    none of those changed, or a holding one that its single such cell's change alone would break —
    counted only over equalities with no cell in common (each then needs a cell of its own)."""
    e = len(lo)
    bounded = (low > PROOF_SLACK) | (high < -PROOF_SLACK)
    forced = bounded | known
    free = ~forced & ~((low == 0) & (high == 0))
    n_forced = np.bincount(r, forced[c], minlength=e)
    broken = (lo > PROOF_SLACK) | (hi < -PROOF_SLACK)
    # the least |Δ| of a forced cell (a known whole-number one changes by 1 at least), times |a|,
    # against how far the equality's bounds reach from 0
    least_change = np.where(bounded, np.minimum(np.abs(low), np.abs(high)), np.where(known & integer, 1.0, 0.0))
    least = np.where(forced[c], np.abs(a) * least_change[c], 0.0)
    alone = np.bincount(r, least > np.maximum(np.abs(lo), np.abs(hi))[r] + PROOF_SLACK, minlength=e)
    needs = (broken & (n_forced == 0)) | (~broken & (n_forced == 1) & (alone == 1))
    if not needs.any():
        return int(forced.sum())
    pick = needs[r] & free[c]
    cells_of: dict[int, set] = defaultdict(set)
    for row, col in zip(r[pick].tolist(), c[pick].tolist()):
        cells_of[row].add(col)
    if len(cells_of) < int(needs.sum()):
        return len(low) + 1          # an equality that needs a change and has no cell free to make it
    used: set = set()
    extra = 0
    for cols in sorted(cells_of.values(), key=len):
        if not cols & used:
            used |= cols
            extra += 1
    return int(forced.sum()) + extra


def _within(fam) -> bool:
    from .evidence import WithinFamily
    return isinstance(fam, WithinFamily)


def _solve_batch(batch: list[_Model], node_limit: int) -> None:
    """Solve the open models of `batch` together, then again with cuts until every model has all
    its optimal solutions (or MAX_SOLUTIONS of them)."""
    left = node_limit * len(batch)
    while True:
        live = [m for m in batch if m.open and not m.error]
        if not live:
            return
        if left <= 0:
            for m in live:
                m.error = TOO_LONG
            return
        left -= _round(live, left)
        for m in live:
            if PROOFS and m.open and not m.error and len(m.found) == 1 and _only(m):
                m.open = False


def _round(models: list[_Model], node_limit: int) -> int:
    """One solver call over `models` (cuts for the solutions they have): each one's next
    solution, or why there is none. Returns the solver nodes it took (at least 1)."""
    from scipy import sparse
    from scipy.optimize import Bounds, LinearConstraint, milp

    # columns: per model [Δ (n), z (n)], then one "repeat" binary per cut, at the end
    offsets, at = [], 0
    for m in models:
        offsets.append(at)
        at += 2 * len(m.keys) + len(m.fits)
    n_cuts = sum(len(m.cuts) for m in models)
    width = at + n_cuts
    data, ri, ci, lo, hi = [], [], [], [], []
    nrows = 0
    objective = np.zeros(width)
    lower, upper, integrality = np.zeros(width), np.ones(width), np.ones(width, dtype=int)
    cut_col = at
    for m, off in zip(models, offsets):
        n = len(m.keys)
        r, c, d, low, high = m.block
        ri.append(r + nrows)
        ci.append(c + off)
        data.append(d)
        lo.append(low)
        hi.append(high)
        nrows += len(low)
        lower[off:off + n] = np.where(m.signed, -m.big, -m.values)
        upper[off:off + n] = m.big
        integrality[off:off + n] = m.integer.astype(int)
        objective[off + n:off + 2 * n] = m.weight
        objective[off + 2 * n:off + 2 * n + len(m.fits)] = -AGREES
        if m.found:
            # a further solution counts only with as few cells as the first (one more cell always
            # costs more than repeating): saying so prunes the solver's search
            ri.append(np.full(n, nrows))
            ci.append(off + n + np.arange(n))
            data.append(np.ones(n))
            lo.append(np.array([-np.inf]))
            hi.append(np.array([float(len(m.found[0].errors))]))
            nrows += 1
        for cut in m.cuts:           # Σ z over a found solution − repeat ≤ |solution| − 1
            ri.append(np.full(len(cut) + 1, nrows))
            ci.append(np.array([off + n + j for j in cut] + [cut_col]))
            data.append(np.array([1.0] * len(cut) + [-1.0]))
            lo.append(np.array([-np.inf]))
            hi.append(np.array([len(cut) - 1.0]))
            nrows += 1
            objective[cut_col] = REPEAT
            cut_col += 1
    lo, hi = np.concatenate(lo), np.concatenate(hi)
    a = sparse.csr_matrix((np.concatenate(data), (np.concatenate(ri), np.concatenate(ci))), shape=(nrows, width))
    with warnings.catch_warnings():
        # HiGHS options scipy does not name are passed on verbatim, with a warning (a HiGHS without
        # them warns again and ignores them: only slower)
        warnings.filterwarnings("ignore", message="Unrecognized options detected")
        with notice.slow(lambda: _busy(models)):     # a long call is said on stderr (command line only)
            res = _milp_in_time(lambda seconds: milp(
                objective, constraints=[LinearConstraint(a, lo, hi)], integrality=integrality, bounds=Bounds(lower, upper),
                options={"node_limit": node_limit, "time_limit": seconds, "disp": False, **HIGHS_OPTIONS}))
    nodes = max(1, res.get("mip_node_count") or 0)
    # the node limit shows as HiGHS's "solution limit" status, which scipy does not name
    limit = res.status == 1 or (res.status != 0 and nodes >= node_limit)
    slow = res.status == 1 and nodes < node_limit     # status 1 is the time (or iteration) limit
    if res.status != 0 or res.x is None:
        why = TOO_SLOW if slow else TOO_LONG if limit else "无解" if res.status == 2 else f"求解器未给出解（{res.message}）"
        for m in models:
            if len(models) == 1 or limit:
                m.error = why
                m.infeasible = res.status == 2 and not m.found
        if len(models) > 1 and not limit:
            # one cluster without a solution spoils its batch: halve it until that one is alone
            half = len(models) // 2
            nodes += _round(models[:half], node_limit)
            nodes += _round(models[half:], node_limit)
        return nodes
    for m, off in zip(models, offsets):
        n = len(m.keys)
        delta = res.x[off:off + n]
        delta = np.where(m.integer, np.round(delta), delta)
        chosen = [j for j in range(n) if abs(delta[j]) > 1e-7]
        r, c, d, low, high = m.block
        e = len(m.rows)
        sums = np.zeros(e)
        eq = r < e                   # the equalities' entries (the rest are over z)
        np.add.at(sums, r[eq], d[eq] * delta[c[eq]])
        ok = bool(np.all((low[:e] - 1e-6 <= sums) & (sums <= high[:e] + 1e-6)))
        if not ok or not chosen:
            m.error = "解未通过复核"
            continue
        if chosen in m.cuts or (m.found and len(chosen) > len(m.found[0].errors)):
            m.open = False           # no other solution with as few cells
            continue
        # the value printed is the right one plus the error: right = printed + Δ
        fit = sum(1 for j, d in m.fits if abs(delta[j] - d) < 1e-6)
        m.found.append(Solution({m.keys[j]: -float(delta[j]) for j in chosen}, float(m.weight[chosen].sum()) - AGREES * fit,
                                len(chosen) - AGREES * fit))
        m.cuts.append(chosen)
        if len(m.found) >= MAX_SOLUTIONS:
            m.open = False
    return nodes
