"""layoutrow: a short layout row's columns by its spacing — the row's sums never choose them."""
from __future__ import annotations

from checker.readers import layoutrow


def test_sums_rule_out_the_one_fit_but_never_choose_between_fits():
    """`2.没有       0   0   0   0   0   1` under full rows spaced 4 apart, the rows above and below
    set at different places (a group label pushes one): the spacing fits (0..5) and (1..6). The row
    prints 总计 1 over parts of 0 — it does not add up, the very error to report — so the sums
    would keep only (0..5), one column off. It stays unread."""
    full_above = [18 + 4 * i for i in range(7)]
    full_below = [15 + 4 * i for i in range(7)]
    xs = [19 + 4 * i for i in range(6)]
    ids = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total"]
    values = [0, 0, 0, 0, 0, 1]

    def sums(cols):
        return layoutrow.group_sums_hold(ids, dict(zip(cols, values)))

    assert sums((0, 1, 2, 3, 4, 5)) and not sums((1, 2, 3, 4, 5, 6))
    assert layoutrow.columns(xs, [full_above, full_below], sums, None, [full_above, full_below]) is None
