"""The rules that apply to cells a report printed in the other template generation (`departures`,
readers/generations.py): its own template has no place for them, so the vectorised checks over the
format's blocks never see them. Nothing printed goes unchecked where a rule applies:

- R5: a count printed in a departing table is never negative; a 2019 表二's 对外公开总数量 is never
  below its 本年新公开数量;
- R7: a 2019 表二's 上一年项目数量 follows the unit's previous year (上一年项目数量 + 本年增/减),
  whichever of the two years printed its 表二 in the 2019 generation as a departure.

These are plain findings (no localisation: a departing table takes part in no other equality), each
naming the cell where it was printed. Pairs both printed in the report's own format are the
vectorised rule's, never reported twice here.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..findings import make
from ..model import Finding, Report, plain
from ..templates import template
from .equations import expand

DEPARTURES = "departures"     # readers/generations.DEPARTURES (not imported: rules do not import readers)


def printed_in(report: Report, fmt: str) -> dict[str, float | None]:
    """The cells `report` printed in generation `fmt` that its own format has no place for."""
    out: dict[str, float | None] = {}
    for d in (report.facts.get(DEPARTURES) or {}).values():
        if isinstance(d, dict) and d.get("format") == fmt and isinstance(d.get("cells"), dict):
            out.update({c: _number(v) for c, v in d["cells"].items()})
    return out


def located(report: Report, cell: str) -> str:
    """Where a departing cell was printed, for a person (file and line, or sheet!cell)."""
    for d in (report.facts.get(DEPARTURES) or {}).values():
        at = (d.get("locations") or {}).get(cell) if isinstance(d, dict) else None
        if isinstance(at, str) and at:
            return f"{report.source} {at}" if report.source else at
    return report.source or ""


def holding(ctx) -> list[int]:
    """The positions of the reports that hold departures, found once per check (one pass over the
    reports, ~50 ms per 100,000 under load; R5–R8 all ask)."""
    found = ctx.__dict__.get("_departures_at")
    if found is None:
        found = ctx.__dict__["_departures_at"] = [i for i, r in enumerate(ctx.reports) if DEPARTURES in r.facts]
    return found


def non_negative(rule, ctx) -> Iterator[Finding]:
    """R5 over departing cells (params: `at_least` pairs, as the vectorised check)."""
    for i in holding(ctx):
        r = ctx.reports[i]
        for fmt in {d.get("format") for d in r.facts[DEPARTURES].values() if isinstance(d, dict)}:
            if fmt not in rule.formats:
                continue
            tpl, cells = template(fmt), printed_in(r, fmt)
            for cid, v in cells.items():
                if v is not None and v < 0 and cid in tpl.index and tpl.cell(cid).kind != "signed":
                    yield _finding(rule, r, fmt, cid, [cid], v, None, "为负数，件数和金额不能为负")
            for big, small in rule.params.at_least:
                vb, vs = cells.get(big), cells.get(small)
                if vb is not None and vs is not None and vb < vs:
                    yield _finding(rule, r, fmt, big, [big, small], vb, vs,
                                   f"填 {plain(vb)}，小于「{tpl.cell(small).label}」{plain(vs)}，"
                                   "对外公开总数量不能小于本年新公开数量")


def across_years(rule, ctx) -> Iterator[Finding]:
    """R6–R8-type equalities between year Y and Y−1 where a side's cells are departures."""
    # the years holding departures and the years after them: all there is to look at
    dep = holding(ctx)
    for i in sorted(set(dep) | {int(ctx.next[j]) for j in dep if ctx.next[j] >= 0}):
        r, p = ctx.reports[i], int(ctx.prev[i])
        if p < 0:
            continue
        prev = ctx.reports[p]
        for fmt in rule.formats:
            if r.format == fmt and prev.format == fmt:
                continue          # the vectorised rule has this pair
            now, before = _cells(r, fmt), _cells(prev, fmt)
            if not now or not before:
                continue          # a side did not print this generation's table
            for eq in expand(rule.params, fmt):
                def value(t):
                    return (before if t.offset else now).get(t.cell)
                left, right = [value(t) for t in eq.left], [value(t) for t in eq.right]
                if any(v is None for v in left + right):
                    continue
                lv = sum(t.coef * v for t, v in zip(eq.left, left))
                rv = sum(t.coef * v for t, v in zip(eq.right, right))
                if abs(lv - rv) > 1e-9:
                    yield _year_finding(rule, r, prev, fmt, eq, left, right, lv)


def _cells(report: Report, fmt: str) -> dict[str, float | None]:
    """The report's cells of generation `fmt`: its own when that is its format, else its departures."""
    if report.format == fmt:
        return {c.id: _number(report.get(c.id)) for c in template(fmt).cells}
    return printed_in(report, fmt)


def _year_finding(rule, r: Report, prev: Report, fmt: str, eq, left, right, actual) -> Finding:
    tpl = template(fmt)

    def side(terms, vals):
        out = ""
        for n, (t, v) in enumerate(zip(terms, vals)):
            sign = ("" if n == 0 else " + ") if t.coef > 0 else (" − " if n else "−")
            out += f"{sign}{f'{prev.year}年' if t.offset else ''}「{tpl.cell(t.cell).label}」{plain(v)}"
        return out
    cell = next(t.cell for t in eq.left + eq.right if not t.offset)
    at = located(r, cell) if r.format != fmt else f"{r.source} {r.locate(cell) or ''}".strip()
    which = "本年" if r.format != fmt else f"{prev.year}年"
    detail = (f"{rule.id} {side(eq.left, left)} ≠ {side(eq.right, right)}"
              f"（{which}的表格按 {fmt} 版印出，这些格原样记下后照样核对；不参与定位哪一格填错）")
    cells = [(prev if t.offset else r).ref(t.cell) for t in eq.left + eq.right]
    return make(rule.id, unit=r.unit, year=r.year, cells=cells, source=r.source, where=at,
                actual=actual, detail=detail, report=r.identity)


def _finding(rule, r: Report, fmt: str, cell: str, cells: list[str], actual, expected, detail) -> Finding:
    label = template(fmt).cell(cell).label
    return make(rule.id, unit=r.unit, year=r.year, cells=[r.ref(c) for c in cells], suspect=r.ref(cell),
                actual=actual, expected=expected, source=r.source, where=located(r, cell), label=label,
                detail=detail + f"（该格按 {fmt} 版印出，本报告按 {r.format} 版读取）")


def _number(v) -> float | None:
    v = plain(v)
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and v == v else None
