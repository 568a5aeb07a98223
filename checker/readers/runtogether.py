"""Run-together rows: a table row printed as one run of digits (`640020470` for 64|0|0|2|0|4|70).

Archives and copy-pastes sometimes lose the separators between a row's cells. The digits alone do
not say where one number ends, but the table does: in `requests` the total equals the sum of the
six applicant columns (R3), in `appeals` each group's total is the sum of its four results (R4), and
across rows R1 (received + carried_over = handled_total + carried_forward) and R2 (handled_total =
sum of the result rows) hold per column. We enumerate each row's splits (runsplit.py: no leading
zeros unless the cell is "0", group totals), keep the ones the constraints across rows allow, and
set the cells only when exactly one survives; otherwise an F3 finding names the ambiguity and the
surviving candidates (we never pick one).
"""
from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field

import numpy as np

from ..crossread import Undecided, note
from ..findings import make
from ..model import Report, render_location
from ..templates import template
from .runsplit import Split, TooLarge, column_groups, free_splits, one_group_off, row_candidates
from .stated import TOGETHER

# Joint (cross-row) search is bounded: a sumset or a backtracking search larger than this is skipped.
MAX_SUMSET = 200_000
MAX_JOINT_NODES = 200_000
# Candidates listed in a finding (the rest are counted).
SHOWN_CANDIDATES = 4
# What the candidates of a row weighed by `_slips` are, as crossread's message says it.
SLIPS_KIND = "可能的（按各组合计拆出的一种，及某一格填错时只有一组与合计不符的）"
# report.facts key of the figures the prose states about 表二 cells (stated.figures), set by the
# text reader before the tables are read.
STATED = "_stated"

# requests rows that are not result rows (R2's terms are every other row of the table).
_NOT_RESULTS = ("received", "carried_over", "handled_total", "carried_forward")


@dataclass
class RunTogetherRow:
    table: str          # table id: requests | appeals | active
    row_id: str         # row id within the table, e.g. "received"
    digits: str         # the run of digits as printed (spaces: boundaries that were printed)
    row: int            # where it was printed (1-based; line / table row)
    col: int            # token / column index of the digits
    part: int = 0       # index into report.parts (page, sheet)
    candidates: list[Split] = field(default_factory=list, repr=False)
    truncated: bool = field(default=False, repr=False)
    stated: dict[str, float] = field(default_factory=dict, repr=False)   # prose figures that narrowed it
    # (broken, broken by the best other split) when the split the sums chose breaks the table's
    # equations across rows more than a split that does not fit the row's sums (_unmask)
    masked: tuple[int, int] | None = field(default=None, repr=False)
    # 表四: the splits that break one group's sum only, when the one the sums chose is unique
    # (_slips): the row as it would print with a slip in one cell
    slips: list[Split] = field(default_factory=list, repr=False)
    # the digits are the row's one cell printed between separators (`253 |`, a cell a line): read as
    # one number, not known to be several cells run together (the F3 says so, not "连写成一串")
    alone: bool = field(default=False, repr=False)


# --- joint decoding across rows (R1, R2) ----------------------------------------------------

@dataclass
class _Term:
    key: str                             # row id
    coef: int                            # +1 / -1 in the equation sum(coef * row) = 0
    known: np.ndarray | None = None      # fixed values (NaN = blank)
    unknown: RunTogetherRow | None = None


def _equations(report: Report, pending: dict[str, RunTogetherRow]) -> list[list[_Term]]:
    """R1 and R2 of table `requests`, each as terms sum(coef * row) = 0, per column."""
    tpl = template(report.format)
    rows = [r.id for r in tpl.table("requests").rows]
    results = [r for r in rows if r not in _NOT_RESULTS]
    eqs = [[("received", 1), ("carried_over", 1), ("handled_total", -1), ("carried_forward", -1)],
           [("handled_total", 1)] + [(r, -1) for r in results]]
    out = []
    for eq in eqs:
        terms = []
        for rid, coef in eq:
            if rid in pending:
                terms.append(_Term(rid, coef, unknown=pending[rid]))
                continue
            ids = [f"requests.{rid}.{c.id}" for c in tpl.table("requests").rows[rows.index(rid)].columns]
            idx = [tpl.index[i] for i in ids]
            if not report.present[idx].any():
                terms = None  # a row that was not read at all: the equation tells nothing
                break
            terms.append(_Term(rid, coef, known=report.values[idx].astype(float)))
        if terms and any(t.unknown for t in terms):
            out.append(terms)
    return out


