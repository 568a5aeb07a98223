"""One run-together row: every split of its digits into the row's cells that the row's own
constraints allow (no leading zeros unless the cell is "0"; a group's total equals the sum of its
parts). The constraints across rows are applied in runtogether.py."""
from __future__ import annotations

import itertools

# Above this many splits for one row we stop enumerating: the row is reported, not guessed.
MAX_ROW_CANDIDATES = 2000
# Steps of the split enumeration for one row before it is given up (reported, not guessed).
MAX_SPLIT_STEPS = 300_000


# One split of a row: a value per cell (None: a cell left blank; a float: an amount with decimals).
Split = tuple[int | float | None, ...]


class TooLarge(Exception):
    """The enumeration ran past its step budget (a long ID-like run): report it, do not guess."""


def column_groups(table: str, ncols: int) -> list[tuple[int, bool]]:
    """The row's columns as consecutive groups (number of parts, followed by their total?)."""
    if table == "requests" and ncols == 7:
        return [(6, True)]
    if table == "appeals" and ncols == 15:
        return [(4, True)] * 3
    return [(ncols, False)]


def _number(s: str) -> int | None:
    """A cell as printed: digits without a leading zero, or "0"."""
    if not s or (len(s) > 1 and s[0] == "0"):
        return None
    return int(s)


def _split_sum(s: str, start: int, end: int, k: int, target: int | None, budget: list[int]):
    """Splits of s[start:end] into k numbers, summing to `target` (any sum when None). `budget`
    counts the steps left: a pathological run (a long ID number) must not hang the reader."""
    budget[0] -= 1
    if budget[0] < 0:
        raise TooLarge
    if k == 1:
        v = _number(s[start:end])
        if v is not None and (target is None or v == target):
            yield (v,)
        return
    if target is not None and _least_sum(end - start, k) > target:
        return  # so many digits in k numbers make at least one number larger than the target
    # leave at least one digit for each of the k-1 remaining numbers
    for cut in range(start + 1, end - k + 2):
        v = _number(s[start:cut])
        if v is None:
            if s[start] == "0":
                return  # "0" was the only option and it was already tried
            continue
        if target is not None and v > target:
            break  # longer prefixes only grow
        rest = None if target is None else target - v
        for tail in _split_sum(s, cut, end, k - 1, rest, budget):
            yield (v, *tail)


