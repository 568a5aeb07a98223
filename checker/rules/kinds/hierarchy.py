"""Check kinds across the hierarchy: `sum` (R9, a parent's cells = the sum of its units' cells,
registered as evidence for the localisation step) and `unmatched` (U1, names of the units file
that match no report, or reports whose unit is not in the units file), `duplicates` (U2, one unit's
report for one year given twice)."""
from __future__ import annotations

from ...findings import make
from ..evidence import HierFamily
from ..registry import kind


@kind("hierarchy.sum", evidence=True)
def sum(rule, reports, ctx):  # noqa: A001 - the kind is named `sum` in the catalogue
    ctx.evidence.append(HierFamily(rule, ctx))
    return ()


@kind("hierarchy.unmatched")
def unmatched(rule, reports, ctx):
    yield from ctx.unmatched_findings()


@kind("hierarchy.duplicates")
def duplicates(rule, reports, ctx):
    """U2: the same unit's report for the same year read twice (e.g. its text and its sheet in a
    collection workbook): only the first is compared with other years and summed into its parent."""
    for kept, dup in ctx.duplicates():
        a, b = ctx.reports[kept], ctx.reports[dup]
        yield make(rule.id, unit=b.unit, year=b.year, report=b.identity, source=b.source, where=b.source,
                   detail=f"“{b.unit}”{b.year} 年的报告出现了两份（{a.source} 与 {b.source}），"
                          f"只有前一份参与年度间和上下级核对，请确认是否重复提供。")
