"""The one in-memory shape every reader returns: a `Report` (metadata + cells), and `Finding`.

Cells live in a numpy vector aligned with the report's template (`templates.template(format)`),
NaN meaning blank (or, for legacy reports and missing tables, absent: see `present`). This keeps
100,000 reports in memory cheaply and lets the rules run as matrix operations over all of them.
Every value keeps where it came from: `loc[i] = (part, row, col)`, rendered by `Report.locate`.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .templates import template

# A report's own identity: the file it was read from and its place in that file (the sheet a
# collection workbook's report starts on; None for a document that is one report). Unit and year
# are not one: a collection may hold the same unit-year twice (docs/architecture.md, "Report").
ReportId = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True, init=False)     # (its `__init__` below)
class CellRef:
    unit: str | None
    year: int | None
    cell: str
    report: ReportId | None = field(default=None, compare=False, repr=False)   # not in the JSON

    def to_json(self) -> dict:
        return {"unit": self.unit, "year": self.year, "cell": self.cell}


def _cell_ref_init(self, unit: str | None, year: int | None, cell: str, report: ReportId | None = None) -> None:
    """The `__init__` dataclass would write, each field set by its slot's own descriptor instead of
    `object.__setattr__` (a frozen class's way round its `__setattr__`): half the cost of a CellRef,
    of which a large check makes one for every cell its findings name (~800,000 at 100,000 reports)."""
    _set_unit(self, unit)
    _set_year(self, year)
    _set_cell(self, cell)
    _set_report(self, report)


_set_unit, _set_year, _set_cell, _set_report = (CellRef.unit.__set__, CellRef.year.__set__,   # type: ignore[attr-defined]
                                                CellRef.cell.__set__, CellRef.report.__set__)  # type: ignore[attr-defined]
_cell_ref_init.__name__, _cell_ref_init.__qualname__ = "__init__", "CellRef.__init__"   # (as its errors name it)
CellRef.__init__ = _cell_ref_init     # type: ignore[method-assign]


@dataclass(frozen=True, slots=True)
class Suspect:
    """One cell a finding blames: its printed value and the value the evidence says it should be."""
    ref: CellRef
    value: Any = None
    suggestion: Any = None

    def to_json(self) -> dict:
        return self.ref.to_json() | {"value": plain(self.value), "suggestion": plain(self.suggestion)}


@dataclass(frozen=True, slots=True)
class Finding:
    """Facts only; `message` is filled from the rule's Chinese template (see `findings.make`).
    Immutable: a step that knows more makes a new finding (`dataclasses.replace`).

    `suspects` lists every cell the finding blames (several wrong cells of one root cause); the
    first is `suspect` with `actual`/`suggestion`, so readers of the original shape keep working.
    Given only `suspect`, `suspects` is that one cell."""
    rule: str
    severity: str
    unit: str | None
    year: int | None
    message: str
    cells: tuple[CellRef, ...] = ()
    suspect: CellRef | None = None
    expected: Any = None
    actual: Any = None
    suggestion: Any = None
    source: str | None = None      # the file the finding is about
    where: str | None = None       # sheet/cell or line in that file, for a person
    candidates: tuple[CellRef, ...] = ()  # when the suspect is not singled out
    suspects: tuple[Suspect, ...] = ()
    # when several sets of cells explain the evidence equally well (each set as Suspects)
    candidate_sets: tuple[tuple[Suspect, ...], ...] = ()
    report: ReportId | None = field(default=None, compare=False, repr=False)  # the report it is about

    def __post_init__(self) -> None:
        object.__setattr__(self, "cells", tuple(self.cells))
        object.__setattr__(self, "candidates", tuple(self.candidates))
        object.__setattr__(self, "candidate_sets", tuple(tuple(s) for s in self.candidate_sets))
        suspects = tuple(self.suspects)
        if self.suspect is None:
            suspects = ()
        elif not suspects or suspects[0].ref != self.suspect:
            suspects = (Suspect(self.suspect, self.actual, self.suggestion),)
        object.__setattr__(self, "suspects", suspects)

    def to_json(self) -> dict:
        out = {
            "rule": self.rule, "severity": self.severity, "unit": self.unit, "year": self.year,
            "cells": [c.to_json() for c in self.cells],
            "suspect": self.suspect.to_json() if self.suspect else None,
            "expected": plain(self.expected), "actual": plain(self.actual),
            "suggestion": plain(self.suggestion), "message": self.message,
            "source": self.source, "where": self.where,
            "candidates": [c.to_json() for c in self.candidates],
        }
        # the extension (docs/findings.md): present only when it says more than `suspect`, so
        # findings about one cell keep the spec's shape exactly
        if len(self.suspects) > 1:
            out["suspects"] = [s.to_json() for s in self.suspects]
        if any(len(st) > 1 for st in self.candidate_sets):
            out["candidate_sets"] = [[s.to_json() for s in st] for st in self.candidate_sets]
        if self.report is not None and (part := part_of(self.report[1])) is not None:
            out["part"] = part      # the file holds several reports: which one (readers/multireport.py)
        return out


@dataclass(slots=True)
class ProseFact:
    """A figure stated in the report's prose, e.g. "收到申请 3 条" or "共16件，其中……10件、……2件"."""
    kind: str                       # count | sum | share
    text: str                       # the sentence fragment as printed
    line: int                       # 1-based line in the text
    value: float                    # the stated figure (the total, for sum and share)
    cell: str | None = None         # canonical id the figure corresponds to, when known
    parts: list[float] = field(default_factory=list)       # the stated parts (sum)
    part_cells: list[str | None] = field(default_factory=list)
    share: float | None = None      # the stated percentage (share); `value` is then the part (386 of 400)
    of: float | None = None         # the base of the share
    unit: str | None = None         # the counting word printed with `value` (件, 条, 项)
    decimals: int = 0               # decimals printed in the percentage (share tolerance)
    clear: bool = True              # sum: the parts are one plain list in the total's unit (else a mismatch is only a warning)

    def to_json(self) -> dict:
        d = {"kind": self.kind, "text": self.text, "line": self.line, "value": plain(self.value), "cell": self.cell}
        if self.unit:
            d["unit"] = self.unit
        if self.parts:
            d["parts"] = [plain(p) for p in self.parts]
            d["part_cells"] = list(self.part_cells)
            d["clear"] = self.clear
        if self.share is not None:
            d["share"] = self.share
            d["of"] = plain(self.of)
        return d


# The largest figure kept as read (`readers.safety.bound_figures`, which says why).
MAX_FIGURE = 1e12


class BigFigures:
    """Whether a figure of MAX_FIGURE or more (an infinite one too) was ever written into a report's
    cells in this process: by `Report.set`, or converted for a cell of plain digits
    (`readers.cellset`), the only two ways cells get their values. Until one is, no report read
    holds one, and `bound_figures` need not scan every report's cells (~3 % of a text report's
    reading). Never reset: once one was written, every report read after it is scanned."""
    seen = False


@dataclass(eq=False)
class Report:
    source: str
    unit: str | None = None
    year: int | None = None
    format: str | None = None
    period: str | None = None       # ISO interval as stated: "2019-01-01/2019-12-31"
    published: str | None = None    # ISO date under the signature
    parent: str | None = None
    title: str | None = None
    location_style: str = "text"
    parts: list[str] = field(default_factory=list)   # sheet / page / table names that loc[:,0] indexes
    values: np.ndarray | None = None                 # float64, aligned with template(format).cells
    present: np.ndarray | None = None                # bool: the cell was printed (blank included)
    loc: np.ndarray | None = None                    # int32 (n, 3): part, row, col (1-based; 0 unknown)
    cell_meta: dict[str, dict] = field(default_factory=dict)  # sparse: printed text, decimals, money unit
    prose: list[ProseFact] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)     # text facts for rules: sections, regions named
    findings: list[Finding] = field(default_factory=list)
    place: str | None = None        # where in `source` the report is (its first sheet), if not all of it

    # --- cells -------------------------------------------------------------------------------
    def set_format(self, fmt: str) -> None:
        """Fix the template; allocates empty cell vectors (nothing present)."""
        n = len(template(fmt).cells)
        self.format = fmt
        self.values = _blank_values(n).copy()     # (a copy costs a fifth of np.full: once a report)
        self.present = np.zeros(n, dtype=bool)
        self.loc = np.zeros((n, 3), dtype=np.int32)

    def set(self, cell_id: str, value: float | None, row: int = 0, col: int = 0, part: int = 0,
            **meta: Any) -> None:
        i = template(self.format).index[cell_id]
        if value is not None and abs(value) >= MAX_FIGURE:
            BigFigures.seen = True
        self.values[i] = np.nan if value is None else value
        self.present[i] = True
        self.loc[i] = (part, row, col)
        if meta:
            self.cell_meta[cell_id] = meta

    def get(self, cell_id: str) -> float | None:
        if self.format is None:
            return None
        i = template(self.format).index.get(cell_id)
        if i is None:
            return None
        v = self.values[i]
        return None if math.isnan(v) else plain(v)

    @property
    def cells(self) -> dict[str, float | int | None]:
        """Printed cells, id -> value (None for blank); absent cells are left out."""
        if self.format is None:
            return {}
        ids = template(self.format).cell_ids
        return {ids[i]: (None if math.isnan(self.values[i]) else plain(self.values[i]))
                for i in np.flatnonzero(self.present)}

    def locate(self, cell_id: str) -> str | None:
        """Where a cell was read, for a person: `第12行`, `表三!C7`, `第2页第14行`."""
        if self.format is None or cell_id not in template(self.format).index:
            return None
        i = template(self.format).index[cell_id]
        if not self.present[i]:
            return None
        part, row, col = (int(x) for x in self.loc[i])
        return render_location(self.location_style, self.parts[part] if self.parts else None, row, col)

    def text_where(self, line: int) -> str:
        """Where a line of the report's text is, for a person. A report read from a collection
        sheet names the document its text came from (the sheet's 来源), not the workbook."""
        name = file_name(self.source or "")
        origin = self.facts.get("origin")
        if origin and self.location_style == "sheet":
            doc = file_name(str(origin))
            return (f"{doc} 第{line}行" if line else doc) + f"（汇总工作簿 {name}）"
        if part_of(self.place) is not None:      # one of several reports in the file
            name = f"{name}（{self.place}）"
        return f"{name} 第{line}行" if line else name

    @property
    def identity(self) -> ReportId:
        return (self.source, self.place)

    def ref(self, cell_id: str) -> CellRef:
        return CellRef(self.unit, self.year, cell_id, (self.source, self.place))

    def to_json(self) -> dict:
        return {
            "unit": self.unit, "year": self.year, "format": self.format, "period": self.period,
            "published": self.published, "parent": self.parent, "title": self.title, "source": self.source,
            "cells": self.cells,
            "locations": {cid: self.locate(cid) for cid in self.cells},
            "prose": [p.to_json() for p in self.prose],
            "findings": [f.to_json() for f in self.findings],
            # a table printed in the other template generation: its cells the report's has no place for
            **({"departures": self.facts["departures"]} if "departures" in self.facts else {}),
            # one of several reports in the file (readers/multireport.py): its number from 1
            **({"part": part} if (part := part_of(self.place)) is not None else {}),
        }


