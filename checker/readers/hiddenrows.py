"""Rows an office hid in a workbook (`.xlsx`/`.xlsm`): python-calamine reads every row, hidden or not,
but the reviewer sees only the visible ones. An office that keeps an old row and hides it instead of
deleting it (the 规章 row duplicated above itself, last year's figures in the hidden copy) must not
have the hidden figures read in place of the visible ones: a hidden row whose label a visible row
of the same sheet also prints is left out, and said so. A hidden row with a label of its own is still
read (hiding rows of zeros for printing loses no figure)."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

_ROW = re.compile(rb"<row\b([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_NUMBER = re.compile(rb'\br="([0-9]{1,7})"')


def hidden_rows(path: Path) -> dict[str, set[int]]:
    """sheet name -> the 0-based indexes (as calamine's values) of its hidden rows. Empty for a file
    that is not an OOXML package or hides no row."""
    from .safety import sheet_parts
    out: dict[str, set[int]] = {}
    try:
        with zipfile.ZipFile(path) as z:
            for part, name in sheet_parts(z).items():
                data = z.read(part)
                if b"hidden=" not in data:
                    continue
                rows = {int(m.group(1)) - 1 for attrs in _ROW.findall(data) if _HIDDEN.search(attrs)
                        for m in [_NUMBER.search(attrs)] if m}
                if rows:
                    out[name] = rows
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}
    return out


def label(row: list[str]) -> str:
    """A row's label: its cells that are not numbers, joined without spaces."""
    return "".join("".join(t.split()) for t in row if t and not _is_number(t))


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[\d.,，%％\s+-]+", text))


def hidden_duplicates(texts: list[list[str]], hidden: set[int]) -> dict[int, int]:
    """Hidden row -> the visible row (0-based) that prints the same label; rows of no label are kept."""
    visible: dict[str, int] = {}
    for r, row in enumerate(texts):
        if r not in hidden:
            visible.setdefault(label(row), r)
    visible.pop("", None)
    return {r: visible[label(texts[r])] for r in sorted(hidden)
            if r < len(texts) and label(texts[r]) in visible}
