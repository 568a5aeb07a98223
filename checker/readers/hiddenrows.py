"""Rows an office hid in a workbook (`.xlsx`/`.xlsm`): python-calamine reads every row, hidden or not,
but the reviewer sees only the visible ones. An office that keeps an old row and hides it instead of
deleting it (the 规章 row duplicated above itself, last year's figures in the hidden copy) must not
have the hidden figures read in place of the visible ones: a hidden row whose label a visible row
of the same sheet also prints is left out, and said so. A hidden row with a label of its own is still
read (hiding rows of zeros for printing loses no figure)."""
from __future__ import annotations

import re

_ROW = re.compile(rb"<row\b([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_NUMBER = re.compile(rb'\br="([0-9]{1,7})"')


def hidden_in(data: bytes) -> set[int]:
    """The 0-based indexes (as calamine's values) of the hidden rows in one sheet's XML."""
    if b"hidden=" not in data:
        return set()
    return {int(m.group(1)) - 1 for attrs in _ROW.findall(data) if _HIDDEN.search(attrs)
            for m in [_NUMBER.search(attrs)] if m}


def hidden_duplicates(labels: list[str], hidden: set[int]) -> dict[int, int]:
    """Hidden row -> the visible row (0-based) that prints the same label (`labels`: each row's, "" for
    a row of none); hidden rows of no label, or of a label no visible row prints, are kept."""
    visible: dict[str, int] = {}
    for r, label in enumerate(labels):
        if r not in hidden:
            visible.setdefault(label, r)
    visible.pop("", None)
    return {r: visible[labels[r]] for r in sorted(hidden) if r < len(labels) and labels[r] in visible}