def _usable_columns(terms: list[_Term], ncols: int) -> list[int]:
    return [c for c in range(ncols) if all(t.known is None or not np.isnan(t.known[c]) for t in terms)]


def _propagate(eq: list[_Term], cols: list[int]) -> bool:
    """Keep, for each unknown row of the equation, the candidates that some choice of the other
    rows completes, looking at the columns `cols` together. Applied only if every row keeps at
    least one (a table that breaks R1/R2 is the rules' business, not a reason to lose a row).
    Returns whether anything was removed."""
    if not cols:
        return False

    def vec(term: _Term, cand) -> tuple[int, ...]:
        return tuple(term.coef * int(cand[c]) for c in cols)

    need = [-sum(t.coef * int(t.known[c]) for t in eq if t.known is not None) for c in cols]
    varying: list[tuple[_Term, set]] = []
    for t in eq:
        if t.unknown is None:
            continue
        vals = {vec(t, cand) for cand in t.unknown.candidates}
        if len(vals) == 1:       # settled here: a constant, not a choice
            need = [n - v for n, v in zip(need, next(iter(vals)))]
        else:
            varying.append((t, vals))
    if not varying:
        return False
    zero = tuple(0 for _ in cols)
    # reachable sums of the varying rows before / after each one (prefix and suffix sumsets)
    pre, suf = [{zero}], [{zero}]
    for _, vals in varying:
        pre.append({tuple(a + b for a, b in zip(r, v)) for r in pre[-1] for v in vals})
        if len(pre[-1]) > MAX_SUMSET:
            return False
    for _, vals in reversed(varying):
        suf.append({tuple(a + b for a, b in zip(r, v)) for r in suf[-1] for v in vals})
        if len(suf[-1]) > MAX_SUMSET:
            return False
    suf.reverse()                 # suf[i] = sums of varying[i:]
    kept = []
    for i, (term, vals) in enumerate(varying):
        before, after = pre[i], suf[i + 1]
        if len(before) > len(after):
            before, after = after, before
        allowed = set()
        for v in vals:
            rest = [n - x for n, x in zip(need, v)]
            if any(tuple(r - a for r, a in zip(rest, b)) in after for b in before):
                allowed.add(v)
        keep = [cand for cand in term.unknown.candidates if vec(term, cand) in allowed]
        if not keep:
            return False
        kept.append(keep)
    changed = False
    for (term, _), keep in zip(varying, kept):
        if len(keep) < len(term.unknown.candidates):
            term.unknown.candidates = keep
            changed = True
    return changed


def _narrow(eqs: list[list[_Term]], ncols: int) -> None:
    """Propagate every equation, one column at a time (cheap) then all columns together,
    until nothing changes."""
    changed = True
    while changed:
        changed = False
        for eq in eqs:
            if any(t.unknown is not None and _with_blank(t.unknown) for t in eq):
                continue   # a blank hides any number: only the exact search below weighs such rows
            cols = _usable_columns(eq, ncols)
            for c in cols:
                changed |= _propagate(eq, [c])
            changed |= _propagate(eq, cols)


def _with_blank(row: RunTogetherRow) -> bool:
    return any(None in c for c in row.candidates)


