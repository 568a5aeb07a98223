"""Check kinds within one report's tables.

`equality` (R1–R4, L1–L3): registers the rule's equalities as evidence; the localisation step
turns violated ones into findings that name the wrong cell. `non_negative` (R5): counts and
amounts are never negative (本年增/减 may be), and `at_least` pairs (对外公开总数量 ≥ 本年新公开数量).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ...findings import make
from ...model import plain
from ...templates import template
from .. import departed
from ..evidence import WithinFamily
from ..registry import Params, kind


@dataclass(frozen=True)
class EqualityParams(Params):
    """A linear equality as data (syntax: checker/rules/equations.py)."""
    equation: str
    over: dict[str, str | list[str]] = field(default_factory=dict)
    exclude_rows: list[str] = field(default_factory=list)
    soft: bool = False          # evidence that only warns (R8: document stocks are cleaned up)

    def problems(self) -> list[str]:
        out = [] if self.equation.count("=") == 1 else [f"等式“{self.equation}”应恰好有一个 ="]
        unnamed = sorted(set(re.findall(r"\{(\w+)\}", self.equation)) - set(self.over))
        if unnamed:
            out.append(f"等式中的 {'、'.join('{' + n + '}' for n in unnamed)} 没有在 over 中给出取值")
        if len(self.over) > 1:
            out.append("over 最多只能有一个占位符")
        return out


@dataclass(frozen=True)
class NonNegativeParams(Params):
    at_least: list[list[str]] = field(default_factory=list)   # [bigger, smaller] cell-id pairs

    def problems(self) -> list[str]:
        return [f"at_least 的每一项应是两个单元格编号，{pair} 不是" for pair in self.at_least if len(pair) != 2]


@kind("tables.equality", EqualityParams, evidence=True)
def equality(rule, reports, ctx):
    ctx.evidence.append(WithinFamily(rule, ctx))
    return ()


@kind("tables.non_negative", NonNegativeParams)
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
        for big, small in rule.params.at_least:
            if big not in tpl.index or small not in tpl.index:
                continue
            vb, vs = b.values[:, tpl.index[big]], b.values[:, tpl.index[small]]
            for r in np.flatnonzero(vb < vs):
                i = int(b.rows[r])
                yield _finding(rule, ctx, i, big, actual=vb[r], expected=vs[r], cells=[big, small],
                               detail=f"填 {plain(vb[r])}，小于「{tpl.cell(small).label}」{plain(vs[r])}，"
                                      f"对外公开总数量不能小于本年新公开数量")
    yield from departed.non_negative(rule, ctx)     # cells printed in the other generation


def _finding(rule, ctx, i, cell, actual, detail, cells, expected=None):
    r = ctx.reports[i]
    label = template(r.format).cell(cell).label
    return make(rule.id, unit=r.unit, year=r.year, cells=[r.ref(c) for c in cells], suspect=r.ref(cell),
                actual=actual, expected=expected, source=r.source,
                where=f"{r.source} {r.locate(cell) or ''}".strip(), label=label, detail=detail)

