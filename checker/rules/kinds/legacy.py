"""Check kinds of the legacy statistical table (data years up to 2018). L1–L3 are equalities
(`tables.equality`); `at_most` (L4): each channel count is at most the total published (one item
published on several channels counts once in the total, so only each channel alone is bounded)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...findings import make
from ...model import plain
from ...templates import template
from ..registry import Params, kind


@dataclass(frozen=True)
class AtMostParams(Params):
    total: str          # the cell id no part may exceed
    parts: list[str]


@kind("legacy.at_most", AtMostParams)
def at_most(rule, reports, ctx):
    b = ctx.blocks.get("legacy")
    if b is None:
        return
    tpl = template("legacy")
    total = b.values[:, tpl.index[rule.params.total]]
    for part in rule.params.parts:
        v = b.values[:, tpl.index[part]]
        for r in np.flatnonzero(v > total):
            i = int(b.rows[r])
            rep = ctx.reports[i]
            yield make(rule.id, unit=rep.unit, year=rep.year, cells=[rep.ref(part), rep.ref(rule.params.total)],
                       suspect=None, actual=plain(v[r]), expected=plain(total[r]), source=rep.source,
                       where=f"{rep.source} {rep.locate(part) or ''}".strip(), label=tpl.cell(part).label)

