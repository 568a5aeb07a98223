"""Linear equalities as data: `"requests.received.{col} + ... = requests.handled_total.{col} + ..."`
expanded per template format into `Equation`s (cell ids with coefficients).

Syntax of a rule's `params`:
- `equation`: `LEFT = RIGHT`, each side terms joined by `+` / `-`; a term is a cell id, optionally
  prefixed `prev:` (the same unit's report of year Y−1); `{name}` placeholders are filled from `over`.
- `over`: `{name: values}`, values a list or `TABLE.columns` / `TABLE.rows` (taken from the format's
  template); the equation is expanded once per value (one placeholder at most).
- `*` in a term stands for every cell of the template that matches the pattern and that the equation
  does not name elsewhere, minus rows listed in `exclude_rows`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..templates import template


@dataclass(frozen=True)
class Term:
    cell: str
    coef: float
    offset: int = 0     # 0: this report; -1: the same unit's report of the previous year


@dataclass(frozen=True)
class Equation:
    name: str                     # the expansion value, e.g. the column id (for messages)
    left: tuple[Term, ...]
    right: tuple[Term, ...]

    @property
    def terms(self) -> tuple[Term, ...]:
        """Residual = Σ coef·value with right-hand terms negated: 0 when the equality holds."""
        return _signed(self)


@lru_cache(maxsize=None)
def _signed(eq: Equation) -> tuple[Term, ...]:
    return eq.left + tuple(Term(t.cell, -t.coef, t.offset) for t in eq.right)


_TERM = re.compile(r"\s*([+-]?)\s*((?:prev:)?[\w.*{}]+)")


def _side(text: str) -> list[tuple[float, str, int]]:
    out = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TERM.match(text, pos)
        if not m:
            raise ValueError(f"无法解析的等式项：{text[pos:]!r}")
        ref = m.group(2)
        offset = -1 if ref.startswith("prev:") else 0
        out.append((-1.0 if m.group(1) == "-" else 1.0, ref.removeprefix("prev:"), offset))
        pos = m.end()
    return out


def _values(spec, fmt: str) -> list[str]:
    if isinstance(spec, list):
        return [str(v) for v in spec]
    table_id, what = spec.split(".")
    table = template(fmt).table(table_id)
    if what == "rows":
        return [r.id for r in table.rows]
    if what == "columns":
        return list(dict.fromkeys(c.id for r in table.rows for c in r.columns))
    raise ValueError(f"未知的展开范围：{spec}")


def _expand_star(pattern: str, named: set[str], exclude_rows: set[str], fmt: str) -> list[str]:
    rx = re.compile("^" + re.escape(pattern).replace(r"\*", ".+") + "$")
    tpl = template(fmt)
    return [c.id for c in tpl.cells
            if rx.match(c.id) and c.id not in named and c.row not in exclude_rows]


@lru_cache(maxsize=None)
def _expand_cached(equation: str, over: tuple, exclude_rows: tuple, fmt: str) -> tuple[Equation, ...]:
    over_d = dict(over)
    if len(over_d) > 1:
        raise ValueError("一个等式只能有一个展开占位符")
    name, values = next(iter(over_d.items())) if over_d else (None, [""])
    if name is not None:
        values = _values(list(values) if isinstance(values, tuple) else values, fmt)
    tpl = template(fmt)
    out = []
    for v in values:
        text = equation.replace("{" + name + "}", v) if name else equation
        lhs, rhs = text.split("=")
        sides = [_side(lhs), _side(rhs)]
        named = {ref for side in sides for _, ref, _ in side if "*" not in ref}
        built: list[list[Term]] = [[], []]
        ok = True
        for k, side in enumerate(sides):
            for coef, ref, offset in side:
                refs = _expand_star(ref, named, set(exclude_rows), fmt) if "*" in ref else [ref]
                for r in refs:
                    # a cell the current format lacks drops the whole equation (e.g. `other` in 2021);
                    # previous-year cells are looked up in that year's own format later
                    if offset == 0 and r not in tpl.index:
                        ok = False
                    built[k].append(Term(r, coef, offset))
        if ok and built[0] and built[1]:
            out.append(Equation(v, tuple(built[0]), tuple(built[1])))
    return tuple(out)


def expand(params: dict, fmt: str) -> tuple[Equation, ...]:
    """The rule's equations for template format `fmt` (cached)."""
    over = params.get("over") or {}
    over_t = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in over.items())
    return _expand_cached(params["equation"], over_t, tuple(params.get("exclude_rows", ())), fmt)
