"""Say which cell is wrong: combine the evidence of every equality (R1–R4, R6, R7, R9, L1–L3;
R8 as soft evidence) over all reports into one finding per root cause.

With one wrong cell x off by e, every equality containing x is off by coef·e and every other
equality holds. So for the violated equalities of a cluster (connected through shared cells) we
first look for one cell whose correction (value − e) makes every broken equality hold while
breaking none that holds now: that is the smallest possible explanation, found cheaply. When no
single cell does, the cluster goes to the exact method (`exact.solve`, a mixed-integer program):
the fewest cells whose change makes every equality hold, several wrong cells together included.
Its cells are grouped into root causes (cells sharing an equality are one cause: a stray 1 typed
in a result and in its column's total is one slip). When several cells or sets explain the
evidence equally well, a correction that is a plausible slip of the printed value (digits
swapped, one digit wrong, 元 vs 万元) is preferred; when that does not single one out either, the
finding has `suspect: None` and lists the candidates. If the exact method cannot finish in time,
the greedy method below decides, one root cause at a time, and the finding says so.
"""
from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..catalogue import priority
from ..numbers import ROUNDING, SAME
from ..templates import template
from . import exact
from .context import Context
from .evidence import COUNT_TOL, Family, is_money

# Which rule names a root cause's finding when it broke several: schemas/rules/_priority.yaml.
PRIORITY = priority()
MAX_CANDIDATES_SHOWN = 6


@dataclass
class Cause:
    explained: list[tuple]                    # instance keys (hard and soft) this cause accounts for
    suspect: tuple[int, str] | None = None
    error: float | None = None
    slip: str | None = None
    candidates: list[tuple[tuple[int, str], float]] = field(default_factory=list)
    # every cell this cause blames, the first being `suspect`: (cell, error, slip)
    suspects: list[tuple[tuple[int, str], float, str | None]] = field(default_factory=list)
    # when several sets of cells explain the evidence equally well: each set as (cell, error) pairs
    candidate_sets: list[list[tuple[tuple[int, str], float]]] = field(default_factory=list)
    note: str | None = None                   # how the cause was found, when a person should know

    def __post_init__(self) -> None:
        if self.suspect is not None and not self.suspects:
            self.suspects = [(self.suspect, self.error, self.slip)]


