"""The six sections of the 2019/2021 outline, found by their headings ("一、总体情况" …
"六、其他需要报告的事项"), tolerant of the printed variants ("五、政府信息公开工作存在的主要问题及整改措施").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..readers.traditional import PINYIN, T2S
from .flow import Flow

# section number -> (official title, pattern its heading matches)
SECTIONS = {
    1: ("总体情况", re.compile(r"总体情况|概述|概况|基本情况")),
    2: ("主动公开政府信息情况", re.compile(r"主动公开")),
    3: ("收到和处理政府信息公开申请情况", re.compile(r"申请")),
    4: ("政府信息公开行政复议、行政诉讼情况", re.compile(r"复议|诉讼")),
    5: ("存在的主要问题及改进情况", re.compile(r"问题|改进|整改")),
    6: ("其他需要报告的事项", re.compile(r"其[他它]需|其[他它]事项|其[他它].{0,4}报告")),
}
# A heading: a Chinese numeral and 、 at a line start, or after a space or sentence end (002 is one
# long line).
# The title stops at the next heading: a crawler page runs "五、信息处理费收取情况……（元）000六、存在的
# 主要问题" into one line, and the title of 五 must not swallow 六.
# (`[一…][一…]?`, not `[一…]{1,2}`: a pattern that opens with a character set lets the engine skip ahead to it)
_HEADING = re.compile(r"([一二三四五六七八九十][一二三四五六七八九十]?)\s*[、.．]\s*((?:(?![一二三四五六七八九十]{1,2}[、.．])[^\s。，,；;]){2,40})")
# (or a colon, or a table's last cell: crawler pages run them into the next heading,
# "特编制此报告：一、总体情况", "…000000五、存在的主要问题", "…采购3922533.2元三、收到和处理…")
_BEFORE_HEADING = " \t\n\u3000。：:0123456789元?？"   # `??一、總體情況`: a mirror's &nbsp; lost as "?"
_NUMERALS = {n: i for i, n in enumerate("一二三四五六七八九十", 1)}


def find(flow: Flow) -> dict[int, int]:
    """section number -> line of its heading. Table rows ("一、本年新收…申请数量") are not headings."""
    return read(flow)[0]


def read(flow: Flow) -> tuple[dict[int, int], dict[str, str]]:
    """`find` and `bodies` in one pass over the headings."""
    found = _headings(flow)
    return {n: line for n, line, _, _ in found}, bodies(flow, found)


# Sections whose text is kept for the rules on the prose itself (S1: 五 is not empty; T1: 一 and 五
# are not copied; the other sections are mostly the template's tables), cut to a length that is
# plenty to judge copying. Kept for every report of a run: only what those rules read.
KEPT = (1, 5)
KEEP_CHARS = 3000


def bodies(flow: Flow, found: list | None = None) -> dict[str, str]:
    """Kept sections' text, heading left out: from the end of its heading's title to the next
    section's heading (or the end of the text). Keys are section numbers as strings (JSON)."""
    found = _headings(flow) if found is None else found
    starts = sorted(start for _, _, start, _ in found)
    out: dict[str, str] = {}
    for n, _, start, body in found:
        if n not in KEPT:
            continue
        k = bisect_right(starts, start)
        nxt = starts[k] if k < len(starts) else len(flow.text)
        out[str(n)] = flow.text[body:nxt][:KEEP_CHARS].strip()
    return out


# A heading's title ends with its closing word ("……改进情况", "……整改措施"); what follows on the same
# line is the section's text (crawler pages run headings and text together).
_TITLE_END = re.compile(r"情况|措施|事项|举措|计划|打算|方向|概述|概况")


# a contents page's entry (`五、存在的主要问题及改进情况 ...... 12`, a PDF's or a flipbook's 目录): its heading's words, a
# leader and a page number end the line — the section is further on, not here
_TOC_ENTRY = re.compile(r"[^\n]{0,60}?[.．…·]{4,}\s*\d{1,3}[ \t]*(?:\n|$)")


def _headings(flow: Flow) -> list[tuple[int, int, int, int]]:
    """(section, line, heading start, text start) for the first heading of each section."""
    found: list[tuple[int, int, int, int]] = []
    seen: set[int] = set()
    text = flow.text
    for m in _HEADING.finditer(text):
        if m.start() and text[m.start() - 1] not in _BEFORE_HEADING or _TOC_ENTRY.match(text, m.start(2)):
            continue
        # (table rows, "一、本年新收…申请数量", are not in the flow's text: no heading among them)
        section, title = _heading(m.group(2), m.group(1))
        if section and section not in seen:
            seen.add(section)
            found.append((section, flow.line_at(m.start(1)), m.start(), m.start(2) + title))
    if len(seen) < len(SECTIONS):
        found += _unpunctuated(text, flow, seen)
    return found


# A heading printed without its 、 ("。一总体情况2020年，……"): the numeral straight before the first
# words of its own official title, nothing looser (a bare numeral starts many words: 一是, 二十条)
_BARE = {n: re.compile("一二三四五六七八九十"[n - 1] + SECTIONS[n][0][:4]) for n in SECTIONS}


def _unpunctuated(text: str, flow: Flow, seen: set[int]) -> list[tuple[int, int, int, int]]:
    out = []
    text = text.translate(T2S)     # a mirror's 一總體情況 too (one character for one: places stay)
    for n, pattern in _BARE.items():
        if n in seen:
            continue
        m = next((m for m in pattern.finditer(text) if not m.start() or text[m.start() - 1] in _BEFORE_HEADING), None)
        if m is not None:
            _, title = _heading(text[m.start() + 1:m.start() + 41], "一二三四五六七八九十"[n - 1])
            out.append((n, flow.line_at(m.start()), m.start(), m.start() + 1 + title))
    return out


@lru_cache(maxsize=4096)     # reports print the same few headings: decide each wording once per process
def _heading(words: str, numeral: str) -> tuple[int | None, int]:
    """(section, length of the title within `words`) of a heading's words after its numeral.
    A traditional-character mirror's heading (`一、總體情況`) is matched as its simplified form (one
    character for one: the title's length is the same)."""
    words = words.translate(T2S)
    kept = None
    if "(" in words and PINYIN.search(words):   # a mirror's `主動(dòng)公開(kāi)`: matched without the pinyin
        kept = [i for i in range(len(words)) if not _in_pinyin(words, i)]
        words = "".join(words[i] for i in kept)
    section = _classify(words, _NUMERALS.get(numeral))
    if not section:
        return None, 0
    key = SECTIONS[section][1].search(words)
    end = _TITLE_END.search(words, key.end() if key else 0)
    length = end.end() if end else len(words)
    return section, (kept[length - 1] + 1 if kept and length else length)


def _in_pinyin(words: str, i: int) -> bool:
    return any(m.start() <= i < m.end() for m in PINYIN.finditer(words))


def _classify(heading: str, numeral: int | None) -> int | None:
    # the printed number decides when its heading fits; otherwise the first section whose words fit
    if numeral in SECTIONS and SECTIONS[numeral][1].search(heading):
        return numeral
    # a report that inserts a part of its own ("二、政务公开工作主要任务落实情况") pushes only the last
    # two down ("七、其他需要报告的事项", lyy_2020); a later numeral is never sections 1-4
    order = (4, 6, 2, 1, 5, 3) if numeral is None or numeral <= 6 else (6, 5)
    for n in order:
        if SECTIONS[n][1].search(heading):
            return n
    return None
