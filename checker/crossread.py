"""Cells one report's text leaves undecided, decided by the other reports checked with it.

A run of digits the table cannot split (`30090`: 30|0|90 or 300|9|0; 表二 has no totals) is left
unread by the reader, with its candidate splits (runtogether.py). People check a unit's years and
a district's units together, and those reports carry exact equalities between cells of different
reports: R6 (上年结转 of year Y = 结转下年度 of Y−1), R7/R8 (a 表二 row's chain over the years) and
R9 (a district = the sum of its units). When such an equality involves an undecided cell, every
other term of it is read, and EXACTLY ONE candidate split makes it hold (every such equality of
the row, each evaluable), that split is taken; an info finding (F3, 提示) names the evidence.
None or several fitting: the row stays unread (F3), nothing is guessed. Rows open together are
searched jointly, and a joint decision must survive leaving out any one of its equalities.

The risk, and how it is bounded (docs/crossread.md): the true split may break the equality (the
report, or the other report, is wrong) while another split satisfies it by coincidence; the cell is
then read wrongly and the rule's error is hidden. So evidence is taken only from reports whose
other equalities of the same rule all hold (a pair of years whose other columns agree, a district
whose other cells add up), a candidate with a blank never "makes an equality hold", and the finding
says which split was taken and why, for the reviewer to see.

This runs in `xxgk check` (all reports of a check at once, before the rules); `xxgk extract` reads
each file on its own and keeps its F3 (docs/crossread.md).
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from .model import Finding, Report, file_name

UNDECIDED = "_undecided"    # report.facts key: the rows a reader left with several candidates
YEAR_RULES = ("R6", "R7", "R8")
HIER_RULE = "R9"
MONEY_KINDS = ("money", "wan")
MAX_ROUNDS = 4             # a decided cell may complete another row's equality: a few passes
_EXACT = 1e-6


@dataclass
class Undecided:
    """A printed row whose values are known but not which cell holds which: its cell ids and the
    splits the report itself allows (None: a cell the split leaves blank)."""
    cells: tuple[str, ...]
    candidates: list[tuple]
    finding: Finding                     # the reader's F3 naming the row
    label: str                           # the row as printed, for the message
    text: str                            # the digits as printed
    loc: tuple[int, int, int] | None     # row, col, part (Report.set); None: each cell's own place
                                         # (a collection sheet, whose cells stand apart: facts.restore)
    meta: dict[str, dict] = field(default_factory=dict)   # per cell: what the reader keeps (money unit)
    kind: str = "符合表内勾稽关系的"      # what the candidates are, for the message (runtogether._slips: 表四)


def note(report: Report, row: Undecided) -> None:
    """A reader's undecided row, for `resolve`."""
    report.facts.setdefault(UNDECIDED, []).append(row)


def resolve(reports: list[Report], hierarchy, chosen: set[str]) -> int:
    """Decide what the other reports decide (see the module doc); returns the rows decided.
    `chosen`: the selected rules; only those serve as evidence."""
    if not any(r.facts.get(UNDECIDED) for r in reports):
        return 0
    rules = [rid for rid in (*YEAR_RULES, HIER_RULE) if rid in chosen]
    if not rules:
        return 0
    from .rules.context import Context
    ctx = Context(reports, hierarchy=hierarchy, selection=set(chosen))
    links = _Links(ctx, rules)
    decided = 0
    for _ in range(MAX_ROUNDS):
        rows = [(i, row) for i, r in enumerate(reports) if r.format for row in r.facts.get(UNDECIDED, ())]
        links._broken.clear()         # cells decided last round may be evaluable now
        taken = _joint(rows, links)
        for i, row, split, used in taken:
            _apply(i, row, split, used, links)
            reports[i].facts[UNDECIDED].remove(row)
        decided += len(taken)
        if not taken:
            break
    return decided


# --- the equalities around a cell ------------------------------------------------------------

Term = tuple[int, str, float]          # (report index, cell id, coefficient): Σ coef·value = 0


@dataclass(frozen=True)
class Instance:
    rule: str
    terms: tuple[Term, ...]
    siblings: tuple[tuple[Term, ...], ...]    # the rule's other equalities between the same reports


