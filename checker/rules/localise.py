"""Say which cell is wrong: combine the evidence of every equality (R1–R4, R6, R7, R9, L1–L3;
R8 as soft evidence) over all reports into one finding per root cause.

With one wrong cell x off by e, every equality containing x is off by coef·e and every other
equality holds. So for the violated equalities of a cluster (connected through shared cells) we
look for the cell whose correction (value − e) makes the equalities it sits in hold while breaking
none that holds now; greedily, one root cause at a time, so two wrong cells in one table are two
findings. When several cells explain the evidence equally well, a correction that is a plausible
slip of the printed value (digits swapped, one digit wrong, 元 vs 万元) is preferred; when that
does not single one out either, the finding has `suspect: None` and lists the candidates.
"""
from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..catalogue import priority
from ..numbers import ROUNDING, SAME
from ..templates import template
from .context import Context
from .evidence import Family, is_money

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

    def residual(self, key) -> float:
        r = self._res.get(key)
        if r is None:
            r = self._res[key] = sum(coef * self.value(i, c) for i, c, coef in self.terms(key))
        return r

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
            return self.family[key[1]].initially(key)
        r = self.residual(key)
        return "na" if math.isnan(r) else "ok" if abs(r) <= self.tol(key) else "bad"

    def instances(self, i: int, cell: str, families) -> list[tuple]:
        key = (i, cell, families is self.hard)
        out = self._inst.get(key)
        if out is None:
            out = self._inst[key] = [k for f in families for k in f.instances_of(i, cell)]
        return out

    # --- decoding -----------------------------------------------------------------------------
    def run(self) -> list[Cause]:
        violated = [k for f in self.hard for k in f.violated]
        causes: list[Cause] = []
        for cluster in self._clusters(violated):
            causes.extend(self._decode(set(cluster)))
        soft_done = {k for c in causes for k in c.explained}
        for f in self.soft:
            for k in f.violated:
                if k not in soft_done and self.status(k) == "bad":
                    causes.append(Cause([k]))
        return causes

    def _clusters(self, keys: list[tuple]) -> list[list[tuple]]:
        parent = list(range(len(keys)))

        def find(a):
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a
        first: dict[tuple[int, str], int] = {}
        for n, k in enumerate(keys):
            for i, c, _ in self.terms(k):
                m = first.setdefault((i, c), n)
                parent[find(n)] = find(m)
        groups = defaultdict(list)
        for n, k in enumerate(keys):
            groups[find(n)].append(k)
        return list(groups.values())

    def _decode(self, remaining: set[tuple]) -> list[Cause]:
        causes = self._unit_slips(remaining)
        remaining = {k for k in remaining if self.status(k) == "bad"}
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
                causes.extend(Cause([k]) for k in sorted(remaining, key=str))
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
            if len(top) == 1:
                _, x, e, explained, soft, slip, _ = top[0]
                self.correct(x, e)
                causes.append(Cause(explained + soft, suspect=x, error=e, slip=slip))
                remaining = {k for k in remaining if k not in explained and self.status(k) == "bad"}
                self._forget(cache, self.instances(x[0], x[1], self.hard))
            else:
                top = [s for s in top if s is not None]
                done = {k for s in top for k in s[3]}
                self.reported |= done
                causes.append(Cause(sorted(done, key=str), candidates=[(s[1], s[2]) for s in top]))
                remaining -= done
                self._forget(cache, done)
        return causes

    def _forget(self, cache: dict, changed) -> None:
        """Scores of candidates that share an instance with a change are stale."""
        for k in changed:
            for i, c, _ in self.terms(k):
                cache.pop((i, c), None)

    def _unit_slips(self, remaining: set[tuple]) -> list[Cause]:
        """Several units of one district slipping in the same cell leave one R9 residual that no
        single cell explains: 元 typed where 万元 is asked, or digits swapped in a cell that only
        the district's sum checks. Find the one set of 2–3 such slips that accounts for the
        residual exactly; when several sets would, decide nothing (the greedy step reports it)."""
        causes = []
        for key in sorted(remaining, key=str):
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
                    d = coef * (v - fixed)          # how much correcting this cell lowers r
                    if v and abs(d) <= abs(r) * 1.0001 + tol and d * r > 0:
                        options.append((abs(d), i, c, v - fixed, d))
            if len(options) > (150 if money else 40):
                continue                     # so many ways to slip that a match proves little
            hits = []
            # fewest slips first: one swapped number beats two that happen to add up
            for n in (1, 2, 3) if (money and len(options) <= 20) else (1, 2):
                for combo in itertools.combinations(options, n):
                    if len({(i, c) for _, i, c, _, _ in combo}) == n and abs(r - sum(o[4] for o in combo)) <= tol:
                        hits.append(combo)
                if hits:
                    break
            if len(hits) != 1:
                continue
            combo = hits[0]
            if any(k != key and self.status(k) == "ok" for _, i, c, _, _ in combo
                   for k in self.instances(i, c, self.hard)):
                continue                         # the correction would break another equality
            for _, i, c, e, _ in combo:
                self.correct((i, c), e)
                causes.append(Cause([key], suspect=(i, c), error=e,
                                    slip="疑似元与万元混用" if money else "疑似相邻数字颠倒"))
        return causes

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
        return sum(coef for i, c, coef in self.terms(key) if (i, c) == x)


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


def _digits(v: float) -> str:
    return str(int(round(v))) if abs(v - round(v)) < SAME else f"{v:.6f}".rstrip("0")