def _joint_values(eqs: list[list[_Term]], rows: list[RunTogetherRow], ncols: int) -> dict[str, set]:
    """Backtracking over the remaining candidates: for each row, the splits that occur in some
    assignment satisfying every equation. Empty dict when the search is too large or finds none."""
    order = sorted(rows, key=lambda r: len(r.candidates))
    checks = [(eq, _usable_columns(eq, ncols)) for eq in eqs]
    seen: dict[str, set] = {r.row_id: set() for r in order}
    choice: dict[str, Split] = {}
    nodes = 0

    def satisfied(eq, cols) -> bool:
        if not all(t.unknown is None or t.key in choice for t in eq):
            return True  # not all chosen yet
        for c in cols:
            values = [t.known[c] if t.known is not None else choice[t.key][c] for t in eq]
            if None in values:
                continue   # a blank split's blank cell may hide any number: this column checks nothing
            if sum(t.coef * v for t, v in zip(eq, values)) != 0:
                return False
        return True

    def search(i: int) -> bool:
        nonlocal nodes
        if i == len(order):
            for r in order:
                seen[r.row_id].add(choice[r.row_id])
            return True
        r = order[i]
        for cand in r.candidates:
            nodes += 1
            if nodes > MAX_JOINT_NODES:
                raise TooLarge
            choice[r.row_id] = cand
            if all(satisfied(eq, cols) for eq, cols in checks):
                search(i + 1)
            del choice[r.row_id]
        return True

    try:
        search(0)
    except TooLarge:
        return {}
    return seen if all(seen.values()) else {}


# --- the entry point -----------------------------------------------------------------------

def resolve(report: Report, pending: list[RunTogetherRow], where: str) -> None:
    """Decode the run-together rows `pending` of `report` (its format already fixed): set the
    cells of every row whose split is unique under the table's constraints, F3 for the others."""
    if not pending or report.format not in ("2019", "2021"):
        return
    tpl = template(report.format)
    for p in pending:
        row = next(r for r in tpl.table(p.table).rows if r.id == p.row_id)
        signed = frozenset(i for i, c in enumerate(row.columns) if c.kind == "signed")
        p.candidates, p.truncated = row_candidates(p.digits, p.table, len(row.columns), signed=signed,
                                                   decimal_last=row.columns[-1].kind in ("money", "wan"))
        if not p.candidates and not p.truncated:
            p.candidates = _digit_a_cell(p.digits, len(row.columns))
        p.candidates = items_not_negative(row, p.candidates)
        if p.table == "active" and len(p.candidates) > 1:
            _by_prose(p, [f"active.{row.id}.{c.id}" for c in row.columns], report.facts.get(STATED, {}))

    for p in pending:
        _slips(p)

    requests = {p.row_id: p for p in pending if p.table == "requests" and not p.truncated and p.candidates}
    if requests and any(len(p.candidates) > 1 for p in requests.values()):
        ncols = len(tpl.table("requests").rows[0].columns)
        eqs = _equations(report, requests)
        _narrow(eqs, ncols)
        open_rows = [p for p in requests.values() if len(p.candidates) > 1]
        if open_rows:
            involved = {t.key: t.unknown for eq in eqs for t in eq if t.unknown is not None}
            if involved:
                seen = _joint_values(eqs, list(involved.values()), ncols)
                for rid, values in seen.items():
                    involved[rid].candidates = [c for c in involved[rid].candidates if c in values]
    if requests:
        ncols = len(tpl.table("requests").rows[0].columns)
        # a printed row no split of which fits its own sums: the table as printed has an error
        wrong_row = any(p.table == "requests" and not p.truncated and
                        (not p.candidates or not all(_own_sums_hold(c, ncols) for c in p.candidates)) for p in pending)
        _unmask(report, requests, ncols, wrong_row)

    for p in pending:
        _settle(report, p, where)