class _Links:
    """Which equalities of the chosen rules hold a given cell of a given report."""

    def __init__(self, ctx, rules: list[str]):
        from .catalogue import catalogue
        from .templates import template
        self.ctx, self.reports, self.rules = ctx, ctx.reports, rules
        self.catalogue = catalogue()
        self.template = template
        self._broken: dict[tuple, set] = {}

    def value(self, i: int, cell: str) -> float | None:
        return self.reports[i].get(cell)

    def broken(self, inst: Instance) -> set[tuple[Term, ...]]:
        """The equalities of `inst`'s family (it and its siblings: one rule between the same
        reports) that can be evaluated and fail; kept for the round (`resolve` clears it)."""
        key = (inst.rule, min(inst.siblings + (inst.terms,)))
        if key not in self._broken:
            out = set()
            for eq in inst.siblings + (inst.terms,):
                vals = [self.value(j, c) for j, c, _ in eq]
                if all(v is not None for v in vals) and abs(sum(coef * v for (_, _, coef), v in zip(eq, vals))) > _EXACT:
                    out.add(eq)
            self._broken[key] = out
        return self._broken[key]

    def of(self, i: int, cell: str) -> list[Instance]:
        out: list[Instance] = []
        for rid in self.rules:
            out += self._hier(i, cell) if rid == HIER_RULE else self._years(rid, i, cell)
        return out

    def _money(self, i: int, cell: str) -> bool:
        fmt = self.reports[i].format
        tpl = self.template(fmt) if fmt else None
        return bool(tpl and cell in tpl.index and tpl.cell(cell).kind in MONEY_KINDS)

    def _years(self, rid: str, i: int, cell: str) -> list[Instance]:
        from .rules.equations import expand
        rule = self.catalogue[rid]
        ctx, out = self.ctx, []
        for cur, prev in ((i, int(ctx.prev[i])), (int(ctx.next[i]), i)):   # i as year Y, as year Y−1
            if cur < 0 or prev < 0 or ctx.fmt[cur] not in rule.formats:
                continue
            eqs = [[(prev if t.offset else cur, t.cell, t.coef) for t in eq.terms]
                   for eq in expand(rule.params, ctx.fmt[cur])]
            eqs = [eq for eq in eqs if not any(self._money(j, c) for j, c, _ in eq)]
            for n, eq in enumerate(eqs):
                if any(j == i and c == cell for j, c, _ in eq):
                    out.append(Instance(rid, tuple(eq), tuple(tuple(e) for k, e in enumerate(eqs) if k != n)))
        return out

    def _hier(self, i: int, cell: str) -> list[Instance]:
        ctx, out = self.ctx, list[Instance]()
        if self._money(i, cell):
            return out
        for p in {i, int(ctx.parent_of[i])}:
            kids = ctx.children_of.get(p, []) if p >= 0 else []
            if not kids or not ctx.complete.get(p) or any(ctx.fmt[k] != ctx.fmt[p] for k in kids):
                continue
            tpl = self.template(ctx.fmt[p])

            def eq(c: str, p=p, kids=kids) -> tuple[Term, ...]:
                return ((p, c, 1.0),) + tuple((k, c, -1.0) for k in kids)
            table = cell.split(".", 1)[0]     # a district that adds up elsewhere in the same table
            others = tuple(eq(c.id) for c in tpl.cells
                           if c.id != cell and c.table == table and c.kind not in MONEY_KINDS)
            out.append(Instance(HIER_RULE, eq(cell), others))
        return out


# --- deciding rows together ------------------------------------------------------------------

MAX_NODES = 20_000         # a joint search larger than this decides nothing (a user waits for it)
ROBUST = True


def _joint(rows: list[tuple[int, Undecided]], links: _Links) -> list:
    """The rows whose split is the same in every choice of splits (one per undecided row) that
    makes all their usable equalities hold. Rows are linked when
    one equality holds cells of both (a unit's consecutive years both printed as runs); each
    linked group is searched on its own, and gives nothing when no choice, or too many, fits.
    Rows whose equalities hold no other undecided row go first, each on its own: a row whose
    splits all leave a term blank (a printed blank) must not stop its neighbours.
    Returns (report index, row, split, equalities) per row decided."""
    at: dict[tuple[int, str], tuple[int, int]] = {}        # (report, cell) -> (row n, column k)
    for n, (i, row) in enumerate(rows):
        for k in _open(row):
            at[(i, row.cells[k])] = (n, k)
    touching: list[list[Instance]] = [[] for _ in rows]
    seen: dict[tuple, Instance] = {}
    for n, (i, row) in enumerate(rows):
        for k in _open(row):
            for inst in links.of(i, row.cells[k]):
                ident = (inst.rule, inst.terms)
                if ident in seen or not _usable(inst, at, links):
                    continue
                seen[ident] = inst
                for m in {at[(j, c)][0] for j, c, _ in inst.terms if (j, c) in at}:
                    touching[m].append(inst)
    out: list = []
    for n, (i, row) in enumerate(rows):     # first each row on the equalities it alone leaves open
        alone = [inst for inst in touching[n] if all(at[(j, c)][0] == n for j, c, _ in inst.terms if (j, c) in at)]
        if alone:
            holding = [cand for cand in row.candidates
                       if all(_holds(inst, lambda j, c: cand[at[(j, c)][1]] if (j, c) in at else links.value(j, c))
                              for inst in alone)]
            if len(holding) == 1:
                out.append((i, row, holding[0], alone))
    if out:          # decided rows are read now: the next round sees them
        return out
    done: set[int] = set()
    for start in range(len(rows)):
        if start in done or not touching[start]:
            continue
        group, todo = [], [start]
        while todo:                      # the rows linked to `start` through equalities
            n = todo.pop()
            if n in done:
                continue
            done.add(n)
            group.append(n)
            for inst in touching[n]:
                todo += [at[(j, c)][0] for j, c, _ in inst.terms if (j, c) in at]
        insts = list({id(inst): inst for n in group for inst in touching[n]}.values())
        fits = _search(group, rows, insts, at, links)
        if fits is None:
            continue
        sure = {n: fits[n] for n in group if len(fits[n]) == 1}
        # several rows open in one equality leave much freedom: when that equality is broken (a
        # wrong cell in any of the reports), another choice may fit by coincidence. So a split is
        # taken only if it is still the one left with any single equality of the group left out
        # (one broken equality cannot have produced it); bench/NOTES.md measures the difference.
        for inst in insts if len(group) > 1 and ROBUST else ():
            if not sure:
                break
            less = _search(group, rows, [x for x in insts if x is not inst], at, links)
            sure = {n: s for n, s in sure.items() if less is not None and less[n] == s}
        for n, split in sure.items():
            out.append((*rows[n], next(iter(split)), touching[n]))
    return out


