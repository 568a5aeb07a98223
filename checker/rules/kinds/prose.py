"""Check kinds on the figures a report states in its prose (see `checker.prose`):
`agree` (R10: prose against the table), `sums` (P1: a stated total against its parts),
`share` (P2: a stated percentage against its part and base)."""
from __future__ import annotations

import math

from ...findings import make
from ...model import CellRef, ProseFact, Report
from ...numbers import ROUNDING, SAME
from ...prose.facts import share_holds
from ...templates import template
from ..registry import kind

_APPLICANTS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org")


@kind("prose.agree")
def agree(rule, reports, ctx):
    """R10: a figure stated in the prose equals the table cell it names, where that cell is printed
    and not blank. A cell the prose itself filled (legacy reports) is not compared with itself."""
    for report in reports:
        if report.format is None:
            ctx.skip(rule.id)
            continue
        index = template(report.format).index
        seen: set[tuple[str, float]] = set()
        compared = False
        for fact, cell, value in _stated(report.prose):
            if cell not in index or (cell, value) in seen:
                continue
            seen.add((cell, value))
            i = index[cell]
            if not report.present[i] or math.isnan(report.values[i]):
                continue
            if report.cell_meta.get(cell, {}).get("source") == "prose":
                continue
            table = float(report.values[i])
            compared = True
            if abs(table - value) < SAME:
                continue
            suspect, suggestion, evidence = _evidence(report, cell, value)
            yield make(rule.id, unit=report.unit, year=report.year, cells=[report.ref(cell)],
                       suspect=suspect, expected=plain(table), actual=plain(value),
                       suggestion=None if suggestion is None else plain(suggestion),
                       source=report.source, where=_where(report, fact.line, cell),
                       text=_quote(fact.text), label=template(report.format).cell(cell).label, evidence=evidence)
        if not compared:
            ctx.skip(rule.id)     # no prose figure names a printed table cell


def _stated(prose: list[ProseFact]):
    """(fact, cell, value) for every figure the prose ties to a cell: single figures, sums' totals
    and their parts."""
    for f in prose:
        if f.kind in ("count", "sum") and f.cell:
            yield f, f.cell, f.value
        if f.kind == "sum":
            for cell, value in zip(f.part_cells, f.parts):
                if cell:
                    yield f, cell, value


def _evidence(report: Report, cell: str, stated: float) -> tuple[CellRef | None, float | None, str]:
    """Which side is likely wrong. A request-table total whose row of applicants adds up to it is
    backed by the table: the prose is the likelier slip (no table cell to suspect). A total whose
    applicants add up to the prose figure instead is the suspect, with that figure as suggestion."""
    row, _, column = cell.rpartition(".")
    parts = None
    if cell.startswith("requests.") and column == "total":
        parts = [report.get(f"{row}.{c}") for c in _APPLICANTS]
    elif cell.startswith("appeals.") and column == "total":
        parts = [report.get(f"{row}.{c}") for c in ("upheld", "corrected", "other", "pending")]
    if parts is not None:
        if all(p is not None for p in parts):
            s = math.fsum(parts)
            if abs(s - report.get(cell)) < SAME:
                return None, None, "表格中构成该总计的各格之和与总计一致，更可能是正文的数字有误。"
            if abs(s - stated) < SAME:
                return report.ref(cell), stated, "表格中构成该总计的各格之和与正文一致，更可能是表格总计一格填错。"
    return None, None, "无法确定是正文还是表格有误，请核对原始台账。"


@kind("prose.sums")
def sums(rule, reports, ctx):
    """P1: a stated total equals its stated parts. Parts that exceed the total are an error; parts
    short of it only a warning (“其中” may list some items only); an unclear list is a warning."""
    for report in reports:
        if not any(f.kind == "sum" and f.parts for f in report.prose):
            ctx.skip(rule.id)     # the prose states no total with its parts
            continue
        for f in report.prose:
            if f.kind != "sum" or not f.parts:
                continue
            total = math.fsum(f.parts)
            if abs(total - f.value) < ROUNDING:
                continue
            if f.clear and total > f.value:
                severity, detail = None, "分项之和超过合计，至少有一个数字写错。"
            elif f.clear:
                severity, detail = "warning", "分项之和小于合计：若“其中”列出的是全部分项，则有数字写错或漏列一项。"
            else:
                severity, detail = "warning", "分项的计量单位不一，无法确定哪些数字属于这个合计，请核对。"
            yield make(rule.id, unit=report.unit, year=report.year, severity=severity,
                       cells=[report.ref(c) for c in [f.cell, *f.part_cells] if c],
                       expected=plain(total), actual=plain(f.value), source=report.source,
                       where=_where(report, f.line), text=_quote(f.text), unit_word=f.unit or "",
                       parts=" + ".join(str(plain(p)) for p in f.parts), detail=detail)


@kind("prose.share")
def share(rule, reports, ctx):
    """P2: a stated share equals part / base within the rounding its printed decimals allow."""
    for report in reports:
        if not any(f.kind == "share" and f.of is not None and f.share is not None for f in report.prose):
            ctx.skip(rule.id)     # the prose states no share with its base
            continue
        for f in report.prose:
            if f.kind != "share" or f.of is None or f.share is None:
                continue
            if share_holds(f.value, f.of, f.share, f.decimals):
                continue
            computed = round(100.0 * f.value / f.of, max(f.decimals, 1) + 1)
            yield make(rule.id, unit=report.unit, year=report.year, expected=computed, actual=f.share,
                       source=report.source, where=_where(report, f.line), text=_quote(f.text),
                       part=plain(f.value), base=plain(f.of), computed=computed)


def _where(report: Report, line: int, cell: str | None = None) -> str:
    place = report.text_where(line)
    if cell and report.location_style != "text":
        located = report.locate(cell)
        if located:
            place += f"（表格 {located}）"
    return place


def _quote(text: str, width: int = 90) -> str:
    """A long sentence cut in the middle: its start names the subject, its end the figures."""
    if len(text) <= width:
        return text
    return text[:width // 3] + "……" + text[-(width - width // 3):]


def plain(v: float):
    return int(v) if float(v).is_integer() else v
