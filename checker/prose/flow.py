"""The report's prose as one flowing string, with a way back to the 1-based text line.

Extracted text breaks sentences anywhere ("网站在" / "线访谈 6 次", with blank lines between), so a
line that stops mid-sentence is joined to the next prose line. Table rows (tab- or wide-space
separated) and junk lines (`|||||`) are left out of the prose: they end a paragraph.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Full-width digits and signs to ASCII, one char for one char: offsets stay valid.
_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_WIDE = "０１２３４５６７８９％．"
_JUNK = re.compile(r"^[|｜\s\-—_=*·•]*$")
_WIDE_GAP = re.compile(r"\S {3,}\d|\d {3,}\S")    # pdftotext -layout columns
_NOT_CONTINUED = "。！？；：:!?;"
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])")


@dataclass(slots=True)
class Flow:
    text: str               # prose lines joined; "\n" where a paragraph ends (table rows left out)
    starts: list[int]       # offset where each kept segment begins ...
    lines: list[int]        # ... and its 1-based line number
    clean: list[str]        # every input line, width-normalised and stripped ("" for junk)

    def line_at(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        return self.lines[i] if i >= 0 else 0


def build(lines: list[str]) -> Flow:
    joined = "\n".join(lines)
    if any(ch in joined for ch in _WIDE):     # rare: look once, translate only then (12 `in`s beat a regex 5×)
        lines = [line.translate(_WIDTH) for line in lines]
    clean = _clean(lines, joined)
    parts: list[str] = []
    starts: list[int] = []
    nums: list[int] = []
    pos = 0
    prev_prose = False        # the previous kept line is prose that may continue
    for no, s in enumerate(clean, 1):
        if not s:
            continue
        if "\t" in s or ("   " in s and _WIDE_GAP.search(s) is not None):
            prev_prose = False     # a table row: the tables reader's business, not prose
            continue
        joins = (prev_prose and not _HEADING.match(s)
                 and (s[0] >= "\u4e00" or s[0] in "“《（("))
        if parts and not joins:
            parts.append("\n")
            pos += 1
        starts.append(pos)
        nums.append(no)
        parts.append(s)
        pos += len(s)
        prev_prose = s[-1] not in _NOT_CONTINUED and len(s) > 25
    return Flow("".join(parts), starts, nums, clean)


_BARS = "|｜"
_ODD_START = _BARS + "-—_=*·•"      # a stripped line that `_JUNK` matches starts with one of these


def _clean(lines: list[str], joined: str) -> list[str]:
    """Each line stripped, "" for junk. Most lines are plain (no bar at either end, no junk
    character first): one strip is their whole cleaning. A text with none of those characters
    anywhere (`joined`: its lines joined) has no other line: all are stripped in one C call."""
    if not any(ch in joined for ch in _ODD_START):
        return list(map(str.strip, lines))
    return [_odd(s) if s and (s[0] in _ODD_START or s[-1] in _BARS) else s for s in map(str.strip, lines)]


def _odd(s: str) -> str:
    """A stripped line with a bar at an end, or that may be junk (`|||||`, `-----`): "" for junk."""
    s = s.strip(_BARS).strip()
    return "" if not s or _JUNK.match(s) else s
