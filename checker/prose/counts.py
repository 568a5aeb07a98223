"""Figures printed in sentences: a number with its counting word ("16 件", "386 项", "96.5%").

One pass over the flowing text finds them all; sums, shares and the cell mapping work on this list.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal

# Counting words, longest first so "人次" wins over "人"; money only where a rule can use it.
UNITS = ("人次", "场次", "万元", "亿元", "件", "条", "个", "项", "篇", "次", "家", "份", "部", "期",
         "场", "人", "名", "户", "起", "宗", "批", "套", "元")
# The pattern starts with a digit (the regex engine skips ahead fast) and refuses to start inside
# a number; the counting word, or %, follows — or a clause end right after the digits: real lists
# drop the counting word now and then ("其中主动公开信息数169，依申请公开信息数317条").
# The number is possessive (`*+`, `?+`): giving digits back never lets a counting word follow (a
# digit or "." would), so backtracking into it is wasted work on every year and date.
# The lookahead after the number says only what every branch needs (the first character after any
# spaces opens one of them): most numbers (years, dates) then fail in one test, not in each branch.
_OPENS = re.escape("%万亿余多" + "".join(sorted({u[0] for u in UNITS})) + "，,；;。、")
_COUNT = re.compile(
    r"(\d(?<![\d.]\d)\d*+(?:\.\d++)?+)(?=\s*[" + _OPENS + r"])(?:\s*(%)|\s*(万|亿)?\s*(余|多)?\s*(" + "|".join(UNITS)
    + r")(?!工作日|自然日|月|小时|百分点|季度|星期|周)|(?=[，,；;。、]))", re.ASCII)
# A bare figure counts only after words that name a quantity ("信息数169，", "公开 12，"): not a
# year, a date, an ordinal, a list number ("1、") or a code.
_BARE_AFTER = re.compile(r"[\u4e00-\u9fff]\s*$")
_BARE_NOT_AFTER = "第年月日号期届版级至到约近超"
BARE = ""           # the unit of a figure printed without its counting word
SENTENCE_END = "。！？!?\n"
CLAUSE_END = SENTENCE_END + "，,；;：:、（("
_CLAUSE_TAIL = re.compile("[" + re.escape(CLAUSE_END) + "][^" + re.escape(CLAUSE_END) + "]*$")


@dataclass(slots=True)
class Count:
    value: float
    unit: str           # counting word, "%" for a percentage, BARE when none is printed
    start: int          # offset of the number in the flow text
    end: int            # offset after the counting word
    approx: bool        # "10余次", "103 万条": not an exact figure
    nested: bool        # inside brackets: a breakdown of something else
    label: str = ""     # the words before the figure in its clause ("按要求予以公开")
    label_start: int = -1


def find(text: str, brackets: Brackets | None = None) -> list[Count]:
    out: list[Count] = []
    brackets = brackets or Brackets(text)
    for m in _COUNT.finditer(text):
        start = m.start()
        if m.group(2):
            out.append(Count(float(m.group(1)), "%", start, m.end(), False, brackets.inside(start)))
            continue
        number, big, more, unit = m.group(1, 3, 4, 5)
        if unit is None:
            if not _bare(text, start, number):
                continue
            unit = BARE
        value = float(number)
        approx = bool(big or more) or "." in number and unit not in ("万元", "亿元", "元")
        if big:     # exact in decimal: 813.93 万 is 8139300, not float's 8139299.999999999
            value = float(Decimal(number) * (10_000 if big == "万" else 100_000_000))
        c = Count(value, unit, start, m.end(), approx, brackets.inside(start))
        # the words before a figure: back to its clause start, the previous figure, or 40 chars
        lo = max(out[-1].end if out else 0, start - 40)
        tail = _CLAUSE_TAIL.search(text, lo, start)
        c.label_start = tail.start() + 1 if tail else lo
        c.label = text[c.label_start:start].strip()
        out.append(c)
    return out


class Stops:
    """Offsets of boundary characters (sentence or clause ends) in a text, for fast look-ups."""
    __slots__ = ("at", "n")

    def __init__(self, text: str, chars: str):
        at: list[int] = []
        for ch in chars:      # str.find per character: no match object per boundary, as a regex makes
            i = text.find(ch)
            while i >= 0:
                at.append(i)
                i = text.find(ch, i + 1)
        at.sort()
        self.at = at
        self.n = len(text)

    def before(self, pos: int) -> int:
        """Start of the stretch holding `pos`: just after the last boundary before it."""
        i = bisect_left(self.at, pos)
        return self.at[i - 1] + 1 if i else 0

    def after(self, pos: int) -> int:
        """The first boundary at or after `pos` (or the text's end)."""
        i = bisect_left(self.at, pos)
        return self.at[i] if i < len(self.at) else self.n


def _bare(text: str, start: int, number: str) -> bool:
    """A figure without counting word, right after the words naming it (see _COUNT)."""
    if "." in number or len(number) > 7 or start == 0:
        return False
    before = text[max(0, start - 3):start]
    return _BARE_AFTER.search(before) is not None and before.rstrip()[-1] not in _BARE_NOT_AFTER


_OPEN, _CLOSE = "（(［[【", "）)］]】"
_BRACKET = re.compile(r"[（(［\[【）)］\]】]")
_END = re.compile(r"[\n。]")


class Brackets:
    """Where round (and square) brackets are open in a text: a figure inside them is a breakdown of
    something else ("共收到申请 94 件（其中甲区 16 件……）"), however long the brackets run. A line
    or sentence end closes whatever is open: an unclosed bracket does not swallow the rest of the
    text (crawler pages put a whole report on one line)."""
    __slots__ = ("spans",)

    def __init__(self, text: str):
        spans: list[int] = []      # flat [open, close, open, close, ...] of outermost bracket spans
        depth = 0
        line_end = -1              # where the line of the open span ends
        for m in _BRACKET.finditer(text):
            pos = m.start()
            if depth and pos > line_end:      # the line ended with the bracket still open
                spans.append(line_end)
                depth = 0
            if m.group(0) in _OPEN:
                if depth == 0:
                    spans.append(pos)
                    end = _END.search(text, pos)
                    line_end = end.start() if end else len(text)
                depth += 1
            elif depth:
                depth -= 1
                if depth == 0:
                    spans.append(pos)
        if depth:
            spans.append(line_end)
        self.spans = spans

    def inside(self, pos: int) -> bool:
        # an odd count of boundaries before pos: within an open span
        return bisect_right(self.spans, pos) % 2 == 1
