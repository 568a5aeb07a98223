"""Which columns a short row's values stand in, from their positions in layout text.

`pdftotext -layout` prints an empty table cell as nothing: `7.属于  0   0       0   0   0   0` has six
values for seven columns. Its column positions are not a fixed grid: each printed line is placed
after the text to its left, so the same column starts a few characters apart from row to row, and
the header's cells (wrapped over several lines) do not line up with the values at all. What does
hold is the spacing *within* a line: the distances between a row's values follow the columns'
distances on the page. So a short row is laid against the full rows printed next to it on the same
page (`refs`): the columns it fills are the ones whose spacing matches its own (a missing cell shows
as a gap two columns wide). When the spacing cannot tell (a blank first or last cell of evenly spaced
columns), the positions themselves must match the full rows', and only when those rows agree on them.
Anything else (no fit, two fits, references that disagree) is left to the caller as unread (F3).
"""
from __future__ import annotations

from itertools import combinations
from typing import Callable, Sequence
from unicodedata import east_asian_width

# A gap may differ from the full row's by this many characters (pdftotext rounds each position).
TOLERANCE = 1


def width(text: str) -> int:
    """Display width: a 汉字 (or full-width sign) takes two columns."""
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def centre(x: int, text: str) -> float:
    """The middle of a value as printed (numbers are centred or set left: the middle moves least)."""
    return x + len(text.strip()) / 2


def fits(xs: Sequence[float], ref: Sequence[float], tolerance: int = TOLERANCE) -> list[tuple[int, ...]]:
    """The sets of columns (indices into `ref`, the full row's value centres) whose spacing matches
    the short row's value centres `xs`, both left to right."""
    m, n = len(xs), len(ref)
    out = []
    for cols in combinations(range(n), m):
        ok = True
        for i in range(m - 1):
            a, b = cols[i], cols[i + 1]
            want = ref[b] - ref[a]
            if abs((xs[i + 1] - xs[i]) - want) > tolerance:
                ok = False
                break
        if ok:
            out.append(cols)
    return out


def _same(a: Sequence[float], b: Sequence[float], tolerance: float) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def _gaps(xs: Sequence[float]) -> list[float]:
    return [b - a for a, b in zip(xs, xs[1:])]


def columns(xs: Sequence[float], refs: list[Sequence[float]],
            sums_hold: Callable[[tuple[int, ...]], bool] | None = None,
            label_end: float | None = None, around: list[Sequence[float]] | None = None) -> tuple[int, ...] | None:
    """The one set of columns the short row's values stand in, or None.

    1. The spacing fits one way against each reference row that fits at all; at least two fit,
       and they agree.
    2. Several fit (evenly spaced columns, a blank at the edge): only the full rows just above and
       just below (`around`) can decide. When they stand at the same places, the positions decide;
       else (the layout shifted the row, its label pushing it right), when they agree exactly on
       their spacing, the one exact fit of the spacing decides, and only if the row's own sums
       (`sums_hold`: total = its parts) do not rule it out (they never choose between fits).
    A blank first column must stand clear of the row's label (`label_end`, where its text ends):
    text printed at tab stops rather than in a table pushes a long label's values right, which
    is no blank cell at all.
    """
    if len(xs) < 2 or not refs or any(b <= a for a, b in zip(xs, xs[1:])):
        return None
    if any(len(ref) <= len(xs) for ref in refs):
        return None
    # a full row that fits no way at all was spaced out by the layout itself (pdftotext widens a
    # gap now and then): it says nothing; those that fit must agree
    sets = [set(fits(xs, ref)) for ref in refs]
    useful = [c for c in sets if c]
    if not useful:
        return None
    cands = set.intersection(*useful)
    if label_end is not None:
        first = min(ref[0] for ref in refs)
        cands = {c for c in cands if c[0] == 0 or label_end < first}
    if all(len(c) == 1 for c in useful):
        # two full rows at least must fit the same one way: one alone may be spaced out itself
        return next(iter(cands)) if len(cands) == 1 and len(useful) >= 2 else None
    # the spacing fits several ways (ruling one out is no evidence for another): the positions
    # must say, against the full rows just above and just below it (`around`), both fitting
    if not around or len(around) < 2 or not all(set(fits(xs, ref)) for ref in around):
        return None
    ref = around[0]
    placed = {c for c in cands if _same(xs, [ref[i] for i in c], TOLERANCE)}
    if len(placed) == 1 and all(_same(ref, other, TOLERANCE) for other in around):
        return placed.pop()
    if all(_same(_gaps(ref), _gaps(other), 0) for other in around):
        # the sums may only rule the one fit out, never choose between fits: a report whose row
        # does not add up (the very error to find) would have its values moved to make it add up
        exact = cands & set(fits(xs, ref, 0))
        return exact.pop() if len(exact) == 1 and (sums_hold is None or sums_hold(next(iter(exact)))) else None
    return None


def group_sums_hold(col_ids: Sequence[str], values: dict[int, float]) -> bool:
    """Does each printed total of a row equal its printed parts (`total` = the other columns;
    `review.total` = the other `review.` columns)? `values`: column index -> value, blanks absent.
    A total left blank says nothing."""
    for k, cid in enumerate(col_ids):
        if not cid.endswith("total") or k not in values:
            continue
        prefix = cid[: -len("total")]
        parts = [values.get(j, 0.0) for j, other in enumerate(col_ids) if other != cid and other.startswith(prefix)]
        if abs(sum(parts) - values[k]) > 1e-6:
            return False
    return True
