"""Findings for people from the localisation's root causes: one finding per cause, named by the
most specific rule it broke, with the suspect cell, the suggested value, the slip it looks like and
the broken equalities with their printed values (Chinese). Also: suggestions for blank cells, and
folding a prose figure that confirms a suggestion into the finding it confirms."""
from __future__ import annotations

import dataclasses
import math

from ..catalogue import catalogue
from ..numbers import ROUNDING, SAME
from ..findings import make
from ..model import CellRef, Finding, Suspect
from ..templates import format_for_year, template
from .context import Context
from .evidence import YearFamily, decimals, is_money
from .localise import MAX_CANDIDATES_SHOWN, PRIORITY, Cause, Decoder, _plausible


def findings(ctx: Context, causes: list[Cause], decoder: Decoder) -> list[Finding]:
    return [_finding(ctx, c, decoder) for c in causes]


def _revealing_rule(dec: Decoder, cause: Cause, rules: list[str]) -> str:
    """The rule a finding is filed under. A cell that an equality across years sets (this year's 上年结转
    is last year's 结转下年; R7's 上一年项目数量) goes under that rule when it is broken: it is what a
    reviewer recognises as the cause, the report's own sums only follow from it. Otherwise the most
    specific broken rule (schemas/rules/_priority.yaml)."""
    if cause.suspect is not None and len(cause.suspects) <= 1:
        i, cell = cause.suspect
        for k in cause.explained:
            family = dec.family[k[1]]
            if (isinstance(family, YearFamily) and not family.soft and family.owner(k) == i
                    and any(j == i and c == cell for j, c, _ in dec.terms(k))):
                return k[1]
    return rules[0]


def _finding(ctx: Context, cause: Cause, dec: Decoder) -> Finding:
    rules = sorted({k[1] for k in cause.explained}, key=lambda r: PRIORITY.index(r) if r in PRIORITY else 99)
    rule = _revealing_rule(dec, cause, rules)
    # each cell once before its reference is made (a district's sums name fifty units' cells)
    seen = {(i, c): None for k in cause.explained for i, c, _ in dec.terms(k) if i >= 0}
    cells: dict[CellRef, None] = {}
    for i, c in seen:
        cells[_ref(ctx, i, c)] = None
    hard = [k for k in cause.explained if not dec.family[k[1]].soft] or cause.explained
    own = cause.suspect[0] if cause.suspect else dec.family[hard[0][1]].owner(hard[0])
    # three equalities are spelt out (each sums its terms' printed values: a district's has fifty)
    shown = "；".join(describe(ctx, dec, k, own) for k in hard[:3]) + (f"；等共 {len(hard)} 项" if len(hard) > 3 else "")
    names = "、".join(rules)
    note = f"（{cause.note}）" if cause.note else ""
    if len(cause.suspects) > 1:
        return _several(ctx, cause, rules, list(cells), shown + note)
    if cause.suspect is not None:
        i, cell = cause.suspect
        r = ctx.reports[i]
        printed = ctx.value(i, cell)
        suggestion = _round(ctx, i, cell, printed - cause.error)
        detail = (f"「{_label(ctx, i, cell)}」填 {_num(printed)}，按 {names} 的勾稽关系应为 {_num(suggestion)}"
                  f"{'（' + cause.slip + '）' if cause.slip else ''}。不成立的关系：{shown}{note}")
        return make(rule, unit=r.unit, year=r.year, cells=list(cells), suspect=r.ref(cell),
                    expected=plain(suggestion), actual=plain(printed), suggestion=plain(suggestion),
                    source=r.source, where=f"{r.source} {r.locate(cell) or ''}".strip(), detail=detail,
                    severity=_severity(rules))
    key = hard[0]
    i = dec.family[key[1]].owner(key)
    r = ctx.reports[i]
    lhs, rhs = _sides(dec, key)
    cands = [(_ref(ctx, j, c), _round(ctx, j, c, ctx.value(j, c) - e)) for (j, c), e in cause.candidates]
    if any(len(st) > 1 for st in cause.candidate_sets):
        among = {j for st in cause.candidate_sets for (j, _), _ in st}
        listed = "；或 ".join("、".join(f"{_name(ctx, j, i, among)}「{_label(ctx, j, c)}」改为 "
                                       f"{_num(_round(ctx, j, c, ctx.value(j, c) - e))}" for (j, c), e in st)
                             for st in cause.candidate_sets[:MAX_CANDIDATES_SHOWN])
        more = f"等 {len(cause.candidate_sets)} 种改法" if len(cause.candidate_sets) > MAX_CANDIDATES_SHOWN else ""
        how = ("有几种同样少的改法都能使各项关系成立" if len({len(st) for st in cause.candidate_sets}) == 1 else
               "改一格（不太常见的笔误）或改两格（更常见的笔误）都能使该关系成立")   # `Decoder._likelier_pairs`
        detail = f"{shown}。{how}，无法确定是哪几格填错：{listed}{more}"
    elif cands:
        # name every candidate's unit when they come from several reports (a district and its units)
        among = {j for (j, _), _ in cause.candidates}
        listed = "、".join(f"{_name(ctx, j, i, among)}「{_label(ctx, j, c)}」（若为 {_num(s)}）"
                          for ((j, c), _), (_, s) in zip(cause.candidates[:MAX_CANDIDATES_SHOWN], cands))
        more = f"等 {len(cands)} 处" if len(cands) > MAX_CANDIDATES_SHOWN else ""
        detail = f"{shown}。现有证据无法确定是哪一格填错，可能是：{listed}{more}"
    else:
        detail = (f"{shown}。请核对" if all(dec.family[k[1]].soft for k in hard)
                  else f"{shown}。无法用一处改动解释，可能有多处填错，请逐项核对")
    first = dec.terms(key)[0]
    sets = tuple(tuple(_suspect(ctx, j, c, e) for (j, c), e in st)
                 for st in cause.candidate_sets or [[x] for x in cause.candidates])
    return make(rule, unit=r.unit, year=r.year, cells=list(cells), suspect=None,
                expected=plain(rhs), actual=plain(lhs), suggestion=None, source=r.source,
                where=f"{r.source} {r.locate(first[1]) or ''}".strip(), detail=detail + note,
                severity=_severity(rules), candidates=[c for c, _ in cands], candidate_sets=sets)