def _unmask(report: Report, requests: dict[str, RunTogetherRow], ncols: int, wrong_row: bool) -> None:
    """A row's split chosen because it fits the row's own sums is only read when the table around it
    agrees. A report may itself carry an error: a transposed cell (`51` for 15 in `5100000015`)
    makes the true split break the row's sum, and another one (5|10|…|15) may fit it by coincidence.
    That split then breaks R1/R2 in the columns it moved digits across, where a split that leaves
    the row's sum broken (the printed error) breaks fewer. So a split is left unread (F3 naming the
    others) when some split that ignores the row's sums breaks fewer of the equations across rows;
    and when the table shows an error (an equation broken, or a row `wrong_row` no split of which
    fits its sums), unless it breaks strictly fewer than every such split: the sums are then no
    longer evidence enough on their own (an error whose equations cannot be evaluated, because a
    row they need is unread, would otherwise pass unseen)."""
    eqs = _equations(report, requests)
    decided = {rid: p.candidates[0] for rid, p in requests.items() if len(p.candidates) == 1 and not p.truncated}

    def broken(rid: str, split: Split) -> int:
        n = 0
        for eq in eqs:
            if not any(t.unknown is not None and t.key == rid for t in eq):
                continue
            for c in range(ncols):
                total = 0.0
                for t in eq:
                    if t.unknown is not None:
                        v = split[c] if t.key == rid else decided.get(t.key, (None,) * ncols)[c]
                    else:
                        v = None if np.isnan(t.known[c]) else t.known[c]
                    if v is None:
                        break          # a blank or an undecided cell: this column checks nothing
                    total += t.coef * v
                else:
                    n += total != 0
        return n

    now = {rid: broken(rid, chosen) for rid, chosen in decided.items()}
    if not (wrong_row or any(now.values())):
        return          # the table agrees with itself: the sums were evidence enough
    free: dict[str, list[Split] | None] = {}
    for rid, chosen in decided.items():
        try:
            free[rid] = [s for s in free_splits(requests[rid].digits, ncols) if s != chosen]
        except TooLarge:
            free[rid] = None
    # a row left unread is no evidence for the others: weigh again without it, until none is added
    risky: dict[str, tuple[list[Split], tuple[int, int]]] = {}
    while True:
        added = False
        for rid, chosen in list(decided.items()):
            if rid in risky:
                continue
            mine = broken(rid, chosen)
            if free[rid] is None:
                risky[rid], added = ([chosen], (mine, -1)), True   # cannot be weighed: not read on the sums' word
                continue
            scored = sorted((broken(rid, s), s) for s in free[rid])
            if scored and scored[0][0] <= mine:
                best = scored[0][0]
                risky[rid], added = ([chosen] + [s for n, s in scored if n == best], (mine, best)), True
        if not added:
            break
        for rid in risky:
            decided.pop(rid, None)
    for rid, (cands, counts) in risky.items():
        others = free[rid]
        if others is not None:      # said as the final reading weighs it (the rows left unread no evidence)
            scored = sorted((broken(rid, s), s) for s in others)
            cands, counts = [cands[0]] + [s for n, s in scored if n == scored[0][0]], (broken(rid, cands[0]), scored[0][0])
        requests[rid].candidates, requests[rid].masked = cands, counts


def _slips(p: RunTogetherRow) -> None:
    """A row of several groups (表四: 行政复议, 直接起诉, 复议后起诉, each with its total) has no
    equation across rows to confirm the split its sums chose. If one of its cells was misprinted,
    the true split breaks that cell's group's sum, and another split of the same digits may fit
    every sum by coincidence (`20272422291`: 20|27|242|22|91 as printed, its 242 a slip for 22, reads
    20|27|242|2|291 by the sums). So the splits that break one group's sum only are weighed too:
    the cells on which they all agree with the chosen split are read (`_agreed`), the others are
    not (F3 naming them). A row with too many such splits to weigh is not read on the sums' word."""
    if p.truncated or len(p.candidates) != 1 or len(column_groups(p.table, len(p.candidates[0]))) < 2:
        return
    chosen = p.candidates[0]
    if None in chosen:
        return          # a blank's group checks nothing already: weighed by its own F3
    try:
        others = [s for s in one_group_off(p.digits, p.table, len(chosen)) if s != chosen]
    except TooLarge:
        p.truncated = True
        return
    # the nearest first (fewest cells differing from the chosen split): what the F3 shows
    p.slips = sorted(others, key=lambda s: sum(a != b for a, b in zip(s, chosen)))