def _open(row: Undecided) -> list[int]:
    """The columns on which the row's candidate splits differ (the others were read)."""
    return [k for k in range(len(row.cells)) if len({c[k] for c in row.candidates}) > 1]


def _search(group: list[int], rows, equalities: list[Instance], at, links: _Links) -> dict[int, set] | None:
    """Backtracking over the group's rows: for each, the splits that occur in some choice making
    every one of `equalities` hold. None when the search is too large or nothing fits."""
    eqs = _compiled(equalities, at, links)
    alive = _pruned({n: list(rows[n][1].candidates) for n in group}, eqs)
    if alive is None:
        return None
    order = sorted(group, key=lambda n: len(alive[n]))
    # each equality is checked once every row it holds is chosen: at the last of them in `order`
    rank = {n: r for r, n in enumerate(order)}
    due: dict[int, list] = {n: [] for n in group}
    for const, share in eqs:
        due[max(share, key=rank.__getitem__)].append((const, share))
    chosen: dict[int, tuple] = {}
    found: dict[int, set] = {n: set() for n in group}
    nodes = 0

    def holds(const, share) -> bool:
        total = const
        for n, terms in share.items():
            v = _part(terms, chosen[n])
            if v is None:
                return False
            total += v
        return abs(total) <= _EXACT

    def go(r: int) -> None:
        nonlocal nodes
        if r == len(order):
            for n in group:
                found[n].add(chosen[n])
            return
        n = order[r]
        for cand in alive[n]:
            nodes += 1
            if nodes > MAX_NODES:
                raise _TooLarge
            chosen[n] = cand
            if all(holds(const, share) for const, share in due[n]):
                go(r + 1)
            del chosen[n]

    try:
        go(0)
    except _TooLarge:
        return None
    return found if all(found.values()) else None


class _TooLarge(Exception):
    pass


MAX_SUMSET = 5_000


def _compiled(equalities: list[Instance], at, links: _Links) -> list[tuple[float, dict[int, list]]]:
    """Each equality as (the read terms summed, {undecided row: [(its column, coefficient)]})."""
    out = []
    for inst in equalities:
        const: float = 0
        share: dict[int, list[tuple[int, float]]] = {}
        for j, c, coef in inst.terms:
            if (j, c) in at:
                n, k = at[(j, c)]
                share.setdefault(n, []).append((k, _plain(coef)))
            else:
                const += _plain(coef) * links.value(j, c)
        out.append((_plain(const), share))
    return out


def _plain(x):
    """Counts stay ints (exact sums, hashable alike); anything else rounded off float noise."""
    return int(x) if float(x).is_integer() else round(float(x), 6)


def _part(terms: list[tuple[int, float]], cand: tuple):
    """A row's share of an equality under one split; None when the split leaves a term blank."""
    total = 0
    for k, coef in terms:
        v = cand[k]
        if v is None:
            return None
        total += coef * v
    return _plain(total)


