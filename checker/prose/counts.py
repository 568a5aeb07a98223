"""Figures printed in sentences: a number with its counting word ("16 件", "386 项", "96.5%").

One pass over the flowing text finds them all; sums, shares and the cell mapping work on this list.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# Counting words, longest first so "人次" wins over "人"; money only where a rule can use it.
UNITS = ("人次", "场次", "万元", "亿元", "件", "条", "个", "项", "篇", "次", "家", "份", "部", "期",
         "场", "人", "名", "户", "起", "批", "套", "元")
_COUNT = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万|亿)?\s*(余|多)?\s*(" + "|".join(UNITS) + r")"
    r"|(?<![\d.])(\d+(?:\.\d+)?)\s*%")
SENTENCE_END = "。！？!?\n"
CLAUSE_END = SENTENCE_END + "，,；;：:、（("


@dataclass(slots=True)
class Count:
    value: float
    unit: str           # counting word, or "%" for a percentage
    start: int          # offset of the number in the flow text
    end: int            # offset after the counting word
    approx: bool        # "10余次", "103 万条": not an exact figure
    nested: bool        # inside brackets: a breakdown of something else
    label: str = ""     # the words before the figure in its clause ("按要求予以公开")
    label_start: int = -1


def find(text: str) -> list[Count]:
    out: list[Count] = []
    depth_at = _bracket_depths(text)
    for m in _COUNT.finditer(text):
        if m.group(5) is not None:
            out.append(Count(float(m.group(5)), "%", m.start(), m.end(), False, depth_at(m.start())))
            continue
        value = float(m.group(1))
        approx = bool(m.group(2) or m.group(3)) or "." in m.group(1) and m.group(4) not in ("万元", "亿元", "元")
        if m.group(2):
            value *= 10_000 if m.group(2) == "万" else 100_000_000
        c = Count(value, m.group(4), m.start(), m.end(), approx, depth_at(m.start()))
        c.label_start = _label_start(text, m.start(), out[-1].end if out else 0)
        c.label = text[c.label_start:m.start()].strip()
        out.append(c)
    return out


def _label_start(text: str, start: int, floor: int) -> int:
    """Where the words before a figure begin: the clause start or the previous figure."""
    i = start
    lo = max(floor, start - 40)
    while i > lo and text[i - 1] not in CLAUSE_END:
        i -= 1
    return i


def _bracket_depths(text: str):
    """offset -> inside round brackets (on the same line)?"""
    opens = [m.start() for m in re.finditer(r"[（(]", text)]
    if not opens:
        return lambda _pos: False
    closes = [m.start() for m in re.finditer(r"[）)\n]", text)]

    def inside(pos: int) -> bool:
        i = bisect_left(opens, pos) - 1
        if i < 0:
            return False
        j = bisect_right(closes, opens[i])
        return j >= len(closes) or pos < closes[j]
    return inside
