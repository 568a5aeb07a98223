"""`xxgk import`: read report documents and write them into one collection workbook."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..collection.twins import twins
from ..model import Finding, Report
from ..safetext import escape_strings
from .save import check_output, save_atomic
from .writer import write_collection, write_template


@dataclass
class ImportResult:
    path: Path | None         # None: no report was read, nothing written
    reports: list[Report] = field(default_factory=list)
    failures: list[Finding] = field(default_factory=list)   # F5: files that could not be read
    sheets: list[str] = field(default_factory=list)
    twins: list = field(default_factory=list)    # `collection.twins.Twin`: reports given twice


def import_reports(paths: list[Path], out: Path, units_file: Path | None = None, force: bool = False,
                   progress=None) -> ImportResult:
    """Read every report under `paths` and write the collection workbook `out` (one sheet per
    report, ordered by unit and year, plus `单位清单`). Unreadable files are listed on the sheet
    `未导入` (and returned), not fatal."""
    from ..extract import extract
    inputs = [*paths, *([units_file] if units_file else [])]
    check_output(out, inputs, force, suffixes=(".xlsx",))   # before the reading: a bad output path fails at once
    read = extract([Path(p) for p in paths], progress=progress)
    # one report given twice (an earlier collection in the folder, a .docx and its .pdf): one sheet
    # when the figures agree; both when they differ (only a person can tell which is right)
    pairs = twins(read.reports)
    left_out = {id(t.other) for t in pairs if t.same}
    # report text a worksheet cannot hold (control characters) is written as visible escapes
    reports = escape_strings(sorted((r for r in read.reports if id(r) not in left_out),
                                    key=lambda r: (r.unit or "", r.year or 0, r.source)))
    if not reports:       # an empty collection is no result: nothing written, the old output kept
        return ImportResult(None, [], read.failures, [])
    parents = _parents(reports, units_file) if units_file else None
    coll = write_collection(reports, parents, inputs=[Path(p) for p in paths], failures=read.failures)
    save_atomic(coll.workbook, out, force=force, inputs=inputs)
    return ImportResult(Path(out), reports, read.failures, coll.sheets, pairs)


def template_file(fmt: str, out: Path, force: bool = False) -> Path:
    """Write the blank template of format `fmt` ("2021" or "2019") to `out`."""
    check_output(out, force=force, suffixes=(".xlsx",), example="年报表格.xlsx")
    return save_atomic(write_template(fmt), out, force=force)


def _parents(reports: list[Report], units_file: Path) -> dict[str, str]:
    """unit as printed -> 上级单位 from the units file (names matched as `checker.units` does)."""
    from .. import units
    hierarchy = units.load(Path(units_file))
    matcher = units.Matcher(list(hierarchy.parents))
    out = {}
    for r in reports:
        known = matcher.match(r.unit)
        if known and hierarchy.parents.get(known):
            out[r.unit or ""] = hierarchy.parents[known]
    return out
