"""表二's 行政规范性文件·本年制发件数 stated with its count before the noun, often in Chinese numerals:
"2023年,长春新区科技局出台四项规范性文件,分别是《……若干政策》……" (a real report whose 表二 prints 0).
The figure reader (`counts`, `facts`) reads "规范性文件 N 件" (noun, then count); this reads the other
order, verb + count + noun, which says plainly that the body itself issued them this year.
"""
from __future__ import annotations

import re

from ..model import ProseFact
from . import cells
from .flow import Flow

# 出台/制发/印发/制定 (了) N 项/件/个/份 (行政)规范性文件; not after a negation (未出台……), not 累计/以来.
_ISSUED = re.compile(r"(?<![不未没无])(?:出台|制发|印发|制定)了?"
                     r"([0-9]{1,3}|[一二两三四五六七八九十]{1,3})(?:项|件|个|份)(?:行政)?规范性文件")
_NOUN = "规范性文件"
_OTHER_TIME = re.compile(r"上一?年|去年|同比|累计|以来|历年|往年|前年|近[一二三四五两\d]+年")
_CLAUSE = re.compile(r"[。；;！？!?，,]")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_CELL = {"2021": "active.normative_docs.issued", "2019": "active.normative_docs.made"}
ISSUED = frozenset(_CELL.values())
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def facts(flow: Flow, fmt: str | None, year: int | None, unit: str | None) -> list[ProseFact]:
    cell = _CELL.get(fmt or "")
    if cell is None:
        return []
    text = flow.text
    if _NOUN not in text:
        return []      # the pattern ends with this noun: no match without it (the scan costs ~9 µs a text)
    level, out = cells.level(unit), []
    for m in _ISSUED.finditer(text):
        value = _number(m.group(1))
        start = _sentence_start(text, m.start())
        before = text[start:m.start()]
        said = _YEAR.findall(before)
        if value is None or _OTHER_TIME.search(before) or (said and year and int(said[-1]) != year):
            continue
        if not cells.same_subject(level, [w for _, w in cells.subjects(before)]):
            continue        # "全区各部门出台……" in a bureau's report: someone else's documents
        clause = text[_clause_start(text, m.start()):m.end()]
        out.append(ProseFact("count", clause, flow.line_at(m.start()), float(value), cell=cell, unit="件"))
    return out


def _number(s: str) -> int | None:
    """4 or 四, 十二, 二十, 二十三 (no larger Chinese numerals: a count of documents stays small)."""
    if s.isdigit():
        return int(s)
    if "十" not in s:
        return _DIGITS.get(s) if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_DIGITS.get(tens, 0) if tens else 1) * 10 + (_DIGITS.get(ones, 0) if ones else 0)


def _sentence_start(text: str, at: int) -> int:
    cut = max(text.rfind(c, 0, at) for c in "。；;！？!?\n")
    return cut + 1


def _clause_start(text: str, at: int) -> int:
    cut = max((m.end() for m in _CLAUSE.finditer(text, _sentence_start(text, at), at)), default=None)
    return cut if cut is not None else _sentence_start(text, at)
