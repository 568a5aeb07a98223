"""Check kinds across the hierarchy: `sum` (R9, a parent's cells = the sum of its units' cells,
registered as evidence for the localisation step) and `unmatched` (U1, names of the units file
that match no report, or reports whose unit is not in the units file)."""
from __future__ import annotations

from ..evidence import HierFamily


def sum(rule, reports, ctx):  # noqa: A001 - the kind is named `sum` in the catalogue
    ctx.evidence.append(HierFamily(rule, ctx))
    return ()


def unmatched(rule, reports, ctx):
    yield from ctx.unmatched_findings()