def _suspect(ctx: Context, i: int, cell: str, error: float) -> Suspect:
    printed = ctx.value(i, cell)
    return Suspect(_ref(ctx, i, cell), plain(printed), plain(_round(ctx, i, cell, printed - error)))


def _several(ctx: Context, cause: Cause, rules: list[str], cells: list[CellRef], shown: str) -> Finding:
    """One root cause that changed several cells (a stray 1 typed in a result and in its column's
    总计; a unit's block of cells edited together): one finding naming every cell."""
    i, cell = cause.suspect
    r = ctx.reports[i]
    among = {j for (j, _), _, _ in cause.suspects}
    suspects = tuple(_suspect(ctx, j, c, e) for (j, c), e, _ in cause.suspects)
    parts = "；".join(f"{_name(ctx, j, i, among)}「{_label(ctx, j, c)}」填 {_num(s.value)}，应为 {_num(s.suggestion)}"
                     f"{'（' + slip + '）' if slip else ''}"
                     for ((j, c), _, slip), s in zip(cause.suspects, suspects))
    names = "、".join(rules)
    detail = (f"{parts}。这 {len(suspects)} 格一并改正后，{names} 的各项勾稽关系都成立（少改任何一格都不行）。"
              f"不成立的关系：{shown}")
    first = suspects[0]
    return make(rules[0], unit=r.unit, year=r.year, cells=cells, suspect=first.ref, expected=first.suggestion,
                actual=first.value, suggestion=first.suggestion, source=r.source,
                where=f"{r.source} {r.locate(cell) or ''}".strip(), detail=detail,
                severity=_severity(rules), suspects=suspects)


def _severity(rules: list[str]) -> str:
    sev = [catalogue()[r].severity for r in rules]
    return "error" if "error" in sev else sev[0]


def _sides(dec: Decoder, key) -> tuple[float, float]:
    """The equality's left side, as printed, and what the right side says it should be."""
    terms = dec.terms(key)
    first = terms[0]
    lhs = first[2] * dec.ctx.value(first[0], first[1])
    rest = -sum(coef * dec.ctx.value(i, c) for i, c, coef in terms[1:])
    return lhs, rest


