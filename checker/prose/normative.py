"""表二's 规范性文件 row stated noun first, the count after it: "2024年，我局废止规范性文件6件，制定规范性文件15件"
(a real 平潭 bureau, its 表二 prints 15 and 6), "全年共制发行政规范性文件6个,废止行政规范性文件6个" (a real 天门
office). The verb right before the noun says the body issued (or repealed) them itself this year: 本年制发件数 /
本年废止件数 (2021), 本年新制作数量 (2019). `issued` reads the other order ("出台四项规范性文件"), `cells.active_cell`
现行有效.

Not read as the cell: a document named by what was done to it ("印发并公开的行政规范性文件 17 件", "更新本年度制发的
规范性文件 88 件": the verb of the clause is another's), one planned or not done ("拟废止", "未制定"), a count of
information items ("规范性文件类信息 5 条" has no verb).
"""
from __future__ import annotations

import re

# the verb, then the noun, then the figure: nothing between noun and figure but 共/共计
_STATED = re.compile(r"(制定|制发|出台|印发|废止)(?:并(?:印发|公开|发布))?了?[^，,；;。的、]{0,10}?规范性文件(?:共计?|合计|总计)?$")
# a verb not done ("未制定", "拟废止", "无需出台"), help with another's ("配合市局制定"), or the clause's own verb before it ("动态更新发布本年度制发行政规范性
# 文件 62 件": the documents updated; "清理……废止"): the issuing verb then names the documents, the count is another's
_NOT_DONE = re.compile(r"[不未没无拟将需]|更新|发布|公开|梳理|清理|审查|审核|备案|报备|解读|上传|转发|汇编|评估"
                       r"|配合|参与|协助|协同|代拟|起草|指导|督促")   # another's documents the body helped with
REPEALED = "active.normative_docs.repealed"
# 2019's 表二 has no 废止 column
_CELLS = {"2021": ("active.normative_docs.issued", REPEALED), "2019": ("active.normative_docs.made", None)}


def cell(label: str, unit: str, fmt: str) -> str | None:
    """The 表二 cell of "制定规范性文件 15 件" / "废止行政规范性文件 6 个" in a 2019 or 2021 report, else None."""
    if unit not in ("件", "个", "份", "项", "篇"):
        return None
    m = _STATED.search(label)
    if m is None:
        return None
    if _NOT_DONE.search(label, 0, m.start()) or "规章" in label:
        return None     # "制定规章和规范性文件 3 件": both rows in one figure
    verb = m.group(1)
    issued, repealed = _CELLS.get(fmt, (None, None))
    return repealed if verb == "废止" else issued
