"""Prose figures as `ProseFact`s: single figures mapped to cells, sums ("共16件，其中……10件、……2件")
and shares ("386 项，占比 96.5%" of 400).

Interpretation is decided here, checking is left to the rules: a sum's parts are chosen so that a
report that states a true sum is read as one (the parts in the total's unit, or the run of parts
that adds up to it: 002's "7754条，其中……152个"); a list that is not plainly one list in one unit is
marked `clear=False`, so that a mismatch is at most a warning.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left

from ..numbers import ROUNDING, SAME
from ..model import ProseFact
from . import cells
from .counts import SENTENCE_END, Count, Stops
from .flow import Flow

_SUM_MARK = re.compile(r"其中|分别为|分别是|包括")
_SHARE_MARK = re.compile(r"占")
_REQUEST_CONTEXT = re.compile("申请|复议")
# A figure about another time ("上年收到申请 5 件", "同比增加 3 件", "累计") is not this year's cell.
_OTHER_TIME = re.compile(r"上年(?!结转)|去年|同比|较上|比上|累计|以来|历年|上一年|往年|前年|增加|减少|增长|下降")
_YEAR_IN_LABEL = re.compile(r"((?:19|20)\d\d)\s*年")
_SENTENCE = re.compile("[" + re.escape(SENTENCE_END) + "]")


def extract(flow: Flow, counts: list[Count], fmt: str | None, year: int | None = None) -> list[ProseFact]:
    text = flow.text
    facts: list[ProseFact] = []
    in_sum: set[int] = set()
    sentences = Stops(text, _SENTENCE)
    for m in _SUM_MARK.finditer(text):
        fact = _sum(flow, counts, m.start(), m.end(), fmt, in_sum, sentences, year)
        if fact:
            facts.append(fact)
    shares = _shares(flow, counts, sentences)
    facts.extend(shares)
    for i, c in enumerate(counts):
        if i in in_sum or c.unit == "%" or c.approx or c.nested:
            continue
        cell = _cell(text, c, fmt, sentences, year)
        if cell:
            facts.append(ProseFact("count", _fragment(text, c.label_start, c.end), flow.line_at(c.start),
                                   c.value, cell=cell, unit=c.unit))
    return facts


def _sum(flow: Flow, counts: list[Count], mark: int, mark_end: int, fmt: str | None,
         in_sum: set[int], sentences: Stops, year: int | None) -> ProseFact | None:
    text = flow.text
    start = max(sentences.before(mark), text.rfind("；", 0, mark) + 1, text.rfind(";", 0, mark) + 1)
    end = sentences.after(mark_end)
    nxt = _SUM_MARK.search(text, mark_end, end)
    end = nxt.start() if nxt else end
    if not text[start:mark].strip(" ，,、：:"):
        # "收到申请 16 件。其中，网络申请 14 件……": the total ends the sentence before
        prev_end = start - 1
        if prev_end > 0 and text[prev_end] == "\n" and text[prev_end - 1] in "。；;":
            prev_end -= 1          # … or the paragraph before, when "其中" opens a new line
        if prev_end <= 0 or text[prev_end] == "\n":
            return None
        start = sentences.before(prev_end)
    before = [i for i in _between(counts, start, mark) if counts[i].unit != "%" and not counts[i].nested]
    parts = [i for i in _between(counts, mark_end, end) if counts[i].unit != "%" and not counts[i].nested]
    if not before or len(parts) < 2:
        return None
    t = counts[before[-1]]
    ps = [counts[i] for i in parts]
    if t.approx or any(p.approx for p in ps):
        return None
    same = [p for p in ps if p.unit == t.unit]
    clear = len(same) == len(ps)
    chosen = None
    if len(same) >= 2 and _close(sum(p.value for p in same), t.value):
        chosen = same
    else:
        run = 0.0
        for k, p in enumerate(ps):
            run += p.value
            if k >= 1 and _close(run, t.value):
                chosen = ps[:k + 1]
                break
    if chosen is None:
        chosen = same if clear or len(same) >= 2 else ps
        # a part as large as the total ("受理 10 件，其中办结 10 件，按时办结 10 件") is a
        # restatement, not a share-out: the list is not plainly the total's parts
        clear = clear and len(chosen) >= 2 and all(p.value < t.value for p in chosen)
    in_sum.add(before[-1])
    in_sum.update(i for i in parts if counts[i] in chosen)
    return ProseFact(
        "sum", _fragment(text, t.label_start, chosen[-1].end), flow.line_at(t.start), t.value,
        cell=_cell(text, t, fmt, sentences, year), parts=[p.value for p in chosen],
        part_cells=[_cell(text, p, fmt, sentences, year) for p in chosen], unit=t.unit, clear=clear)


def _shares(flow: Flow, counts: list[Count], sentences: Stops) -> list[ProseFact]:
    """"386 项，占比 96.5%" (the base is an earlier figure of the sentence in the same unit) and
    "386 项，占全部 400 项的 96.5%" (the base is named with the share)."""
    text = flow.text
    out: list[ProseFact] = []
    found: list[tuple[int, int, int | None]] = []      # (pct, part, base named with it)
    for i in (i for i, c in enumerate(counts) if c.unit == "%" and not c.nested):
        j = i - 1
        while j >= 0 and counts[j].unit == "%":
            j -= 1
        if j < 0:
            continue
        between = text[counts[j].end:counts[i].start]
        if any(ch in between for ch in SENTENCE_END) or len(between) > 16:
            continue
        if _SHARE_MARK.search(between):
            found.append((i, j, None))
        elif "占" in counts[j].label and len(between) <= 4 and j > 0 and counts[j - 1].unit == counts[j].unit \
                and sentences.before(counts[j - 1].start) == sentences.before(counts[j].start):
            found.append((i, j - 1, j))
    share_parts = {j for _, j, _ in found}
    for i, j, named in found:
        part, pct = counts[j], counts[i]
        decimals = _decimals(text[pct.start:pct.end])
        if named is not None:
            bases = [counts[named]]
        else:
            bases = [counts[k] for k in _between(counts, sentences.before(part.start), part.start)
                     if k not in share_parts]
        bases = [c for c in bases
                 if c.unit == part.unit and not c.approx and not c.nested and c.value >= part.value > 0]
        base = next((b for b in bases if share_holds(part.value, b.value, pct.value, decimals)), None)
        base = base or (bases[0] if bases else None)
        frag_start = min(base.label_start, part.label_start) if base else part.label_start
        out.append(ProseFact("share", _fragment(text, frag_start, pct.end), flow.line_at(pct.start), part.value,
                             share=pct.value, of=base.value if base else None, unit=part.unit,
                             decimals=decimals))
    return out


def share_holds(part: float, base: float, pct: float, decimals: int) -> bool:
    """The printed percentage is the true share rounded (half up) or cut to its printed decimals."""
    if not base:
        return False
    scale = 10 ** decimals
    true = 100.0 * part / base * scale
    printed = round(pct * scale)
    # SAME: a share exactly on x.5 (or on a whole step) computes as a hair below it
    return printed in (math.floor(true + 0.5 + SAME), math.floor(true + SAME))


def _cell(text: str, c: Count, fmt: str | None, sentences: Stops, year: int | None = None) -> str | None:
    if c.approx or c.unit in ("%", "元", "万元", "亿元") or _OTHER_TIME.search(c.label):
        return None
    said = _YEAR_IN_LABEL.search(c.label)
    if said and year is not None and int(said.group(1)) != year:
        return None
    if fmt == "legacy":
        return cells.legacy_cell(c.label)
    if fmt in ("2019", "2021"):
        # about requests: the sentence, or the few sentences before it, speak of 申请 / 复议
        lo = min(sentences.before(c.start), max(0, c.start - 200))
        if _REQUEST_CONTEXT.search(text, lo, sentences.after(c.end)):
            return cells.table_cell(c.label, fmt)
    return None


def _between(counts: list[Count], lo: int, hi: int) -> range:
    """Indexes of the figures that start in [lo, hi) (figures are in text order)."""
    return range(bisect_left(counts, lo, key=_start), bisect_left(counts, hi, key=_start))


def _start(c: Count) -> int:
    return c.start


def _close(a: float, b: float) -> bool:
    return abs(a - b) < ROUNDING


def _decimals(printed: str) -> int:
    m = re.search(r"\.(\d+)", printed)
    return len(m.group(1)) if m else 0


def _fragment(text: str, start: int, end: int) -> str:
    return text[max(0, start):end].replace("\n", " ").strip()