def describe(ctx: Context, dec: Decoder, key, own: int | None = None) -> str:
    """One violated equality for a person, with the printed values."""
    fam = dec.family[key[1]]
    terms = dec.terms(key)
    if key[0] == "H":
        p, cell = key[2], key[3]
        kids = terms[1:]
        # in the parent's unit (amounts a unit printed in 元 are converted by the coefficients)
        total = sum(-coef * ctx.value(i, cell) for i, _, coef in kids) / terms[0][2]
        pv = ctx.value(p, cell)
        if is_money(ctx, p, cell):   # to the cells' printed decimals (+4 where 元 became 万元)
            places = max(decimals(ctx, j, cell, ctx.value(j, cell)) for j, _, _ in terms)
            total = round(total, places + (4 if any(abs(abs(c) - 1) > 1e-12 for _, _, c in terms) else 0))
        slip = ""
        if is_money(ctx, p, cell) and total and (math.isclose(pv, total * 10000, rel_tol=1e-3)
                                                  or math.isclose(pv * 10000, total, rel_tol=1e-3)):
            slip = "（疑似元与万元混用）"
        return (f"R9 {ctx.reports[p].unit}「{_label(ctx, p, cell)}」填 {_num(pv)}，"
                f"所属 {len(kids)} 个单位合计 {_num(total)}{slip}")
    owner = fam.owner(key)
    head = "" if own is None or own == owner else f"{_who(ctx, owner, own)}："
    left, right = fam.sides(key)

    def side(ts):
        val = sum(coef * ctx.value(i, c) for i, c, coef in ts)
        if len(ts) > 3:
            return f"{len(ts)} 项之和 {_num(val)}"
        out = ""
        for n, (i, c, coef) in enumerate(ts):
            sign = ("" if n == 0 else " + ") if coef > 0 else (" − " if n else "−")
            out += f"{sign}{_who(ctx, i, owner)}「{_label(ctx, i, c)}」{_num(ctx.value(i, c))}"
        return out
    return f"{head}{key[1]} {side(left)} ≠ {side(right)}"


def _name(ctx: Context, i: int, owner: int, among: set[int] | None) -> str:
    """Whose cell a candidate is, `among` the reports of all the cells listed with it (None: all
    in the owner's report). Reports of one unit: by year (本年, 2020年). Several units (a district's
    sum): by unit, the district's own cell too — "本年「…」" beside the units' cells read as "this
    year's" and named nobody — and with its year when not the owner's."""
    if not among or len(among) == 1:
        return _who(ctx, i, owner)
    r, o = ctx.reports[i], ctx.reports[owner]
    if all(ctx.reports[j].unit == o.unit for j in among):
        return "本年" if r.year == o.year else f"{r.year}年"
    return (r.unit or "") + ("" if r.year == o.year else f"{r.year}年")


def _who(ctx: Context, i: int, owner: int) -> str:
    if i == owner:
        return ""
    r = ctx.reports[i]
    return f"{r.year}年" if r.unit == ctx.reports[owner].unit else f"{r.unit}"


def _label(ctx: Context, i: int, cell: str) -> str:
    return template(ctx.fmt[i]).cell(cell).label


def _ref(ctx: Context, i: int, cell: str) -> CellRef:
    return ctx.reports[i].ref(cell)


def _round(ctx: Context, i: int, cell: str, v: float) -> float:
    if is_money(ctx, i, cell):
        # 4 more decimals than printed: a 元 amount corrected to 万元 keeps its cents
        return round(v, decimals(ctx, i, cell, ctx.value(i, cell)) + 4)
    return round(v, 6)


def _num(v: float) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "（空）"
    return str(int(round(v))) if abs(v - round(v)) < SAME else f"{v:.6f}".rstrip("0").rstrip(".")


