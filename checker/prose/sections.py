"""The six sections of the 2019/2021 outline, found by their headings ("一、总体情况" …
"六、其他需要报告的事项"), tolerant of the printed variants ("五、政府信息公开工作存在的主要问题及整改措施").
"""
from __future__ import annotations

import re

from .flow import Flow

# section number -> (official title, pattern its heading matches)
SECTIONS = {
    1: ("总体情况", re.compile(r"总体情况|概述|概况|基本情况")),
    2: ("主动公开政府信息情况", re.compile(r"主动公开")),
    3: ("收到和处理政府信息公开申请情况", re.compile(r"申请")),
    4: ("政府信息公开行政复议、行政诉讼情况", re.compile(r"复议|诉讼")),
    5: ("存在的主要问题及改进情况", re.compile(r"问题|改进|整改")),
    6: ("其他需要报告的事项", re.compile(r"其他需要|其他事项|其他.{0,4}报告")),
}
# A heading: a Chinese numeral and 、 at a line start, or after a space or sentence end (002 is one
# long line).
_HEADING = re.compile(r"([一二三四五六七八九十]{1,2})\s*[、.．]\s*([^\s。，,；;]{2,40})")
_BEFORE_HEADING = " \t\n\u3000。"
_NUMERALS = {n: i for i, n in enumerate("一二三四五六七八九十", 1)}


def find(flow: Flow) -> dict[int, int]:
    """section number -> line of its heading. Table rows ("一、本年新收…申请数量") are not headings."""
    found: dict[int, int] = {}
    text = flow.text
    for m in _HEADING.finditer(text):
        if m.start() and text[m.start() - 1] not in _BEFORE_HEADING:
            continue
        no = flow.line_at(m.start(1))
        if "\t" in flow.clean[no - 1]:
            continue
        section = _classify(m.group(2), _NUMERALS.get(m.group(1)))
        if section and section not in found:
            found[section] = no
    return found


def _classify(heading: str, numeral: int | None) -> int | None:
    # the printed number decides when its heading fits; otherwise the first section whose words fit
    if numeral in SECTIONS and SECTIONS[numeral][1].search(heading):
        return numeral
    if numeral is not None and numeral > 6:
        return None
    for n in (4, 6, 2, 1, 5, 3):
        if SECTIONS[n][1].search(heading):
            return n
    return None
