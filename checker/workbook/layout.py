"""Where each label and value cell of a report sheet goes, as data (no openpyxl here).

The layout mirrors the official templates (国办公开办函〔2019〕60号 / 〔2021〕30号, see
workbooks/2021-tables-template.docx): the same titles, header rows, merged label columns and row
labels, so a reviewer recognises the tables at a glance and the table reader finds them by label.
A sheet starts with the header block of the collection format (`checker.collection`: labels in
column A, values in column B).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..collection import HEADER_CELLS, HEADER_FIELDS, HEADER_ROWS  # noqa: F401  (HEADER_CELLS re-exported)
from ..templates import template

TABLE_TITLES = {
    "active": "二、主动公开政府信息情况",
    "requests": "三、收到和处理政府信息公开申请情况",
    "appeals": "四、政府信息公开行政复议、行政诉讼情况",
    "legacy": "政府信息公开情况统计表",
}
R1_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS_BLOCK = "三、本年度办理结果"
OUTSIDE_RESULTS = ("received", "carried_over", "carried_forward")


@dataclass(frozen=True, slots=True)
class Label:
    row: int
    col: int
    text: str
    style: str          # title | meta | section | header | label


@dataclass(frozen=True, slots=True)
class Merge:
    first_row: int
    first_col: int
    last_row: int
    last_col: int


@dataclass(frozen=True, slots=True)
class Slot:
    cell: str           # canonical cell id
    row: int
    col: int
    kind: str           # count | signed | money | wan


@dataclass
class SheetLayout:
    labels: list[Label] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    meta_rows: dict[str, int] = field(default_factory=dict)   # header field -> row (value in column B)
    widths: dict[int, float] = field(default_factory=dict)
    last_row: int = 0

    def label(self, row: int, col: int, text: str, style: str = "label", to_row: int | None = None,
              to_col: int | None = None) -> None:
        self.labels.append(Label(row, col, text, style))
        # titles overflow into the empty cells beside them: merging them only slows openpyxl down
        # (it restyles every merged cell on load), so only table headers and labels are merged
        if style not in ("title", "section") and ((to_row or row) != row or (to_col or col) != col):
            self.merges.append(Merge(row, col, to_row or row, to_col or col))
        self.last_row = max(self.last_row, to_row or row)


def report_layout(fmt: str, title: str | None = None, only: set[str] | None = None) -> SheetLayout:
    """The whole sheet of one report of format `fmt`: title, header block, then its tables.
    `only`: the cell ids the report printed; a table with none of them is left out (absent is
    not blank), and a legacy table lists only those rows. None lays out everything (templates)."""
    lay = SheetLayout(widths={1: 34, 2: 30, 3: 40})
    lay.label(1, 1, title or "政府信息公开工作年度报告", "title", to_col=10)
    for name, row in HEADER_ROWS.items():
        lay.label(row, 1, name, "meta")
        lay.meta_rows[name] = row
    row = 2 + len(HEADER_FIELDS) + 1
    if fmt == "legacy":
        _legacy(lay, row, only)
        return lay
    for table, write in (("active", _active), ("requests", _requests), ("appeals", _appeals)):
        if only is None or any(c.startswith(table + ".") for c in only):
            row = write(lay, fmt, row) + 2
    return lay


def _active(lay: SheetLayout, fmt: str, row: int) -> int:
    table = template(fmt).table("active")
    lay.label(row, 1, TABLE_TITLES["active"], "section", to_col=4)
    section = None
    for r in table.rows:
        if r.section != section:
            section = r.section
            row += 1
            lay.label(row, 1, section, "header", to_col=4)
            row += 1
            lay.label(row, 1, "信息内容", "header")
            if len(r.columns) == 1:
                lay.label(row, 2, r.columns[0].label, "header", to_col=4)
            else:
                for j, c in enumerate(r.columns):
                    lay.label(row, 2 + j, c.label, "header")
        row += 1
        lay.label(row, 1, r.label)
        for j, c in enumerate(r.columns):
            lay.slots.append(Slot(f"active.{r.id}.{c.id}", row, 2 + j, c.kind))
        if len(r.columns) == 1:
            lay.merges.append(Merge(row, 2, row, 4))
    lay.last_row = row
    return row


def _requests(lay: SheetLayout, fmt: str, row: int) -> int:
    table = template(fmt).table("requests")
    cols = table.rows[0].columns
    lay.label(row, 1, TABLE_TITLES["requests"], "section", to_col=10)
    top = row + 1
    lay.label(top, 1, R1_NOTE, "header", to_row=top + 2, to_col=3)
    lay.label(top, 4, "申请人情况", "header", to_col=10)
    lay.label(top + 1, 4, cols[0].label, "header", to_row=top + 2)
    lay.label(top + 1, 5, "法人或其他组织", "header", to_col=9)
    lay.label(top + 1, 10, cols[-1].label, "header", to_row=top + 2)
    for j, c in enumerate(cols[1:-1]):
        lay.label(top + 2, 5 + j, c.label, "header")
    row = top + 2
    body = list(table.rows)
    first_result = next(i for i, r in enumerate(body) if r.id not in OUTSIDE_RESULTS)
    last_result = max(i for i, r in enumerate(body) if r.id not in OUTSIDE_RESULTS)
    start = row + 1
    lay.label(start + first_result, 1, RESULTS_BLOCK, "label", to_row=start + last_result)
    i = 0
    while i < len(body):
        r = body[i]
        at = start + i
        if r.id in OUTSIDE_RESULTS:
            lay.label(at, 1, r.label, to_col=3)
        elif r.group and r.group != RESULTS_BLOCK:
            n = next((k for k, x in enumerate(body[i:]) if x.group != r.group), len(body) - i)
            lay.label(at, 2, r.group, "label", to_row=at + n - 1)
            for k in range(n):
                lay.label(at + k, 3, body[i + k].label)
            _request_slots(lay, body[i:i + n], at, cols)
            i += n
            continue
        else:
            lay.label(at, 2, r.label, to_col=3)
        _request_slots(lay, [r], at, cols)
        i += 1
    lay.last_row = start + len(body) - 1
    return lay.last_row


def _request_slots(lay: SheetLayout, rows, at: int, cols) -> None:
    for k, r in enumerate(rows):
        for j, c in enumerate(cols):
            lay.slots.append(Slot(f"requests.{r.id}.{c.id}", at + k, 4 + j, c.kind))


def _appeals(lay: SheetLayout, fmt: str, row: int) -> int:
    row_spec = template(fmt).table("appeals").rows[0]
    lay.label(row, 1, TABLE_TITLES["appeals"], "section", to_col=15)
    top = row + 1
    lay.label(top, 1, "行政复议", "header", to_col=5)
    lay.label(top, 6, "行政诉讼", "header", to_col=15)
    lay.label(top + 1, 6, "未经复议直接起诉", "header", to_col=10)
    lay.label(top + 1, 11, "复议后起诉", "header", to_col=15)
    for j, c in enumerate(row_spec.columns):
        result = c.label.split("·")[-1]
        if j < 5:
            lay.label(top + 1, 1 + j, result, "header", to_row=top + 2)
        else:
            lay.label(top + 2, 1 + j, result, "header")
        lay.slots.append(Slot(f"appeals.count.{c.id}", top + 3, 1 + j, c.kind))
    lay.last_row = top + 3
    return lay.last_row


def _legacy(lay: SheetLayout, row: int, only: set[str] | None) -> int:
    lay.label(row, 1, TABLE_TITLES["legacy"], "section", to_col=2)
    row += 1
    lay.label(row, 1, "统计指标", "header")
    lay.label(row, 2, "数值", "header")
    for c in template("legacy").cells:
        if only is not None and c.id not in only:
            continue
        row += 1
        lay.label(row, 1, c.label)
        lay.slots.append(Slot(c.id, row, 2, c.kind))
    lay.last_row = row
    return row
