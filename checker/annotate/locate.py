"""From a finding's CellRef(unit, year, cell) to the sheet cell that holds it: (sheet, row, col).

Two sources of locations: reports read from a workbook carry loc = (sheet index, row, col) and
parts = sheet names (docs/architecture.md, "Report"); reports written into a collection workbook get theirs from the
writer's placements."""
from __future__ import annotations

from typing import Callable

import numpy as np
from pathlib import Path

from ..model import CellRef, Report
from ..templates import template

Place = tuple[str, int, int]
Locator = Callable[[str | None, int | None, str | None], Place | None]


def _key(unit, year) -> tuple:
    return (unit, None if year is None else int(year))


def from_reports(reports: list[Report], source: str | None = None) -> Locator:
    """Locations as read from a workbook (report.location_style == "sheet")."""
    sheet_reports = [r for r in reports if r.location_style == "sheet" and r.format is not None
                     and r.loc is not None]
    if source is not None:      # the reports read from this very file, if they say so
        mine = [r for r in sheet_reports if _same_file(r.source, source)]
        sheet_reports = mine or sheet_reports
    by_key: dict[tuple, Report] = {}
    for r in sheet_reports:
        by_key.setdefault(_key(r.unit, r.year), r)

    def locate(unit, year, cell) -> Place | None:
        r = by_key.get(_key(unit, year))
        if r is None:
            return None
        if cell is None:
            return _home(r)
        header = (r.facts.get("header_cells") or {}).get(cell)    # meta.period -> 统计期限 value cell
        if header is not None:
            part, row, col = header
            return (r.parts[part], row, col) if part < len(r.parts) else None
        i = template(r.format).index.get(cell)
        if i is None or not r.present[i]:
            return None
        part, row, col = (int(x) for x in r.loc[i])
        if row <= 0 or col <= 0 or part >= len(r.parts):
            return None
        return (r.parts[part], row, col)
    return locate


def from_collection(collection, reports: list[Report]) -> Locator:
    """Locations in a collection workbook we wrote (placements by report order)."""
    by_key = {}
    for i, r in enumerate(reports):
        by_key.setdefault(_key(r.unit, r.year), i)

    def locate(unit, year, cell) -> Place | None:
        i = by_key.get(_key(unit, year))
        if i is None:
            return None
        if cell is None:
            return (collection.sheets[i], 1, 1)
        return collection.placements[i].get(cell) or collection.headers[i].get(cell)
    return locate


def _same_file(a: str | None, b: str) -> bool:
    if not a:
        return False
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


def place_of(locate: Locator, ref: CellRef | None) -> Place | None:
    return None if ref is None else locate(ref.unit, ref.year, ref.cell)


def _home(r: Report) -> Place | None:
    """The sheet a report was read from: the one its printed cells point to."""
    idx = np.flatnonzero(r.present)
    if len(idx) and r.parts:
        part = int(r.loc[idx[0]][0])
        if part < len(r.parts):
            return (r.parts[part], 1, 1)
    return (r.parts[0], 1, 1) if r.parts else None
