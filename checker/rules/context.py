"""What a check kind may know beyond the reports it checks: the same unit's previous year, the
units below a report in the hierarchy, which rules are selected, and the reports' cells stacked
per format (reports × cells matrices) so that kinds compute over all reports at once.

A cross-report rule gets its reference data from here (matched on unit and year), never from disk.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..model import Finding, Report, stacked
from ..templates import FORMATS, template
from ..units import Hierarchy, Matcher, normalise


@dataclass
class Block:
    """The reports of one format: `rows` their positions in `Context.reports`, `values` stacked
    (NaN where a cell was not printed), `present` the printed cells (the pandera frame is made
    from these two: `frames.validate_reports(…, blocks)`, not stacked a second time)."""
    fmt: str
    rows: np.ndarray
    values: np.ndarray
    present: np.ndarray | None = None


class UnitsIndex:
    """What a Context derives from the hierarchy alone, whatever the reports: its names, their
    matcher, and how many units each parent (as written) lists. A sharded check makes one per run
    and gives it to each chunk's Context (`units_index`): built per chunk, it cost ~35 ms a chunk at
    50,000 names; without one, each Context makes its own. The hierarchy must not change after."""

    def __init__(self, hierarchy: Hierarchy | None) -> None:
        self.hierarchy = hierarchy
        self.known = hierarchy.names() if hierarchy else []
        self.matcher = Matcher(self.known)
        self.listed = Counter(p for p in hierarchy.parents.values() if p) if hierarchy else Counter()


@dataclass
class Context:
    reports: list[Report]
    hierarchy: Hierarchy | None = None
    selection: set[str] = field(default_factory=set)
    units_index: UnitsIndex | None = field(default=None, repr=False)   # of `hierarchy`, made once by the caller
    # False: no parent/unit links between the reports (`parent_of`, `children_of`, `complete` stay
    # empty): for rules that compare none, T1 and U1 over a sharded run's 100,000 stand-ins, where
    # resolving the links cost 0.14 s (`shard._global_part`)
    links: bool = True
    evidence: list = field(default_factory=list)         # equation families (see rules.evidence)
    skipped: dict[str, int] = field(default_factory=dict)  # rule id -> reports it could not evaluate
    replaced: dict = field(default_factory=dict)   # id(reader's finding) -> the finding that replaces it

    def skip(self, rule_id: str) -> None:
        """A kind could not evaluate its rule on one report (nothing to compare): counted apart
        from the reports that passed."""
        self.skipped[rule_id] = self.skipped.get(rule_id, 0) + 1

    def __post_init__(self) -> None:
        n = len(self.reports)
        self._pos = {id(r): i for i, r in enumerate(self.reports)}
        self.fmt = np.array([r.format or "" for r in self.reports], dtype=object)
        # formats as small ints: comparing them over 100,000 reports is cheap
        codes = {f: k for k, f in enumerate(FORMATS, 1)}
        self.fmt_code = np.array([codes.get(r.format, 0) if r.values is not None else 0 for r in self.reports],
                                 dtype=np.int8)
        self.code = codes
        self._of_formats: dict[tuple, list[Report]] = {}
        self.blocks: dict[str, Block] = {}
        self.row_in_block = np.full(n, -1, dtype=np.int64)
        for f in FORMATS:
            rows = np.flatnonzero(self.fmt_code == codes[f])
            if len(rows) == 0:
                continue
            of_fmt = [self.reports[i] for i in rows.tolist()]
            vals, present = stacked(of_fmt), stacked(of_fmt, "present")
            vals[~present] = np.nan
            self.blocks[f] = Block(f, rows, vals, present)
            self.row_in_block[rows] = np.arange(len(rows))
        self._fmts, self._rows = self.fmt.tolist(), self.row_in_block.tolist()
        self._cell_at = {f: (b.values, template(f).index) for f, b in self.blocks.items()}
        self.unit_key = self._unit_keys()
        self.prev = np.full(n, -1, dtype=np.int64)
        self.next = np.full(n, -1, dtype=np.int64)
        by_key = {}
        for i, r in enumerate(self.reports):
            if self.unit_key[i] and r.year is not None:
                by_key.setdefault((self.unit_key[i], r.year), i)
        for (k, y), i in by_key.items():
            j = by_key.get((k, y - 1))
            if j is not None:
                self.prev[i], self.next[j] = j, i
        self._by_key = by_key
        self._hierarchy_links()

    # --- the interface kinds use --------------------------------------------------------------
    def index(self, report: Report) -> int:
        return self._pos[id(report)]

    def of_formats(self, formats) -> list[Report]:
        """The reports of the given formats (all reports when none are given)."""
        if not formats:
            return list(self.reports)
        key = tuple(formats)
        if key not in self._of_formats:
            mask = np.isin(self.fmt, list(formats))
            self._of_formats[key] = [self.reports[i] for i in np.flatnonzero(mask)]
        return list(self._of_formats[key])

    def gather(self, idx: np.ndarray, cells: list[str]) -> np.ndarray:
        """values[idx[k], cells[j]] for every k, j; NaN where idx is −1 or the format lacks the cell."""
        idx = np.asarray(idx, dtype=np.int64)
        out = np.full((len(idx), len(cells)), np.nan)
        codes = np.where(idx >= 0, self.fmt_code[np.where(idx >= 0, idx, 0)], 0)
        for f, b in self.blocks.items():
            mask = codes == self.code[f]
            if not mask.any():
                continue
            tpl_index = template(f).index
            cols = [tpl_index.get(c, -1) for c in cells]
            have = [j for j, c in enumerate(cols) if c >= 0]
            if not have:
                continue
            # rows and columns in one gather: not a copy of every row's whole vector first
            sub = b.values[np.ix_(self.row_in_block[idx[mask]], [cols[j] for j in have])]
            out[np.ix_(np.flatnonzero(mask), have)] = sub
        return out

    def value(self, i: int, cell: str) -> float:
        # asked a few hundred thousand times by the localisation: plain lists and dicts, no numpy scalars
        at = self._cell_at.get(self._fmts[i])
        c = at[1].get(cell) if at is not None else None
        return math.nan if c is None else at[0].item(self._rows[i], c)

    # --- hierarchy ----------------------------------------------------------------------------
    def _unit_keys(self) -> list[str]:
        """Each report's unit as the hierarchy names it (or its own normalised name)."""
        if self.hierarchy is None:
            self.hierarchy = _from_reports(self.reports)
        if self.units_index is None or self.units_index.hierarchy is not self.hierarchy:
            self.units_index = UnitsIndex(self.hierarchy)
        known, matcher = self.units_index.known, self.units_index.matcher
        keys, matched = [], set()
        missing: dict[str, Report] = {}
        for r in self.reports:
            m = matcher.match(r.unit) if known else None
            if m is not None:
                matched.add(m)
                keys.append(m)
            else:
                keys.append(normalise(r.unit))
                if known and r.unit:
                    missing.setdefault(r.unit, r)
        self._missing_units = missing
        self._matched = matched      # U1 names the known units none matched (`unmatched_findings`)
        return keys

    def _hierarchy_links(self) -> None:
        """parent_of[i]: the report of i's parent unit for the same year (−1 when none);
        children_of[p]: those reports; complete[p]: every listed unit below p has a report that year."""
        n = len(self.reports)
        self.parent_of = np.full(n, -1, dtype=np.int64)
        self.children_of: dict[int, list[int]] = defaultdict(list)
        self.complete: dict[int, bool] = {}
        h = self.hierarchy
        if not h or not self.links:
            return
        # a parent may be spelt differently from its own report's unit: resolve it by matching
        canon = Matcher(sorted(set(self.unit_key)))
        assert self.units_index is not None
        resolve = {p: (canon.match(p) or p) for p in self.units_index.listed}
        listed: Counter[str] = Counter()      # units listed below each parent, as resolved
        for parent, n in self.units_index.listed.items():
            listed[resolve[parent]] += n
        for i, r in enumerate(self.reports):
            parent = resolve.get(h.parents.get(self.unit_key[i]))
            # a second report of the same unit and year (the same report given twice) is not summed again
            if parent and r.year is not None and self._by_key.get((self.unit_key[i], r.year)) == i:
                p = self._by_key.get((parent, r.year))
                if p is not None:
                    self.parent_of[i] = p
                    self.children_of[p].append(i)
        for p, kids in self.children_of.items():
            self.complete[p] = len(kids) == listed[self.unit_key[p]]

    def duplicates(self) -> list[tuple[int, int]]:
        """(kept, ignored) report pairs with the same unit and year: only the first takes part in
        the year-over-year and hierarchy rules."""
        return [(self._by_key[(self.unit_key[i], r.year)], i) for i, r in enumerate(self.reports)
                if self.unit_key[i] and r.year is not None and self._by_key[(self.unit_key[i], r.year)] != i]

    def unmatched_findings(self) -> list[Finding]:
        from ..findings import make
        if not self.hierarchy or not self.hierarchy.parents or self.hierarchy.source == "(reports)":
            return []
        out = []
        for name, r in self._missing_units.items():
            out.append(make("U1", unit=r.unit, year=r.year, report=r.identity, source=r.source, where=r.source,
                            detail=f"报告单位“{name}”在单位清单（{self.hierarchy.source}）中找不到，"
                                   f"该报告不参与上下级汇总核对。"))
        known = self.units_index.known if self.reports and self.units_index else []
        for name in (n for n in known if n not in self._matched):
            out.append(make("U1", unit=name, year=None, source=self.hierarchy.source,
                            where=self.hierarchy.source,
                            detail=f"单位清单（{self.hierarchy.source}）中的“{name}”没有找到对应的报告。"))
        return out


def _from_reports(reports: list[Report]) -> Hierarchy | None:
    """Without a units file, the parents the reports themselves name (collection workbooks)."""
    parents = {r.unit: r.parent for r in reports if r.unit and r.parent}
    if not parents:
        return None
    h = Hierarchy(source="(reports)")
    for r in reports:
        if r.unit:
            h.parents.setdefault(r.unit, r.parent or None)
    return h
