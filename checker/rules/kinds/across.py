"""Check kinds across one unit's consecutive years: `equality` (R6, R7, R8) registers equalities
between year Y and the same unit's Y−1 report as evidence for the localisation step (R8 as soft
evidence: a warning, since bodies clean up their document stock)."""
from __future__ import annotations

from .. import departed
from ..evidence import YearFamily
from ..registry import kind
from .tables import EqualityParams


@kind("across.equality", EqualityParams, evidence=True)
def equality(rule, reports, ctx):
    ctx.evidence.append(YearFamily(rule, ctx))
    # a year whose table was printed in the other generation: its cells are checked as printed
    return departed.across_years(rule, ctx)
