"""`xxgk extract`: read report documents and workbooks into validated reports."""
from __future__ import annotations

from pathlib import Path

from .findings import make
from .frames import cells_frame, validate
from .readers import ReadResult, read_all


def extract(paths: list[Path], progress=None) -> ReadResult:
    """Read every input under `paths`, then validate all cells in one bulk pandera pass.
    Negative counts found by the schema are added to their reports as findings (R5)."""
    result = read_all(paths, progress=progress)
    if result.reports:
        _, failures = validate(cells_frame(result.reports))
        _attach_schema_failures(result, failures)
    return result


def _attach_schema_failures(result: ReadResult, failures) -> None:
    if failures is None or len(failures) == 0:
        return
    df = cells_frame(result.reports)
    bad = df[(df["value"] < 0) & ~df["cell"].astype(str).str.endswith(".change")]
    for row in bad.itertuples():
        report = result.reports[row.report]
        cell = str(row.cell)
        report.findings.append(make(
            "R5", unit=report.unit, year=report.year, cells=[report.ref(cell)], suspect=report.ref(cell),
            actual=row.value, source=report.source, where=f"{report.source} {report.locate(cell) or ''}".strip(),
            label=cell, detail="数值为负"))
