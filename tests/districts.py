"""Generated districts with a known localisation puzzle, shared by the rule and annotation tests."""
from __future__ import annotations

from bench.generate import district

CELL = "active.penalty.decisions"


def one_digit_or_two_swaps():
    """bench.accuracy (real draw, --errors 60, seed 18): two units swapped digits in 行政处罚·处理决定数量
    (193 printed 139, 71 printed 17), leaving the district's sum 108 short; a third unit's right 12 would
    account for it as a dropped digit of 120, and two other units' right 28 and 39 swap back by as much.
    Returns the district (one year, 2021, no prose figure for these cells)."""
    d = district(8, (2021,), seed=5)
    d.decisions.clear()                  # no prose figure for these cells: the tables alone decide
    right = dict.fromkeys(d.units, 0) | {d.units[1]: 12, d.units[2]: 193, d.units[3]: 71, d.units[4]: 28, d.units[5]: 39}
    for unit, v in right.items():
        d.report(unit, 2021).set(CELL, v)
    d.report(d.parent_unit, 2021).set(CELL, sum(right.values()))
    d.report(d.units[2], 2021).set(CELL, 139)
    d.report(d.units[3], 2021).set(CELL, 17)
    return d
