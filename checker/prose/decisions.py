"""表二's 本年处理决定数量 stated by what the body did, without the word 决定: "全年办理行政许可27件、行政处罚463件" (a real
卢氏县交通运输局 2021, its 表二 prints 27 and 463), "共计行政处罚3起" (a real 卫生健康局 2022, 表二 3), "实施行政处罚11件,办理
行政许可528件", "全年行政许可决定278件、行政处罚1217件、行政强制402件" (the later rows of a list whose first names the
决定). `cells.decision_cell` reads the figures that say 决定 (an error when they differ); these say less — a licence
processed is a decision made, in practice, but a page may count otherwise — so a difference is a warning
(`reading`).

Not read: the requests or items (受理行政许可申请, 办理行政许可事项 N 项), one channel's count (网上办理), information
published about them (公示行政处罚信息 N 条: no verb here, and 条 is no unit of decisions).
"""
from __future__ import annotations

import re

from .cells import decision_cell

_UNITS = ("件", "起", "宗")
_KIND = {"许可": "active.licensing.decisions", "处罚": "active.penalty.decisions", "强制": "active.enforcement.decisions"}
# the verb of the body's own doing, right before the row's name, and nothing after it
_DONE = re.compile(r"(?:办理|实施|作出|做出|共计|合计|共)了?(?:行政)?(许可|处罚|强制)$")
# a row named alone after a figure of another row ("……行政许可27件、行政处罚463件"): the list's verb carries on
_ALONE = re.compile(r"^(?:行政)?(许可|处罚|强制)$")
# (the list's first row said with its verb or with 决定, each row after it a row name and a figure)
_ROW = r"(?:行政)?(?:许可|处罚|强制)"
_PREVIOUS = re.compile(rf"(?:(?:办理|实施|作出|做出|共计|合计)了?{_ROW}|{_ROW}决定[^，,；;。、\d]{{0,4}})\s*\d+\s*[件起宗]"
                       rf"(?:\s*[、，,]\s*{_ROW}\s*\d+\s*[件起宗])*\s*[、，,]\s*$")
# one channel's count, a verb not done, or the body helping another's
_NOT_ALL = re.compile(r"网上|线上|网办|通过|窗口|平台|协助|配合|参与|代办|[不未没无]")


def cell(label: str, unit: str, before: str, fmt: str) -> str | None:
    """The 处理决定数量 cell of "办理行政许可 27 件" / "、行政处罚 463 件" (`before`: the text right before the label,
    60 characters)."""
    if unit not in _UNITS or label[-2:] not in _KIND or _NOT_ALL.search(label):
        return None
    m = _DONE.search(label)
    if m is None and _ALONE.match(label) and _PREVIOUS.search(before):
        m = _ALONE.match(label)
    if m is None:
        return None
    return decision_cell(f"行政{m.group(1)}决定", unit, fmt)


def reading(cell: str, text: str) -> str | None:
    """A difference R10 finds on such a figure: a warning naming the other meaning."""
    if cell not in _KIND.values() or "决定" in text:
        return None
    return "正文说的是办理（实施）的件数，未必都是表二所计的处理决定；若两者口径不同，请写明，否则正文或表二有一处填错。"