def _least_sum(ndigits: int, k: int) -> int:
    """The least sum of k numbers printed with `ndigits` digits in all (no leading zeros): one of
    them has at least ceil(ndigits / k) digits."""
    longest = -(-ndigits // k)
    return 0 if longest <= 1 else 10 ** (longest - 1)


def _split_groups(s: str, pos: int, groups: list[tuple[int, bool]], budget: list[int]):
    if not groups:
        if pos == len(s):
            yield ()
        return
    (k, has_total), rest = groups[0], groups[1:]
    width = k + (1 if has_total else 0)
    remaining_cells = width + sum(g + (1 if t else 0) for g, t in rest)
    if len(s) - pos < remaining_cells:
        return
    if not has_total:
        if rest:
            for end in range(pos + k, len(s) + 1):
                for parts in _split_sum(s, pos, end, k, None, budget):
                    for tail in _split_groups(s, end, rest, budget):
                        yield (*parts, *tail)
        else:
            yield from _split_sum(s, pos, len(s), k, None, budget)
        return
    after = remaining_cells - width   # digits the later groups need at least
    for i in range(pos + k, len(s) - after):   # the parts end at i, the total is s[i:j]
        ends = range(i + 1, len(s) - after + 1) if rest else (len(s),)
        for j in ends:
            total = _number(s[i:j])
            if total is None:
                break
            for parts in _split_sum(s, pos, i, k, total, budget):
                for tail in _split_groups(s, j, rest, budget):
                    yield (*parts, total, *tail)


def row_candidates(digits: str, table: str, ncols: int, limit: int = MAX_ROW_CANDIDATES,
                   signed: frozenset[int] = frozenset(),
                   decimal_last: bool = False) -> tuple[list[Split], bool]:
    """Every split of `digits` into `ncols` cells that the row's own constraints allow.
    Spaces in `digits` are boundaries that were printed (`640020 70`: a run, then the total):
    a split must cut there. A sign is a printed boundary too, and makes the cell after it negative
    (`88-720`: 本年增/减 −72 or −7); only the columns in `signed` may carry one.
    A row with no total to check it (表二) may also have left a cell blank, which leaves no trace
    in the run (`3|空|40` prints `340`, as `3|4|0` does): those splits, with None for the blank,
    are candidates too, so such a run is never read as if no cell could be blank.
    A decimal point (`1973601627.4元`: 采购项目数量 and 采购总金额) belongs to the last cell, which
    must then be an amount (`decimal_last`); the unit printed after the run is not a digit.
    Returns (candidates, truncated): truncated when more than `limit` exist."""
    whole, dot, fraction = digits.rstrip("元万 ").partition(".")
    if dot:
        if not (decimal_last and fraction.isdigit()):
            return [], False
        cands, truncated = row_candidates(whole, table, ncols, limit, signed)
        return [(*c[:-1], float(f"{c[-1]}.{fraction}")) for c in cands if c[-1] is not None], truncated
    if "+" in digits and not any(ch in digits for ch in "-－"):
        # a plus starts a cell of a signed column as a minus does (`0+11`: 本年增/减 +1 or +11, never
        # 上一年项目数量): split as if it were a minus, then drop the sign
        cands, truncated = row_candidates(digits.replace("+", "-"), table, ncols, limit, signed, decimal_last)
        return [tuple(v if v is None else abs(v) for v in c) for c in cands], truncated
    run, stops, negative = _printed(digits)
    groups = column_groups(table, ncols)
    found: list[Split] = []
    try:
        found.extend(itertools.islice(_filtered(run, groups, stops, negative, signed), limit + 1))
        if ncols > 1 and not any(total for _, total in groups) and len(found) <= limit:
            found.extend(itertools.islice(_with_a_blank(run, ncols, stops, negative, signed), limit + 1 - len(found)))
        elif ncols > 1 and len(run) == ncols - 1:
            # a row with totals one digit short (`000001` for 7 cells): a cell was left blank. A blank
            # may hide any number, so a group holding it checks nothing (the table's sums may still)
            found.extend(itertools.islice(_blank_with_totals(run, groups, stops, negative, signed), limit + 1))
    except TooLarge:
        return found[:limit], True
    return found[:limit], len(found) > limit


def free_splits(digits: str, ncols: int, limit: int = MAX_ROW_CANDIDATES) -> list[Split]:
    """Every split of `digits` into `ncols` cells, whatever the row's own sums say (no cell blank,
    no leading zeros, the printed spaces kept): what the row may print when one of its own cells
    is wrong. Raises TooLarge past `limit` splits or the step budget."""
    run, stops, negative = _printed(digits)
    if negative or not run.isascii() or not run.isdigit():
        raise TooLarge
    found = list(itertools.islice(_filtered(run, [(ncols, False)], stops, negative, frozenset()), limit + 1))
    if len(found) > limit:
        raise TooLarge
    return found


def one_group_off(digits: str, table: str, ncols: int, limit: int = MAX_ROW_CANDIDATES) -> list[Split]:
    """Every split of `digits` (no cell blank, the printed spaces kept) whose groups all keep
    their sums but one, which may break it: what a row of several groups prints when one of its
    cells is wrong (a slip in one cell breaks only its own group's sum). The splits that keep every
    sum are among them. Empty for a row with fewer than two groups with totals. Raises TooLarge
    past `limit` splits or the step budget."""
    groups = column_groups(table, ncols)
    if sum(1 for _, total in groups if total) < 2:
        return []
    run, stops, negative = _printed(digits)
    if negative or not run.isascii() or not run.isdigit():
        raise TooLarge
    found: set[Split] = set()
    for g, (k, total) in enumerate(groups):
        if not total:
            continue
        loose = [*groups[:g], (k + 1, False), *groups[g + 1:]]
        found.update(itertools.islice(_filtered(run, loose, stops, negative, frozenset()), limit + 1))
        if len(found) > limit:
            raise TooLarge
    return sorted(found, key=lambda s: tuple(-1 if v is None else v for v in s))


def _filtered(run: str, groups, stops, negative, signed):
    splits = _split_groups(run, 0, groups, [MAX_SPLIT_STEPS])
    if stops:
        splits = (c for c in splits if stops <= _cuts(c))
    if negative:
        splits = (s for s in (_signed(c, negative, signed) for c in splits) if s is not None)
    return splits


def _with_a_blank(run: str, ncols: int, stops, negative, signed):
    """The splits into one cell fewer, with the blank in each place the signs allow."""
    for cells in _filtered(run, [(ncols - 1, False)], stops, negative, frozenset(range(ncols))):
        for b in range(ncols):
            row = (*cells[:b], None, *cells[b:])
            if all(v is None or v >= 0 or i in signed for i, v in enumerate(row)):
                yield row


def _blank_with_totals(run: str, groups, stops, negative, signed):
    """The splits into one cell fewer, the blank in each place, whose groups without the blank
    keep their sums."""
    ncols = sum(k + (1 if t else 0) for k, t in groups)
    for cells in _filtered(run, [(ncols - 1, False)], stops, negative, frozenset(range(ncols))):
        for b in range(ncols):
            row = (*cells[:b], None, *cells[b:])
            if all(v is None or v >= 0 or i in signed for i, v in enumerate(row)) and _sums_hold(row, groups):
                yield row


def _sums_hold(row: tuple, groups) -> bool:
    at = 0
    for k, has_total in groups:
        cells, at = row[at:at + k + has_total], at + k + has_total
        if has_total and None not in cells and sum(cells[:-1]) != cells[-1]:
            return False
    return True


def _printed(digits: str) -> tuple[str, frozenset[int], frozenset[int]]:
    """The digits alone; the positions (in them) where a space or sign was printed; where a minus was."""
    run: list[str] = []
    stops, negative = set(), set()
    for ch in digits:
        if ch.isdigit():
            run.append(ch)
        elif ch in "-－":
            negative.add(len(run))
            stops.add(len(run))
        elif ch in " +":
            stops.add(len(run))
    n = len(run)
    return "".join(run), frozenset(s for s in stops if 0 < s < n), frozenset(negative)


def _signed(cells: tuple[int, ...], negative: frozenset[int], signed: frozenset[int]) -> tuple[int, ...] | None:
    """The split with its minus signs applied; None when a sign falls inside a cell or on a column
    that is never negative."""
    out, starts, at = [], set(), 0
    for i, v in enumerate(cells):
        starts.add(at)
        if at in negative:
            if i not in signed:
                return None
            v = -v
        out.append(v)
        at += len(str(abs(v)))
    return tuple(out) if negative <= starts else None


def _cuts(cells: tuple[int, ...]) -> set[int]:
    out, n = set(), 0
    for v in cells[:-1]:
        n += len(str(v))
        out.add(n)
    return out
