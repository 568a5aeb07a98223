"""Figures a report's prose states about one cell of 表二, in wording that names that cell and no
other ("本年度制发规范性文件34件", "作出行政处罚决定784起", "现行有效规范性文件89件").

They serve one purpose: choosing among the splits of a run of digits the table cannot split by
itself (`88-720`, `34089`: 表二 has no totals). runtogether.py keeps a row's splits whose cell
equals the stated figure, when some do; a figure no split gives is no evidence (the prose and the
table disagree: R10's business). Anything less than unmistakable wording is ignored: a figure about
last year (上年/同比/较…), about a wider area (全区/各部门), a category of published information
(`规范性文件类信息3条`), or a cell stated with two different figures.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

# cell -> patterns; the figure is the group `n`. `(?:行政)?` covers both templates' wording.
_VERB_MADE = r"(?:新?制发|新?制作|制定|印发|出台)(?:了|的)?"   # `本年度制发的规范性文件88件`
_PATTERNS: dict[str, tuple[str, ...]] = {
    "active.normative_docs.issued": (_VERB_MADE + r"(?:行政)?规范性文件(?:共计?)?(?P<n>\d+)件",),
    "active.normative_docs.made": (_VERB_MADE + r"(?:行政)?规范性文件(?:共计?)?(?P<n>\d+)件",),
    "active.normative_docs.repealed": (r"废止(?:了)?(?:行政)?规范性文件(?:共计?)?(?P<n>\d+)件",),
    "active.normative_docs.in_force": (
        r"现行有效(?:的)?(?:行政)?规范性文件(?:件数)?(?:共计?|为)?(?P<n>\d+)件",
        r"(?:行政)?规范性文件[^。；，,]{0,12}?现行有效(?:件数)?(?:共计?|为)?(?P<n>\d+)件",),
    "active.penalty.decisions": (r"(?:作出|做出)(?:了)?行政处罚(?:决定)?(?:共计?)?(?P<n>\d+)(?:起|件|宗|个)",),
    "active.licensing.decisions": (r"(?:作出|做出)(?:了)?行政许可(?:决定)?(?:共计?)?(?P<n>\d+)(?:件|个|项)",),
}
_COMPILED = tuple((re.compile(p), {"n": cell}) for cell, ps in _PATTERNS.items() for p in ps) + (
    # "采购……197批次，涉及金额3601627.4元": items and amount in one clause, used only together
    # "发布采购信息21条共5419886元" (gwh_2019): 条, and 共 for 金额
    (re.compile(r"采购[^。；;，,]{0,30}?(?P<n>\d+)(?:个|项|批次|批|次|宗|条)[^。；;\d]{0,12}?"
                r"(?:金额(?:为|共计?|合计|达)?|共计?|合计)(?P<amount>\d+(?:\.\d+)?)元"),
     {"n": "active.procurement.items", "amount": "active.procurement.amount"}),
)
# Cells stated in one clause, evidence only together: a split must give all of them.
TOGETHER = (("active.procurement.items", "active.procurement.amount"),)
# In the clause before the figure: another year's figure, or someone else's.
_NOT_THIS = re.compile(r"上一?年|去年|同比|较|比上|累计|历年|全[省市区县]|各(?:级|部门|单位|地)|[省市区县]直")
_CLAUSE_END = "。；;，,！？\n"
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


def figures(text: str) -> dict[str, float]:
    """{cell id: the figure the prose states for it}, for the cells stated unmistakably and once
    (or always with the same figure)."""
    if not any(w in text for w in ("规范性文件", "行政处罚", "行政许可", "采购")):
        return {}
    text = _SPACES.sub("", text)   # `作出行政处罚决定 784 起`: spaces set around a figure
    seen: dict[str, set[float]] = {}
    for rx, cells in _COMPILED:
        for m in rx.finditer(text):
            start = max(text.rfind(c, 0, m.start()) for c in _CLAUSE_END) + 1
            if _NOT_THIS.search(text, start, m.start("n")):
                continue
            for group, cell in cells.items():
                seen.setdefault(cell, set()).add(float(m.group(group)))
    return {cell: next(iter(v)) for cell, v in seen.items() if len(v) == 1}


class Stated(Mapping):
    """`figures(text)`, found on first use. Only a run of digits the table cannot split asks for
    them, and most reports have none: the search over the whole text (≈ 7 % of reading a report)
    is then never made. Evidence for reading only: the text reader drops it from the report."""
    __slots__ = ("_text", "_figures")

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._figures: dict[str, float] | None = None

    def _found(self) -> dict[str, float]:
        if self._figures is None:
            self._figures, self._text = figures(self._text or ""), None
        return self._figures

    def __getitem__(self, cell: str) -> float:
        return self._found()[cell]

    def __iter__(self) -> Iterator[str]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())
