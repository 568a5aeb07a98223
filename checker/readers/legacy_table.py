"""The pre-2019 统计表 (format `legacy`) when it is printed as a table: one value per labelled row.
Only the rows present are recorded; the others stay absent (spec: legacy cells are not required)."""
from __future__ import annotations

from . import labels as L
from .cellset import CellWriter


def read_legacy(lines, report, where: str) -> bool:
    """Set every legacy cell whose label a row prints; True when at least one was found."""
    tk = L.table_keys("legacy")["legacy"]
    cells = CellWriter(report, where)
    seen: set[str] = set()
    for ln in lines:
        if not ln.label or not ln.values:
            continue
        row = tk.match(ln.label)
        if row is None or row.id in seen:
            continue
        filled = [c for c in ln.values if c.text.strip()]
        if not filled and len(ln.values) == 0:
            continue
        seen.add(row.id)
        cells.put(row.id, filled[0] if filled else ln.values[0])
    return bool(seen)