def _pruned(alive: dict[int, list], eqs) -> dict[int, list] | None:
    """Drop each split that no choice of the other rows' splits completes, one equality at a time,
    until nothing changes (sums of the others' shares: a district's column summed over many
    undecided units is settled without trying every combination). None: some row keeps no split
    (the equalities contradict each other: no evidence)."""
    changed = True
    while changed:
        changed = False
        for const, share in eqs:
            rows = list(share)
            sets = [{v for v in (_part(share[n], c) for c in alive[n]) if v is not None} for n in rows]
            if not isinstance(const, int) or any(not isinstance(v, int) for vals in sets for v in vals):
                continue              # sums of counts only: exact (the search below weighs the rest)
            pre, suf = [{0}], [{0}]
            for vals in sets:
                pre.append({a + b for a in pre[-1] for b in vals})
                if len(pre[-1]) > MAX_SUMSET:
                    break
            else:
                for vals in reversed(sets):
                    suf.append({a + b for a in suf[-1] for b in vals})
                    if len(suf[-1]) > MAX_SUMSET:
                        break
            if len(pre) <= len(sets) or len(suf) <= len(sets):
                continue              # too many sums to follow: the search below weighs it
            suf.reverse()
            for x, n in enumerate(rows):
                before, after = pre[x], suf[x + 1]
                if len(before) > len(after):
                    before, after = after, before
                ok = {v for v in sets[x] if any(-const - v - b in after for b in before)}
                keep = [c for c in alive[n] if _part(share[n], c) in ok]
                if not keep:
                    return None
                if len(keep) < len(alive[n]):
                    alive[n] = keep
                    changed = True
    return alive


def _usable(inst: Instance, at: dict, links: _Links) -> bool:
    """Every term is read or an open cell of an undecided row, and the rule's other equalities
    between the same reports hold wherever they can be evaluated (a pair of years or a district
    known to disagree elsewhere is no evidence: its agreement here could be a coincidence)."""
    if any((j, c) not in at and links.value(j, c) is None for j, c, _ in inst.terms):
        return False
    return not (links.broken(inst) - {inst.terms})



def _holds(inst: Instance, value) -> bool:
    """The equality holds with the chosen splits; a split leaving a term blank does not make it hold."""
    total = 0.0
    for j, c, coef in inst.terms:
        v = value(j, c)
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return False
        total += coef * v
    return abs(total) <= _EXACT


# --- taking the split ------------------------------------------------------------------------

def _apply(i: int, row: Undecided, split: tuple, used: list[Instance], links: _Links) -> None:
    from .findings import make
    report = links.reports[i]
    rules = sorted({inst.rule for inst in used}, key=(*YEAR_RULES, HIER_RULE).index)
    for cid, v in zip(row.cells, split):
        if row.loc is None:
            from .templates import template
            part, part_row, col = (int(x) for x in report.loc[template(report.format).index[cid]])
        else:
            part_row, col, part = row.loc
        report.set(cid, v, row=part_row, col=col, part=part, text=row.text, runtogether=True,
                   crossread=rules, **row.meta.get(cid, {}))
    f = row.finding
    shown = "|".join("空" if v is None else f"{v:g}" for v in split)
    evidence = "；".join(_evidence(rid, [inst for inst in used if inst.rule == rid], i, links) for rid in rules)
    message = (f"{f.where or f.source or ''}：「{row.label}」连写数字“{row.text}”在本报告中有 {len(row.candidates)} 种"
               f"{row.kind}拆法；依据{evidence}，只有“{shown}”一种拆法使这些等式成立，已按此读取。"
               "若原表并非如此，请核对原表（此时上述报告之一填错）。")
    info = make("F3", unit=report.unit, year=report.year, severity="info", cells=[report.ref(c.cell) for c in f.cells],
                source=f.source, where=f.where, actual=row.text, expected=shown, report=report.identity)
    info = dataclasses.replace(info, message=message)
    report.findings[:] = [info if _same(g, f) else g for g in report.findings]


def _same(g: Finding, f: Finding) -> bool:
    """The reader's F3 as the report holds it now (the reader's finish stamps unit and year into
    a new finding)."""
    return g is f or (g.rule == f.rule and g.severity == f.severity and g.where == f.where
                      and [c.cell for c in g.cells] == [c.cell for c in f.cells])


def _evidence(rid: str, used: list[Instance], me: int, links: _Links) -> str:
    """`R6（上年结转等于上一年度的结转下年）与 某局 2020 年报告（a.txt）`: the rule and the other reports."""
    others = sorted({j for inst in used for j, _, _ in inst.terms if j != me})
    names = [f"{links.reports[j].unit or '（未识别单位）'} {links.reports[j].year} 年报告（{file_name(links.reports[j].source or '')}）"
             for j in others[:3]]
    more = f"等 {len(others)} 份报告" if len(others) > 3 else ""
    return f"{rid}（{links.catalogue[rid].title}）与{'、'.join(names)}{more}"


def undecided_rows(report: Report) -> list[Undecided]:
    return list(report.facts.get(UNDECIDED, ()))


__all__ = ["Undecided", "note", "resolve", "undecided_rows", "UNDECIDED"]