def _own_sums_hold(split: Split, ncols: int) -> bool:
    at = 0
    for k, has_total in column_groups("requests", ncols):
        cells, at = split[at:at + k + has_total], at + k + has_total
        if has_total and None not in cells and sum(cells[:-1]) != cells[-1]:
            return False
    return True


def items_not_negative(row, candidates: list) -> list:
    """本年增/减 cannot take more items away than 上一年项目数量 had: this year's count is their sum, and
    a count is never negative (`5-12`: 5|−1|2, not 5|−12|空). True by definition, not merely usual.
    A blank checks nothing; when no split keeps it the row contradicts itself, which says nothing
    about the split, so all are kept."""
    ids = [c.id for c in row.columns]
    if "prev_items" not in ids or "change" not in ids:
        return candidates
    prev, change = ids.index("prev_items"), ids.index("change")
    keep = [c for c in candidates if c[prev] is None or c[change] is None or c[prev] + c[change] >= 0]
    return keep or candidates


def _digit_a_cell(digits: str, ncols: int) -> list[Split]:
    """A run of exactly as many digits as the row has cells, whose sums fail, one digit a cell: the
    table as printed is wrong (a 总计 column left at 0), which the rules report, not the reading.
    Only when no cell can be blank: a blank beside a two-digit number prints as many digits
    (`9200011` is also 9|空|2|0|0|0|11, whose group holding the blank checks nothing), so a run
    with a two-digit reading (a digit other than 0 before another digit) stays unread."""
    run = digits.replace(" ", "")
    if len(run) != ncols or not (run.isascii() and run.isdigit()):
        return []
    if any(ch != "0" for ch in run[:-1]):
        return []
    return [tuple(map(int, run))]


def _by_prose(p: RunTogetherRow, ids: list[str], stated: dict[str, float]) -> None:
    """表二 has no totals: figures the prose states unmistakably about the row's cells (stated.py)
    keep the splits that give them. But the prose and the table are written apart, and a report may
    print one figure differently in each (R10's business): a slip in the stated cell of the table
    (`22` for 2, the prose saying 2) would make the split that gives the prose's figure a wrong
    reading, and hide that error (bench.crawler_masking --prose). So one figure may disagree: only
    the splits that contradict two or more of the figures are dropped, which one figure alone
    never does. A figure no split gives shows such a disagreement already: then none is used.
    Figures stated together (items and amount) are used only together, each a figure (a slip in
    one of the two cells leaves the other as the prose says)."""
    together = [g for g in TOGETHER if set(g) <= set(ids)]
    alone = [(cid,) for cid in ids if not any(cid in g for g in together)]
    figures = [(ids.index(cid), stated[cid]) for g in together + alone if all(c in stated for c in g) for cid in g]

    if len(figures) < 2 or any(not any(c[i] == v for c in p.candidates) for i, v in figures):
        return
    keep = [c for c in p.candidates if sum(c[i] != v for i, v in figures) <= 1]
    if len(keep) < len(p.candidates):
        p.candidates = keep
        p.stated.update({ids[i]: v for i, v in figures})