class Decoder:
    def __init__(self, ctx: Context, families: list[Family]):
        self.ctx = ctx
        self.family = {f.rule.id: f for f in families}
        self.hard = [f for f in families if not f.soft]
        self.soft = [f for f in families if f.soft]
        self.correction: dict[tuple[int, str], float] = {}
        self.reported: set[tuple] = set()
        # the decoder revisits the same instances and cells many times: remember them
        self._terms: dict[tuple, list] = {}
        self._tol: dict[tuple, float] = {}
        self._values: dict[tuple[int, str], float] = {}
        self._inst: dict[tuple, list] = {}
        self._res: dict[tuple, float] = {}
        self._dirty: set[tuple] = set()       # instances through a corrected cell
        self._initial: dict[tuple, str] = {}   # status as printed, of instances not dirty
        self._cells_of = {f: f.cells() for f in families}
        self._stated: dict[int, dict[str, float]] = {}

    # --- evaluating an instance under the corrections made so far -----------------------------
    def terms(self, key):
        t = self._terms.get(key)
        if t is None:
            t = self._terms[key] = self.family[key[1]].terms(key)
        return t

    def value(self, i: int, cell: str) -> float:
        if i < 0:
            return math.nan
        v = self._values.get((i, cell))
        if v is None:
            v = self._values[(i, cell)] = self.ctx.value(i, cell)
        return v - self.correction.get((i, cell), 0.0) if self.correction else v

    def values(self, terms) -> list[float]:
        """`value(i, c)` of each term (i, c, coef) at once: a district's sum has fifty units' cells.
        The same numbers: the printed value from the stacked block, less the correction made."""
        ctx = self.ctx
        fmts, rows = ctx._fmts, ctx._rows
        first = terms[0][0] if terms else -1
        f = fmts[first] if first >= 0 else None
        at = ctx._cell_at.get(f)
        c = at[1].get(terms[0][1]) if at is not None else None
        if c is None or any(i < 0 or fmts[i] != f or t != terms[0][1] for i, t, _ in terms):
            return [self.value(i, t) for i, t, _ in terms]       # mixed: one at a time
        out = at[0][[rows[i] for i, _, _ in terms], c].tolist()
        if self.correction:
            get = self.correction.get
            out = [v - get((i, t), 0.0) for v, (i, t, _) in zip(out, terms)]
        return out

    def residual(self, key) -> float:
        r = self._res.get(key)
        if r is None:
            if key not in self._dirty:
                # as printed: the family computed the broken ones; one of counts that holds is 0
                fam = self.family[key[1]]
                r = fam.violated.get(key)
                if r is None and self.tol(key) == COUNT_TOL and not fam.is_na(key):
                    r = 0.0
            if r is None:
                r = sum(coef * self.value(i, c) for i, c, coef in self.terms(key))
            self._res[key] = r
        return r

    def stated(self, i: int) -> dict[str, float]:
        """The figures report i's prose states for its cells, as R10 reads them (soft evidence)."""
        out = self._stated.get(i)
        if out is None:
            from .kinds.prose import figures
            out = self._stated[i] = figures(self.ctx.reports[i])
        return out

    def correct(self, x: tuple[int, str], e: float) -> None:
        """Take x's value as value − e from now on (the residuals through x change)."""
        self.correction[x] = self.correction.get(x, 0.0) + e
        for k in self.instances(x[0], x[1], self.hard) + self.instances(x[0], x[1], self.soft):
            self._res.pop(k, None)
            self._dirty.add(k)

    def tol(self, key) -> float:
        t = self._tol.get(key)
        if t is None:
            t = self._tol[key] = self.family[key[1]].tolerance(key)
        return t

    def status(self, key) -> str:
        if key not in self._dirty:
            # as printed: fixed once the families are built, and asked again and again
            s = self._initial.get(key)
            if s is None:
                s = self._initial[key] = self.family[key[1]].initially(key)
            return s
        r = self.residual(key)
        return "na" if math.isnan(r) else "ok" if abs(r) <= self.tol(key) else "bad"

    def instances(self, i: int, cell: str, families) -> list[tuple]:
        key = (i, cell, families is self.hard)
        out = self._inst.get(key)
        if out is None:
            # only the families with an equality through this cell id are asked (the legacy
            # rules have none through a 2021 report's cells)
            cells_of = self._cells_of
            out = self._inst[key] = [k for f in families
                                     if cells_of[f] is None or cell in cells_of[f]
                                     for k in f.instances_of(i, cell)]
        return out

    # --- decoding -----------------------------------------------------------------------------
    def run(self) -> list[Cause]:
        violated = [k for f in self.hard for k in f.violated]
        causes: list[Cause] = []
        unexplained: list[set[tuple]] = []
        for cluster in self._clusters(violated):
            remaining = set(cluster)
            causes.extend(self._unit_slips(remaining))
            remaining = {k for k in remaining if self.status(k) == "bad"}
            causes.extend(self._peel(remaining))
            remaining = {k for k in remaining if self.status(k) == "bad"}
            # keys sort as the tuples they are (report positions as numbers): sorted as text, report
            # 49 came before report 5 and the order depended on what else shared the batch
            for part in self._clusters(sorted(remaining)):
                part = set(part)
                if self._one_cell_explains(part):
                    causes.extend(self._greedy(part))
                else:
                    unexplained.append(part)
        # clusters no single cell explains may be one cause seen through an equality that still
        # holds (a stray 1 in a result and in its column's total): they are solved together
        groups = self._joined(unexplained)
        for group, result in zip(groups, exact.solve_many(self, groups) if groups else []):
            causes.extend(self._decode(group, result))
        soft_done = {k for c in causes for k in c.explained}
        for f in self.soft:
            for k in f.violated:
                if k not in soft_done and self.status(k) == "bad":
                    causes.append(Cause([k]))
        return causes

    def _joined(self, clusters: list[set[tuple]]) -> list[set[tuple]]:
        """Clusters joined where an equality that holds has cells in both."""
        owner: dict[tuple[int, str], int] = {}
        for n, cl in enumerate(clusters):
            # the cells of reports with a broken equality of their own and of the districts whose
            # sums are broken (a district's other units are not named: see exact._model)
            own = {i for k in cl if k[0] != "H" for i, _, _ in self.terms(k)} | {k[2] for k in cl if k[0] == "H"}
            for k in cl:
                for i, c, _ in self.terms(k):
                    if i >= 0 and i in own:
                        owner.setdefault((i, c), n)
        sets = _Sets(range(len(clusters)))
        seen: set[tuple] = set()       # each holding equality once: it joins all its owned cells
        for x in owner:
            for k in self.instances(x[0], x[1], self.hard):
                if k in seen or self.status(k) != "ok":
                    continue
                seen.add(k)
                if k[0] == "H":
                    # a district's sum joins the district's cell with a unit's, never two units
                    # (else every unit of a district with errors would be solved at once); its
                    # first term is the district's cell (k[2], k[3]): the fifty terms only if owned
                    n = owner.get((k[2], k[3]))
                    if n is None:
                        continue
                    terms = self.terms(k)[1:]
                else:
                    n = owner[x]
                    terms = self.terms(k)
                for i, c, _ in terms:
                    m = owner.get((i, c))
                    if m is not None:
                        sets.join(m, n)
        return [set().union(*(clusters[n] for n in ns)) for ns in sets.groups()]

    def _clusters(self, keys: list[tuple]) -> list[list[tuple]]:
        sets = _Sets(range(len(keys)))
        first: dict[tuple[int, str], int] = {}
        for n, k in enumerate(keys):
            for i, c, _ in self.terms(k):
                sets.join(n, first.setdefault((i, c), n))
        return [[keys[n] for n in ns] for ns in sets.groups()]

    def _decode(self, remaining: set[tuple], result) -> list[Cause]:
        """No single cell explains these broken equalities: the exact method's result, else (it
        could not finish) the greedy method, saying so."""
        if not isinstance(result, exact.Unsolved):
            return self._exact(remaining, *result)
        greedy = self._greedy(remaining)
        for c in greedy:
            c.note = f"精确定位未能完成（{result}），以下为逐项推断的结果"
        return greedy

    def _peel(self, remaining: set[tuple]) -> list[Cause]:
        """Cells that alone make every broken equality through them hold (two or more), break
        none that holds, and are the only cell doing so for those equalities: each is a root
        cause of its own (no smaller explanation of those equalities exists). What is left is
        smaller for the exact method. A district's cluster holds many units' errors at once."""
        causes = []
        while remaining:
            seen = Counter((i, c) for k in remaining for i, c, _ in self.terms(k) if i >= 0)
            by_set: dict[frozenset, list] = defaultdict(list)
            for x, n in seen.items():
                if n < 2:
                    continue
                s = self._score(x, remaining)
                if s is None or s[6] != 0 or len(s[3]) != n:
                    continue
                by_set[frozenset(s[3])].append(s)
            clean = [v[0] for v in by_set.values() if len(v) == 1]
            # two cells that would fix the same equality cannot both be right: neither is taken
            count = Counter(k for s in clean for k in s[3])
            clean = [s for s in clean if all(count[k] == 1 for k in s[3])]
            if not clean:
                break
            for _, x, e, explained, soft, slip, _ in clean:
                self.correct(x, e)
                causes.append(Cause(explained + soft, suspect=x, error=e, slip=slip))
            remaining = {k for k in remaining if self.status(k) == "bad"}
        return causes

    def _one_cell_explains(self, remaining: set[tuple]) -> bool:
        """One cell in every broken equality whose correction makes them all hold and breaks
        none that holds: the smallest explanation there is (the greedy step then names it)."""
        common = None
        for k in remaining:
            cells = {(i, c) for i, c, _ in self.terms(k) if i >= 0}
            common = cells if common is None else common & cells
            if not common:
                return False
        for x in common:
            s = self._score(x, remaining)
            if s is not None and s[6] == 0 and len(s[3]) == len(remaining):
                return True
        return False

    # --- several wrong cells: the exact method --------------------------------------------------
    def _exact(self, remaining: set[tuple], solutions: list[exact.Solution], complete: bool) -> list[Cause]:
        # the fewest cells (less the prose's figures that fit: `exact.AGREES`), then the most cells
        # corrected to what their own prose states, then the most plausible slips, then the weights
        # (totals, zeros, cells the prose confirms); equally good solutions in the order of their
        # cells, not the order the solver found them
        def rank(s):
            return (round(s.cells, 6), -self._prose_fits(s), -self._slips(s), s.weight)
        ranked = sorted(solutions, key=lambda s: (*rank(s), sorted(s.errors)))
        best = ranked[0]
        tied = [s for s in ranked if rank(s) == rank(best)]
        groups = self._causes_of(best)
        # the groups every tied solution shares are certain (unless the list is incomplete);
        # a change in "one of a district's other units" names no cell
        shared = [g for g in groups if not any(exact.virtual(x) for x in g)
                  and (complete or len(tied) == 1)
                  and all(all(s.errors.get(x) == e for x, e in g.items()) for s in tied)]
        causes = [self._blame(g, remaining) for g in shared]
        certain = {x for g in shared for x in g}
        explained = {k for c in causes for k in c.explained}
        rest = sorted({k for k in remaining if k not in explained})
        if rest:
            sets = [[(x, e) for x, e in s.errors.items() if x not in certain] for s in tied]
            if any(exact.virtual(x) for st in sets for x, _ in st):
                sets = []                      # some unit of the district: no set to name
            flat = list(dict.fromkeys(x for st in sets for x, _ in st))
            errs = {x: e for st in sets for x, e in st}
            self.reported |= set(rest)
            causes.append(Cause(rest, candidates=[(x, errs[x]) for x in flat],
                                candidate_sets=[st for st in sets if st]))
        return causes

    def _prose_fits(self, s: exact.Solution) -> int:
        """How many of a solution's cells it corrects to exactly the figure their report's prose
        states. The solver credits this (`exact.AGREES`) only for cells of a broken equality, so
        that the prose alone never makes a cell worth blaming; among solutions equally small, it
        is evidence about cells they all change anyway, stronger than how plausible a slip looks
        (bench.accuracy seed 23: two units' block edits whose 予以公开 cancel out in the district's
        sum, so that no broken equality holds them; a rival solution as small moved the edits into
        新收 and changed 予以公开 to 4 where the unit's prose says 5, the right figure)."""
        n = 0
        for (i, c), e in s.errors.items():
            said = self.stated(i).get(c) if i >= 0 else None
            if said is not None and e and abs(said - (self.value(i, c) - e)) < SAME:
                n += 1
        return n

    def _slips(self, s: exact.Solution) -> int:
        """How plausible a solution's corrections are as slips of the printed values (a change
        in a district's other units could be any slip: it scores as the most plausible)."""
        return sum(3 if exact.virtual((i, c)) else
                   slip_kind(self.value(i, c), self.value(i, c) - e, is_money(self.ctx, i, c))[0]
                   for (i, c), e in s.errors.items())

    def _causes_of(self, s: exact.Solution) -> list[dict[tuple[int, str], float]]:
        """A solution's cells as root causes: cells that share an equality go together, except
        that a district's sum joins the district's cell with a unit's, never two units' (two
        units' reports slip independently: two findings, as `_joined` keeps them apart), and only
        when the sum holds as printed (the same slip in both, cancelling out in it); a district's
        8 and a unit's 1 typed in the same cell break it: two slips, two findings."""
        sets = _Sets(s.errors)
        for x in s.errors:
            if exact.virtual(x):
                continue
            for k in self.instances(x[0], x[1], self.hard):
                terms = self.terms(k)
                if k[0] == "H" and self.family[k[1]].initially(k) == "bad":
                    continue
                if k[0] == "H" and x != terms[0][:2]:
                    terms = terms[:1]
                for i, c, _ in terms:
                    if (i, c) in s.errors:
                        sets.join(x, (i, c))
        return [{x: s.errors[x] for x in xs} for xs in sets.groups()]

    def _blame(self, group: dict[tuple[int, str], float], remaining: set[tuple]) -> Cause:
        """Apply one root cause's corrections and say what it explains."""
        hard = sorted({k for x in group for k in self.instances(x[0], x[1], self.hard) if k in remaining},
                      key=lambda k: (PRIORITY.index(k[1]) if k[1] in PRIORITY else 99, k))
        soft_before = {k for x in group for k in self.instances(x[0], x[1], self.soft) if self.status(k) == "bad"}
        for x, e in group.items():
            self.correct(x, e)
        soft = sorted(k for k in soft_before if self.status(k) == "ok")
        order = sorted(group, key=lambda x: (x[0], template(self.ctx.fmt[x[0]]).index[x[1]]))
        suspects = [(x, group[x], slip_kind(self.value(*x) + group[x], self.value(*x),
                                            is_money(self.ctx, *x))[1]) for x in order]
        first = suspects[0]
        return Cause(hard + soft, suspect=first[0], error=first[1], slip=first[2], suspects=suspects)

    def _greedy(self, remaining: set[tuple]) -> list[Cause]:
        causes = []
        cache: dict[tuple[int, str], tuple | None] = {}
        while remaining:
            seen = Counter((i, c) for k in remaining for i, c, _ in self.terms(k) if i >= 0)
            # cells in two or more broken equalities first: when one of them explains two or more
            # and breaks nothing, no cell seen in one equality only can beat it (a district's other
            # units need not be scored)
            strong = [x for x, n in seen.items() if n >= 2]
            for x in strong:
                if x not in cache:
                    cache[x] = self._score(x, remaining)
            scored = [cache[x] for x in strong if cache[x] is not None]
            if not any(s[6] == 0 and len(s[3]) >= 2 for s in scored):
                for x in seen:
                    if x not in cache:
                        cache[x] = self._score(x, remaining)
                scored = [cache[x] for x in seen if cache[x] is not None]
            fewest = min((s[6] for s in scored), default=0)
            # a candidate that breaks a holding equality only when none breaks nothing, and only
            # on evidence that clearly outweighs it
            scored = [s for s in scored if s[6] == fewest and (fewest == 0 or len(s[3]) >= 2 * fewest + 1)]
            if not scored:
                causes.extend(Cause([k]) for k in sorted(remaining))
                break
            best = max(s[0] for s in scored)
            top = sorted((s for s in scored if s[0] == best), key=lambda s: s[1])
            # a tie only when the candidates explain the same evidence: two wrong cells in one
            # cluster (two units of a district) are two causes, each decoded in turn
            lead = set(top[0][3])
            top = [s for s in top if lead & set(s[3])]
            if len(top) == 1 and len(top[0][3]) == 1 and top[0][0][1] <= 0 and top[0][0][2] == 0:
                # one equality and no slip pattern: being the only plausible cell in a sum of
                # many is no evidence that it is the wrong one
                top = top + [None]
            rivals = self._likelier_pairs(top[0]) if len(top) == 1 and len(top[0][3]) == 1 else []
            if rivals:
                # one equality, and two slips each likelier than this one's account for it as well:
                # neither explanation is cheaper than the other, so no cell is named
                _, x, e, explained, _, _, _ = top[0]
                sets = [[(x, e)]] + rivals
                self.reported |= set(explained)
                causes.append(Cause(list(explained), candidates=list(dict.fromkeys(c for st in sets for c in st)),
                                    candidate_sets=sets))
                remaining -= set(explained)
                self._forget(cache, explained)
            elif len(top) == 1:
                _, x, e, explained, soft, slip, _ = top[0]
                self.correct(x, e)
                causes.append(Cause(explained + soft, suspect=x, error=e, slip=slip))
                remaining = {k for k in remaining if k not in explained and self.status(k) == "bad"}
                self._forget(cache, self.instances(x[0], x[1], self.hard))
            else:
                top = [s for s in top if s is not None]
                done = {k for s in top for k in s[3]}
                self.reported |= done
                causes.append(Cause(sorted(done), candidates=[(s[1], s[2]) for s in top]))
                remaining -= done
                self._forget(cache, done)
        return causes

    def _likelier_pairs(self, s) -> list[list[tuple[tuple[int, str], float]]]:
        """Pairs of other cells of the one equality a candidate explains whose slips are each of the
        likeliest kind (digits swapped, 元 for 万元) and together account for its residual exactly,
        when the candidate's own slip is a less likely kind (a digit dropped or wrong): one cell less
        does not outweigh two likelier slips (bench.accuracy: a unit's right 120 named as a dropped
        digit of 12 where two swaps, 193→139 and 71→17, made the district's sum 108 short)."""
        (_, _, rank), x, _, (key,), _, _, _ = s
        if rank >= 3:
            return []
        r, tol = self.residual(key), self.tol(key)
        money = is_money(self.ctx, x[0], x[1])
        options = []
        for i, c, coef in self.terms(key):
            v = self.value(i, c)
            if (i, c) == x or i < 0 or math.isnan(v) or not v:
                continue
            for fixed in (_money_slips(v) if money else _swaps(v)):
                options.append(((i, c), v - fixed, coef * (v - fixed)))
        # each option's partner by bisection (a district's sum may have thousands of units' cells)
        options.sort(key=lambda o: o[2])
        ds = [o[2] for o in options]
        pairs = []
        for n, a in enumerate(options):
            lo = bisect.bisect_left(ds, r - a[2] - tol, n + 1)
            for b in options[lo:bisect.bisect_right(ds, r - a[2] + tol, lo)]:
                if a[0] != b[0]:
                    pairs.append([(a[0], a[1]), (b[0], b[1])])
        return pairs

    def _forget(self, cache: dict, changed) -> None:
        """Scores of candidates that share an instance with a change are stale."""
        for k in changed:
            for i, c, _ in self.terms(k):
                cache.pop((i, c), None)

    def _unit_slips(self, remaining: set[tuple]) -> list[Cause]:
        """Several units of one district slipping in the same cell leave one R9 residual that no
        single cell explains: 元 typed where 万元 is asked, or digits swapped in a cell that only
        the district's sum checks. Name the slips that account for the residual exactly
        (`slip_set`); when several sets would, only what they all share, or nothing (the greedy
        step then lists the candidates)."""
        causes = []
        for key in sorted(remaining):
            if key[0] != "H" or self.status(key) != "bad":
                continue
            money = is_money(self.ctx, key[2], key[3])
            if not money and any(k != key and self.status(k) != "na"
                                 for i, c, _ in self.terms(key) for k in self.instances(i, c, self.hard)):
                continue                     # other equalities see these cells: the greedy step decides
            r, tol = self.residual(key), self.tol(key)
            options = []
            for i, c, coef in self.terms(key):
                v = self.value(i, c)
                for fixed in (_money_slips(v) if money else _swaps(v)):
                    if v:
                        options.append(((i, c), v - fixed, coef * (v - fixed)))   # d: how much r drops
            picked = slip_set(r, tol, options, money, self._prose_score)
            if any(k != key and self.status(k) == "ok" for (i, c), _, _ in picked
                   for k in self.instances(i, c, self.hard)):
                continue                         # the correction would break another equality
            for x, e, _ in picked:
                self.correct(x, e)
                causes.append(Cause([key], suspect=x, error=e,
                                    slip="疑似元与万元混用" if money else "疑似相邻数字颠倒"))
        return causes

    def _prose_score(self, option: tuple) -> float:
        """How far report's prose supports correcting a cell by e (option (cell, e, d)): AGREES when
        it states the corrected value, −CONFIRMED when it states the printed one."""
        (i, c), e, _ = option
        said = self.stated(i).get(c) if i >= 0 else None
        if said is None:
            return 0.0
        v = self.value(i, c)
        return exact.AGREES if abs(said - (v - e)) < SAME else -exact.CONFIRMED if abs(said - v) < SAME else 0.0

    def _score(self, x: tuple[int, str], remaining: set[tuple]):
        i, cell = x
        v = self.value(i, cell)
        if math.isnan(v):
            return None
        insts = self.instances(i, cell, self.hard)
        viol = [k for k in insts if k in remaining]
        if not viol:
            return None
        # equalities that hold now and that correcting x would break (two errors may cancel out
        # in a sum, so this weighs against x rather than ruling it out)
        conflicts = sum(1 for k in insts if k not in remaining and k not in self.reported
                        and self.status(k) == "ok")
        errs = [(k, self.residual(k) / self._coef(k, x)) for k in viol]
        e = max((e for _, e in errs), key=lambda e: sum(abs(e - e2) <= self.tol(k) for k, e2 in errs))
        explained = [k for k, e2 in errs if abs(e - e2) <= self.tol(k)]
        suggestion = v - e
        if not _plausible(self.ctx, i, cell, suggestion):
            return None
        support = 0
        soft = []
        for k in self.instances(i, cell, self.soft):
            st = self.status(k)
            if st == "bad" and abs(self.residual(k) / self._coef(k, x) - e) <= self.tol(k):
                support += 1
                soft.append(k)
            elif st == "ok":
                support -= 1
        rank, slip = slip_kind(v, suggestion, is_money(self.ctx, i, cell))
        return (len(explained), support, rank), x, e, explained, soft, slip, conflicts

    def _coef(self, key, x) -> float:
        xi, xc = x          # compared as two values, not a tuple made per term (a district's sum has fifty)
        return sum(coef for i, c, coef in self.terms(key) if i == xi and c == xc)