def plain(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return int(round(v)) if abs(v - round(v)) < SAME else float(v)


# --- blank cells ------------------------------------------------------------------------------------
def fill_blanks(ctx: Context, dec: Decoder) -> dict[int, Finding]:
    """A blank cell (F1) that is the only unknown of equalities which all imply the same value gets
    that value as its suggestion: the reader could not know it, the other cells tell it. Returns
    the new findings by the id of the reader's finding they take the place of (findings are
    immutable; the report's list is updated)."""
    out: dict[int, Finding] = {}
    for i, r in enumerate(ctx.reports):
        for n, f in enumerate(r.findings):
            if f.rule != "F1" or f.suspect is not None or len(f.cells) != 1:
                continue
            cell = f.cells[0].cell
            implied, rules = [], set()
            for key in dec.instances(i, cell, dec.hard):
                terms = dec.terms(key)
                own = [coef for j, c, coef in terms if (j, c) == (i, cell)]
                rest = [coef * dec.value(j, c) for j, c, coef in terms if (j, c) != (i, cell)]
                if own and rest and not any(math.isnan(v) for v in rest):
                    implied.append(-sum(rest) / sum(own))
                    rules.add(key[1])
            if not implied or max(implied) - min(implied) > ROUNDING or not _plausible(ctx, i, cell, implied[0]):
                continue
            value = plain(_round(ctx, i, cell, implied[0]))
            names = "、".join(sorted(rules, key=lambda x: PRIORITY.index(x) if x in PRIORITY else 99))
            g = dataclasses.replace(f, suspect=f.cells[0], suggestion=value, expected=value, suspects=(),
                                    message=f.message + f"按 {names} 的勾稽关系，该格应为 {_num(value)}。")
            r.findings[n] = out[id(f)] = g
    return out


# --- the prose confirming a localised cell ------------------------------------------------------------
def _sentence(message: str) -> str:
    """A message ended as a sentence, so a clause appended to it does not run into its last figure."""
    return message if not message or message[-1] in "。！？；" else message + "。"


def fold_prose(findings: list[Finding], localised: list[Finding]) -> list[Finding]:
    """An R10 finding (prose ≠ table) about a cell the equalities already name, whose prose figure is
    the suggested value, is the same root cause: fold it into that finding as confirming evidence
    (`localised` gets the confirmed finding in place of the one it confirms). The same when the
    equalities left several candidates and the prose figure is one candidate's value: it names it."""
    # every cell a finding blames, not only its first (a row typed +3 in 自然人 and 总计: the prose
    # states the 总计)
    by_cell: dict = {}
    for n, f in enumerate(localised):
        for x in f.suspects:
            if x.suggestion is not None:
                by_cell.setdefault(x.ref, (n, x.suggestion))
    # candidates the equalities could not choose among (one equality, e.g. R4): the prose's figure
    # for one of them, equal to what that cell should be, chooses it
    by_candidate: dict = {}
    for n, g in enumerate(localised):
        if g.suspect is None:
            for st in g.candidate_sets:
                if len(st) == 1 and st[0].suggestion is not None:
                    by_candidate.setdefault(st[0].ref, []).append((n, st[0]))
    out = []
    confirmed: dict[int, list[tuple[CellRef, float, str]]] = {}
    for f in findings:
        if f.rule != "R10" or len(f.cells) != 1 or f.actual is None:
            out.append(f)
            continue
        said, where = float(f.actual), f.where or f.source or ""
        n, suggested = by_cell.get(f.cells[0], (None, None))
        if n is not None and abs(said - float(suggested)) < 1e-9:
            confirmed.setdefault(n, []).append((f.cells[0], said, where))
            continue
        chosen = [(n, s) for n, s in by_candidate.get(f.cells[0], ())
                  if localised[n].suspect is None and abs(said - float(s.suggestion)) < 1e-9]
        if len(chosen) == 1:
            n, s = chosen[0]
            localised[n] = dataclasses.replace(
                localised[n], suspect=s.ref, actual=s.value, expected=s.suggestion, suggestion=s.suggestion,
                suspects=(), candidates=(), candidate_sets=(),
                message=_sentence(localised[n].message) + f"正文写作 {_num(said)}（{where}），正是其中一格应填的值，"
                                               f"据此判断是该格填错。")
            continue
        out.append(f)
    for n, figures in confirmed.items():
        localised[n] = dataclasses.replace(localised[n], message=_sentence(localised[n].message) + _confirmed(figures))
    return out


def _confirmed(said: list[tuple[CellRef, float, str]]) -> str:
    """The clause a finding gets from the prose figures that state its suggested values: one figure as
    "正文也写作 12（第8行）"; several (one sentence stating two of its cells) each named by its cell, once —
    not the same clause again for each."""
    if len(said) == 1:
        [(_, value, where)] = said
        return f"正文也写作 {_num(value)}（{where}），与建议值一致。"
    wheres = list(dict.fromkeys(w for _, _, w in said))
    named = "、".join(
        "、".join(f"「{_prose_label(ref)}」{_num(v)}" for ref, v, w in said if w == where)
        + ("" if len(wheres) == 1 else f"（{where}）") for where in wheres)
    return f"正文也写作{named}" + (f"（{wheres[0]}）" if len(wheres) == 1 else "") + "，与建议值一致。"


def _prose_label(ref: CellRef) -> str:
    """A cell's label in its report's template (R10 compares 2019, 2021 and legacy reports: the year tells which)."""
    try:
        return template(format_for_year(ref.year)).cell(ref.cell).label if ref.year else ref.cell
    except KeyError:
        return ref.cell