@functools.cache
def _blank_values(n: int) -> np.ndarray:
    """n NaNs, read-only: `Report.set_format` copies it."""
    a = np.full(n, np.nan)
    a.flags.writeable = False
    return a


def stacked(reports: list[Report], attr: str = "values") -> np.ndarray:
    """The `values` (or `present`) vectors of reports of one format as a matrix, one report a row.
    One concatenate, then a reshape: np.stack makes a view of each of 100,000 rows first."""
    return np.concatenate([getattr(r, attr) for r in reports]).reshape(len(reports), -1)


def render_location(style: str, part: str | None, row: int, col: int) -> str:
    if style == "sheet":
        return f"{part}!{column_letter(col)}{row}" if part else f"{column_letter(col)}{row}"
    if style == "docx":
        return f"{part or '表格'}第{row}行第{col}列"
    if style == "page":
        return f"{part or ''}第{row}行" if row else (part or "")
    if style == "html":
        return f"{part or '表格'}第{row}行第{col}列"
    return f"第{row}行" if row else "正文"


def part_of(place: str | None) -> int | None:
    """The number (from 1) of a report that is one of several in its file, from its place
    (`第2篇`, readers/multireport.py); None for a file's only report and a collection sheet."""
    if place is None or not place.endswith("篇") or not place.startswith("第"):
        return None
    number = place[1:-1]
    return int(number) if number.isdecimal() else None


def column_letter(col: int) -> str:
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters or "?"


def file_name(path: str) -> str:
    """The last part of a path written with / or \\ (a report's source from any machine)."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def plain(v: Any) -> Any:
    """numpy scalars to JSON-friendly ints/floats (an integral float prints as an int)."""
    if isinstance(v, (np.floating, float)):
        f = float(v)
        if math.isnan(f):
            return None
        return int(f) if f.is_integer() else f
    if isinstance(v, np.integer):
        return int(v)
    return v
