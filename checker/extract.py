"""`xxgk extract`: read report documents and workbooks into validated reports."""
from __future__ import annotations

from pathlib import Path

from .frames import validate_reports
from .readers import ReadResult, read_all


def extract(paths: list[Path], progress=None) -> ReadResult:
    """Read every input under `paths`, then validate all cells in one bulk pandera pass;
    what fails the schema (a negative count: R5) is added to its report's findings."""
    result = read_all(paths, progress=progress)
    for i, finding in validate_reports(result.reports):
        result.reports[i].findings.append(finding)
    return result
