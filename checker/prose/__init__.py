"""What the prose of a report says: metadata (unit, year, period, signature date), figures stated
in sentences, the outline's sections, the regions it names. Used by every reader of text."""
from __future__ import annotations

from ..model import Report


def analyse(lines: list[str], report: Report) -> None:
    """Fill `report`'s metadata, `prose` facts and text `facts` from the report's text lines.
    (Filled in by the prose work; readers call it after reading the tables.)"""
    return None
