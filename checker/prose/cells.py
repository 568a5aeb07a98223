"""Which table cell a figure in a sentence states, where the meaning is clear.

A figure's label (the words before it in its clause) is matched against the row wording of the
template. Two rows matching one label, or a match right after a negation (不/未), means the
meaning is not clear: no cell. For 2019/2021 reports only the request table's `total` column is
stated in prose, and only in a sentence about requests (申请).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..templates import template

# (pattern, cell id or None). None marks wording with no cell of its own: it makes a label ambiguous.
_REQUESTS = (
    (r"(?:收到|接到|新收|受理|接收|共收).*申请|申请.*共计?$", "requests.received.total"),
    (r"上年结转", "requests.carried_over.total"),
    (r"结转下年", "requests.carried_forward.total"),
    (r"(?<![不未])(?:予以公开|同意公开)", "requests.granted.total"),
    (r"部分公开", "requests.partly_granted.total"),
    (r"国家秘密", "requests.denied.state_secret.total"),
    (r"法律行政法规禁止", "requests.denied.prohibited.total"),
    (r"三安全一稳定", "requests.denied.security.total"),
    (r"第三方合法权益", "requests.denied.third_party.total"),
    (r"内部事务", "requests.denied.internal.total"),
    (r"过程性信息", "requests.denied.process.total"),
    (r"行政执法案卷", "requests.denied.enforcement_file.total"),
    (r"行政查询", "requests.denied.inquiry.total"),
    (r"不掌握", "requests.unavailable.not_held.total"),
    (r"另行制作", "requests.unavailable.needs_creation.total"),
    (r"补正后.*不明确", "requests.unavailable.unclear.total"),
    (r"信访|举报|投诉", "requests.not_processed.petition.total"),
    (r"重复申请", "requests.not_processed.duplicate.total"),
    (r"公开出版物", "requests.not_processed.publication.total"),
    (r"大量反复", "requests.not_processed.excessive.total"),
    (r"确认或重新出具", "requests.not_processed.confirmation.total"),
    (r"行政复议", "appeals.count.review.total"),
    (r"行政诉讼|起诉", None),
    (r"不属于本(?:行政)?机关", None),
    (r"不予公开|无法提供|不予处理|未公开|其他处理", None),
)
_COMPILED = tuple((re.compile(p), c) for p, c in _REQUESTS)
_NEGATION = "不未非无"


@lru_cache(maxsize=8192)   # report texts share their wording: most labels repeat across reports
def table_cell(label: str, fmt: str) -> str | None:
    """The request-table cell a clause like "按要求予以公开" states (format 2019/2021)."""
    hits = {cell for rx, cell in _COMPILED if rx.search(label)}
    if len(hits) != 1:
        return None
    cell = hits.pop()
    if cell is None or cell not in template(fmt).index:
        return None
    return cell


@cache
def _legacy_keys() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of every legacy row's wording, longest first; key -> cell."""
    keys = {k: row.id for row in template("legacy").tables[0].rows for k in row.keys}
    ordered = sorted(keys, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))), keys


@lru_cache(maxsize=8192)
def legacy_cell(label: str) -> str | None:
    """The legacy statistical-table cell a clause like "通过政务微博公开政府信息" states.
    Matches do not overlap, longest first: "同意部分公开" is not also "部分公开"."""
    rx, keys = _legacy_keys()
    cells = set()
    for m in rx.finditer(label):
        key = m.group(0)
        # "不同意公开答复数" is not "同意公开答复数": wording right after a negation does not count
        if m.start() and label[m.start() - 1] in _NEGATION and key[0] not in _NEGATION:
            continue
        cells.add(keys[key])
    return cells.pop() if len(cells) == 1 else None
