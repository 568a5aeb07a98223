"""Check kinds within one report's tables.

`equality` (R1–R4, L1–L3): registers the rule's equalities as evidence; the localisation step
turns violated ones into findings that name the wrong cell. `non_negative` (R5): counts and
amounts are never negative (本年增/减 may be), and `at_least` pairs (对外公开总数量 ≥ 本年新公开数量).
"""
from __future__ import annotations

import numpy as np

from ...findings import make
from ...model import plain
from ...templates import template
from ..evidence import WithinFamily


def equality(rule, reports, ctx):
    ctx.evidence.append(WithinFamily(rule, ctx))
    return ()


def non_negative(rule, reports, ctx):
    for f in rule.formats:
        b = ctx.blocks.get(f)
        if b is None:
            continue
        tpl = template(f)
        signed = np.array([c.kind == "signed" for c in tpl.cells])
        neg = (b.values < 0) & ~signed
        for r, c in zip(*np.nonzero(neg)):
            i = int(b.rows[r])
            cell = tpl.cells[c].id
            yield _finding(rule, ctx, i, cell, actual=b.values[r, c], detail="为负数，件数和金额不能为负",
                           cells=[cell])
        for big, small in rule.params.get("at_least", []):
            if big not in tpl.index or small not in tpl.index:
                continue
            vb, vs = b.values[:, tpl.index[big]], b.values[:, tpl.index[small]]
            for r in np.flatnonzero(vb < vs):
                i = int(b.rows[r])
                yield _finding(rule, ctx, i, big, actual=vb[r], expected=vs[r], cells=[big, small],
                               detail=f"填 {plain(vb[r])}，小于「{tpl.cell(small).label}」{plain(vs[r])}，"
                                      f"对外公开总数量不能小于本年新公开数量")


def _finding(rule, ctx, i, cell, actual, detail, cells, expected=None):
    r = ctx.reports[i]
    label = template(r.format).cell(cell).label
    return make(rule.id, unit=r.unit, year=r.year, cells=[r.ref(c) for c in cells], suspect=r.ref(cell),
                actual=actual, expected=expected, source=r.source,
                where=f"{r.source} {r.locate(cell) or ''}".strip(), label=label, detail=detail)