def _settle(report: Report, p: RunTogetherRow, where: str) -> None:
    tpl = template(report.format)
    row = next(r for r in tpl.table(p.table).rows if r.id == p.row_id)
    ids = [f"{p.table}.{row.id}.{c.id}" for c in row.columns]
    if len(p.candidates) == 1 and not p.truncated and p.masked is None and not p.slips:
        for cid, v in zip(ids, p.candidates[0]):
            report.set(cid, v, row=p.row, col=p.col, part=p.part, text=p.digits, runtogether=True,
                       **({"stated": p.stated} if p.stated else {}), **(_amount_meta(p.digits) if cid == ids[-1] else {}))
        return
    # a cell on which every split the table allows agrees is known (`88-720`: 上一年项目数量 88
    # whether 本年增/减 is −72 or −7); the others stay blank, named in the F3
    agreed = (_agreed(p, p.slips) if p.slips else
              _agreed(p) if p.candidates and not p.truncated and p.masked is None else {})
    for i, cid in enumerate(ids):  # the row is printed, but which number is which cannot be known: blank
        report.set(cid, agreed.get(i), row=p.row, col=p.col, part=p.part, text=p.digits, runtogether=True)
    unread = [cid for i, cid in enumerate(ids) if i not in agreed]
    n = sum(ch.isdigit() for ch in p.digits)
    if p.masked is not None:
        detail = _masked_detail(p)
    elif p.slips:
        detail = _slips_detail(p, row, agreed)
    elif p.truncated:
        detail = f"{_run_name(p)}可能的拆法太多，无法确定各格数值。"
    elif not p.candidates and n < len(ids):
        detail = f"“{p.digits}”只有 {n} 位数字，不够拆成 {len(ids)} 个数值，不是连写的整行。"
    elif not p.candidates:
        rule = "（合计等于各项之和）" if column_groups(p.table, len(ids))[0][1] else ""
        detail = f"{_run_name(p)}无法拆成与本表勾稽关系{rule}相符的 {len(ids)} 个数值。"
        run = p.digits.replace(" ", "")
        if rule and len(run) == len(ids) and run.isascii() and run.isdigit():
            # lyy_2025 (平潭) prints 1|0|0|0|0|0|0, its 总计 0: the table is wrong whichever way it splits
            detail += (f"若每格一位数（{'|'.join(run)}），合计与各项之和不符，表格本身可能填错；"
                       "一格空着、另一格是两位数时也印成这串数字，故未读取，请核对原表。")
    else:   # several splits; a row one digit short (`000000` for 7 cells) lists where its blank may be
        shown = "；".join("|".join("空" if v is None else str(v) for v in c) for c in p.candidates[:SHOWN_CANDIDATES])
        more = f"等 {len(p.candidates)} 种" if len(p.candidates) > SHOWN_CANDIDATES else f"共 {len(p.candidates)} 种"
        detail = f"{_run_name(p)}符合本表勾稽关系的拆法不止一种（{shown}，{more}；“空”是可能空着的格），无法确定各格数值。"
        if p.stated:
            said = "、".join(f"{_column_label(row, cid)} {v:g}" for cid, v in p.stated.items())
            detail += f"（已只保留与正文所述“{said}”至多一处不符的拆法。）"
        if agreed:
            names = "、".join(row.columns[i].label for i in sorted(agreed))
            detail += f"各种拆法一致的“{names}”已读取，其余未读取。"
    part = report.parts[p.part] if report.parts and p.part < len(report.parts) else None
    place = render_location(report.location_style, part, p.row, p.col)
    finding = make("F3", unit=report.unit, year=report.year, cells=[report.ref(c) for c in unread],
                   source=report.source, where=f"{where} {place}", label=_label(p.table, row),
                   count=(f"一行只读到一格数字“{p.digits}”，模板有 {len(ids)} 列" if p.alone
                          else f"一行的数值连写成一串，模板有 {len(ids)} 列"), detail=detail, actual=p.digits)
    if "{detail}" not in _template_of("F3"):
        finding = dataclasses.replace(finding, message=f"{finding.message}{detail}")
    report.findings.append(finding)
    if (len(p.candidates) > 1 or p.slips) and not p.truncated and p.masked is None:   # other reports may decide it
        note(report, Undecided(tuple(ids), list(p.candidates) + p.slips, finding, _label(p.table, row), p.digits,
                               (p.row, p.col, p.part), {ids[-1]: _amount_meta(p.digits)},
                               **({"kind": SLIPS_KIND} if p.slips else {})))


