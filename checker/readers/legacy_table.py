"""The pre-2019 统计表 (format `legacy`) when it is printed as a table: one value per labelled row.
Only the rows present are recorded; the others stay absent (spec: legacy cells are not required)."""
from __future__ import annotations

import re

from ..findings import make
from . import labels as L
from .cellset import CellWriter


def read_legacy(lines, report, where: str) -> bool:
    """Set every legacy cell whose label a row prints; True when at least one was found."""
    tk = L.table_keys("legacy")["legacy"]
    cells = CellWriter(report, where)
    seen: set[str] = set()
    for ln in lines:
        if not ln.label or not ln.values:
            continue
        row = tk.match(ln.label)
        if row is None or row.id in seen:
            continue
        filled = [c for c in ln.values if c.text.strip()]
        if not filled and len(ln.values) == 0:
            continue
        seen.add(row.id)
        cells.put(row.id, filled[0] if filled else ln.values[0])
    return bool(seen)


# A crawler flattens the pre-2019 统计表 into the text's line, after its header (`指标名称 计量单位 2012年度
# 历年累计`): each row is a label, its unit and two numbers, this year's and the running total's —
# `主动公开信息数 条 739 4359 其中：1、网站公开 条 739 4359 2、政府公报公开 条 0 0`, or with nothing
# between them, `…信函申请数条006.其它形式申请数条00…` (the next row's `6.` glued to the numbers).
_FLAT_HEAD = re.compile(r"指\s*标\s*名\s*称.{0,40}?历\s*年\s*累\s*计")
_FLAT_ROW = re.compile(r"(?:\d[.、．])?(?P<label>[\u4e00-\u9fff：:“”（）()、]{2,30}?)\s*(?P<unit>条|件|元|万元)\s*"
                       r"(?P<values>[\d ]*\d)\s*(?=\d[.、．][\u4e00-\u9fff]|[\u4e00-\u9fff]|$)")
# a table row's whole label too short to be a key in prose ("门户网站公开政府信息 3636 条" is no table row)
_TABLE_ONLY = {"网站公开": "legacy.active.website"}
# a row naming two channels (`信函、传真申请数`) is neither channel's cell
_TWO_CHANNELS = re.compile(r"[\u4e00-\u9fff]{2}[、和及][\u4e00-\u9fff]{2}申请")


def read_flat(text_lines: list[str], report, where: str, unsplit: list | None = None) -> bool:
    """The cells of a 统计表 a crawler flattened into one line, from this year's column: a number set
    apart by spaces, or a run of digits only one split of which makes two numbers (`00`, `07`, `44`:
    two digits; `018`: a 0 first). A longer run (`20263542`: 20|263542? 2026|3542?) stays unread;
    each such row is added to `unsplit` as (cell, printed label, digits, line) for `name_unsplit`."""
    tk = L.table_keys("legacy")["legacy"]
    seen: set[str] = set()
    for n, line in enumerate(text_lines, 1):
        head = _FLAT_HEAD.search(line)
        if head is None:
            continue
        for m in _FLAT_ROW.finditer(line, head.end()):
            label = m.group("label")
            cid = _TABLE_ONLY.get(label)
            if cid is None:
                row = tk.match(L.norm(label))
                cid = row.id if row is not None else None
            if cid is None or cid in seen or _TWO_CHANNELS.search(label):
                continue
            value = _this_year(m.group("values"))
            if value is not None:
                seen.add(cid)
                report.set(cid, float(value), row=n, source="table")
            elif unsplit is not None:
                unsplit.append((cid, label, m.group("values"), n))
    return bool(seen)


def name_unsplit(report, unsplit: list) -> None:
    """An F2 (info: legacy cells are not required) for each 统计表 row whose digits `read_flat` could not
    split into this year's number and the running total, unless the prose read after it gave the cell."""
    named: set[str] = set()
    for cid, label, digits, line in unsplit:
        if report.get(cid) is not None or cid in named:
            continue
        named.add(cid)
        report.findings.append(make(
            "F2", unit=report.unit, year=report.year, severity="info", cells=[report.ref(cid)], actual=digits,
            source=report.source, where=report.text_where(line), label=label, text=digits,
            detail="这是本年度和历年累计两格的数字连写在一起（中间没有分隔），拆成两个数的方法不止一种，"
                   "无法确定本年度的数值，该格未读取，请核对原表。"))


def _this_year(values: str) -> int | None:
    nums = values.split()
    if len(nums) == 2:
        return int(nums[0])
    if len(nums) != 1:
        return None
    run = nums[0]
    if len(run) == 2:
        return int(run[0])
    if run[0] == "0" and len(run) > 1 and (run[1] != "0" or len(run) == 2):
        return 0
    return None


# A mirror that re-encodes a page writes `?` for a character its charset lacks (a no-break space): between a
# word and a figure it is that space (`主动公开政府信息?10条`, 白银市动力公司 2008), one char for one char.
_LOST_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\?(?=\d)")


def lost_spaces(lines: list[str]) -> list[str]:
    """The lines with a mirror's `?` before a figure read as the space it stands for (lines and offsets kept)."""
    if not any("?" in line for line in lines):
        return lines
    return [_LOST_SPACE.sub(" ", line) if "?" in line else line for line in lines]