class _Sets:
    """Union–find: which items (clusters, cells) end up together."""

    def __init__(self, items):
        self.parent = {x: x for x in items}

    def find(self, a):
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def join(self, a, b) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list]:
        out: dict = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return list(out.values())


def _plausible(ctx: Context, i: int, cell: str, suggestion: float) -> bool:
    kind = template(ctx.fmt[i]).cell(cell).kind
    if kind != "signed" and suggestion < -SAME:
        return False
    if kind in ("count", "signed") and abs(suggestion - round(suggestion)) > ROUNDING:
        return False
    return True


def slip_kind(printed: float, suggestion: float, money: bool) -> tuple[int, str | None]:
    """How plausible it is that `suggestion` was meant and `printed` typed: 3 digits swapped or a
    元/万元 slip, 2 one digit wrong / one too many or too few, 0 no simple slip."""
    if money and suggestion and (math.isclose(printed, suggestion * 10000, rel_tol=1e-3)
                                 or math.isclose(printed * 10000, suggestion, rel_tol=1e-3)):
        return 3, "疑似元与万元混用"
    a, b = _digits(printed), _digits(suggestion)
    if len(a) == len(b):
        diff = [n for n in range(len(a)) if a[n] != b[n]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return 3, "疑似相邻数字颠倒"
        if len(diff) == 1:
            return 2, "疑似个别数字录错"
    elif abs(len(a) - len(b)) == 1:
        long, short = (a, b) if len(a) > len(b) else (b, a)
        if any(long[:n] + long[n + 1:] == short for n in range(len(long))):
            return 2, "疑似多打或漏打一位数字"
    return 0, None


def _money_slips(v: float) -> tuple[float, ...]:
    return (v / 10000, v * 10000)


def _swaps(v: float) -> list[float]:
    """The values a count becomes with two adjacent digits swapped back."""
    if v != v or v < 10 or abs(v - round(v)) > SAME:
        return []
    s = str(int(round(v)))
    return [float(s[:k] + s[k + 1] + s[k] + s[k + 2:]) for k in range(len(s) - 1)
            if s[k] != s[k + 1] and not (k == 0 and s[k + 1] == "0")]


# Two swapped numbers in one district sum may go opposite ways (a unit's 2483 printed 2438, another's
# 48 printed 84: the sum is off by 9): a swap may then exceed the residual, up to this many times.
OPPOSITE_REACH = 10
MAX_SWAP_OPTIONS = 60      # more ways to swap back than this: a match proves little


def slip_set(r: float, tol: float, options: list[tuple], money: bool, prose=None) -> list[tuple]:
    """The slips that account for a district sum's residual `r`: `options` are (cell, correction,
    d) with d how much correcting that cell lowers r. Fewest slips first: one swapped number beats
    two that happen to add up. Among sets of as many slips, those the prose supports most
    (`prose(option)`: the weights of `exact.CONFIRMED` and `exact.AGREES`), as in the exact method.
    One matching set: all of it. Several: the slips every one of them contains (a unit's 162 for
    126 is in each pair that matches, the other half could be any of several units: that half
    stays a candidate), else nothing."""
    if money:
        options = [o for o in options if o[2] * r > 0 and abs(o[2]) <= abs(r) * 1.0001 + tol]
        if len(options) > 150:
            return []
        sizes: tuple[int, ...] = (1, 2, 3) if len(options) <= 20 else (1, 2)
    else:
        options = [o for o in options if abs(o[2]) <= OPPOSITE_REACH * abs(r) + tol]
        if len(options) > MAX_SWAP_OPTIONS:
            return []
        sizes = (1, 2)
    hits: list[tuple] = []
    for n in sizes:
        for combo in itertools.combinations(options, n):
            if len({x for x, _, _ in combo}) == n and abs(r - sum(o[2] for o in combo)) <= tol:
                hits.append(combo)
        if hits:
            break
    if prose is not None and len(hits) > 1:
        support = [round(sum(prose(o) for o in h), 6) for h in hits]
        hits = [h for h, n in zip(hits, support) if n == max(support)]
    if len(hits) == 1:
        return list(hits[0])
    if money or not hits or len(hits[0]) < 2:
        return []
    shared = set(hits[0]).intersection(*hits[1:])
    return [o for o in hits[0] if o in shared]


def _digits(v: float) -> str:
    return str(int(round(v))) if abs(v - round(v)) < SAME else f"{v:.6f}".rstrip("0")
