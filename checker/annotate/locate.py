"""From a finding's CellRef to the sheet cell that holds it: (sheet, row, col).

A reference names its report by the report's own identity (source and place, `Report.identity`),
never by unit and year: a collection may hold the same unit-year twice, and each sheet's findings
belong on that sheet. Two sources of locations: reports read from a workbook carry loc = (sheet index, row, col) and
parts = sheet names (docs/architecture.md, "Report"); reports written into a collection workbook get theirs from the
writer's placements."""
from __future__ import annotations

from typing import Callable

import numpy as np
from pathlib import Path

from ..collection.departures import SHEET_CELLS as DEPARTURE_CELLS
from ..model import CellRef, Report, ReportId
from ..templates import template

Place = tuple[str, int, int]
# (the report's identity, a cell id or None for the report's home sheet) -> where it is
Locator = Callable[[ReportId | None, str | None], Place | None]


def from_reports(reports: list[Report], source: str | None = None) -> Locator:
    """Locations as read from a workbook (report.location_style == "sheet")."""
    sheet_reports = [r for r in reports if r.location_style == "sheet" and r.format is not None
                     and r.loc is not None]
    if source is not None:      # the reports read from this very file, if they say so
        mine = [r for r in sheet_reports if _same_file(r.source, source)]
        sheet_reports = mine or sheet_reports
    by_id: dict[ReportId, Report] = {}
    for r in sheet_reports:
        by_id.setdefault(r.identity, r)

    def locate(report: ReportId | None, cell: str | None) -> Place | None:
        r = by_id.get(report) if report is not None else None
        if r is None:
            return None
        if cell is None:
            return _home(r)
        # meta.period -> 统计期限 value cell; a cell printed in the other generation -> its block row
        header = (r.facts.get("header_cells") or {}).get(cell) or (r.facts.get(DEPARTURE_CELLS) or {}).get(cell)
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
    by_id: dict[ReportId, int] = {}
    for i, r in enumerate(reports):
        by_id.setdefault(r.identity, i)

    def locate(report: ReportId | None, cell: str | None) -> Place | None:
        i = by_id.get(report) if report is not None else None
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
    return None if ref is None else locate(ref.report, ref.cell)


def _home(r: Report) -> Place | None:
    """The sheet a report was read from: the one its printed cells point to."""
    idx = np.flatnonzero(r.present)
    if len(idx) and r.parts:
        part = int(r.loc[idx[0]][0])
        if part < len(r.parts):
            return (r.parts[part], 1, 1)
    return (r.parts[0], 1, 1) if r.parts else None