def _run_name(p: RunTogetherRow) -> str:
    """How an F3 names the digits it tried to split: a run (`连写数字“1210100014”`), or one number printed
    as the row's only cell, which may be several cells run together or not (`若“253”是几格连写，它`)."""
    return f"若“{p.digits}”是几格连写，它" if p.alone else f"连写数字“{p.digits}”"


def _masked_detail(p: RunTogetherRow) -> str:
    def show(c: Split) -> str:
        return "|".join("空" if v is None else str(v) for v in c)
    chosen, others = p.candidates[0], p.candidates[1:]
    now, best = p.masked or (0, -1)
    out = f"{_run_name(p)}按本行合计拆作“{show(chosen)}”，"
    out += (f"但按此拆开，本表各行之间的勾稽关系（R1/R2）有 {now} 处不成立" if now else
            "但本表另有填错之处（有的行怎样拆都与合计不符，或行与行之间的关系不成立），而本行与他行的关系核对不了它")
    if others:
        shown = "；".join(show(c) for c in others[:SHOWN_CANDIDATES])
        more = f"等 {len(others)} 种" if len(others) > SHOWN_CANDIDATES else f"共 {len(others)} 种"
        out += f"；其他拆法（{shown}，{more}）与他行的关系不成立之处不比它多（{best} 处）"
    return (out + "。本行的合计或某一格可能填错（如两位数字颠倒），这时合乎合计的拆法未必是原表所印，"
            "故未读取，请核对原表。")


def _slips_detail(p: RunTogetherRow, row, agreed: dict) -> str:
    """The F3 of a row left (partly) unread by `_slips`."""
    def show(c: Split) -> str:
        return "|".join("空" if v is None else str(v) for v in c)
    shown = "；".join(show(c) for c in p.slips[:SHOWN_CANDIDATES])
    more = f"等 {len(p.slips)} 种" if len(p.slips) > SHOWN_CANDIDATES else f"共 {len(p.slips)} 种"
    out = (f"{_run_name(p)}按各组合计只能拆作“{show(p.candidates[0])}”；但若某一格填错（一处笔误），"
           f"原表也可能印作“{shown}”（{more}，只有一组与合计不符），而本表没有其他行可以核对是哪一种，故")
    if agreed:
        return out + f"只读取各种拆法一致的 {len(agreed)} 格，其余 {len(row.columns) - len(agreed)} 格未读取，请核对原表。"
    return out + "未读取，请核对原表。"


def _amount_meta(digits: str) -> dict:
    """An amount ending the run keeps what the cell reader keeps: its decimals and the unit printed
    (`…1627.4元`: the rules read 元 as 万元 × 10 000)."""
    s = digits.rstrip()
    unit = "万元" if s.endswith("万元") else "元" if s.endswith("元") else None
    _, dot, fraction = s.rstrip("元万 ").partition(".")
    return {**({"decimals": len(fraction)} if dot else {}), **({"unit": unit} if unit else {})}


def _column_label(row, cell_id: str) -> str:
    return next(c.label for c in row.columns if cell_id.endswith(f".{c.id}"))


def _agreed(p: RunTogetherRow, others: list[Split] | None = None) -> dict[int, int | float | None]:
    """The columns on which every remaining candidate split (and every split of `others`) has the
    same value."""
    first, rest = p.candidates[0], p.candidates[1:] + (others or [])
    return {i: v for i, v in enumerate(first) if all(c[i] == v for c in rest)}


def _label(table: str, row) -> str:
    """The row's label as a reviewer finds it printed (result rows under 三、, with their group)."""
    if table == "requests" and row.group and row.group.startswith("（"):
        return f"三{row.group}{row.label}"
    if table == "requests" and row.label.startswith("（"):
        return f"三{row.label}"
    return "行政复议、行政诉讼情况" if table == "appeals" else row.label


def _template_of(rule_id: str) -> str:
    from ..catalogue import rule
    return rule(rule_id).message
