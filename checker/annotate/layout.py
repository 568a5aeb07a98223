"""The layout of the sheets xxgk writes into a workbook (`校验结果`, `概览`): values, widths, fills,
bold cells, links, the filter range and the charts, decided once here so the openpyxl and xlwings
backends only draw them (and cannot drift apart). Coordinates are 1-based (row, column)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..catalogue import SEVERITIES, SEVERITY_FILLS, SEVERITY_LABELS, SEVERITY_ORDER, catalogue
from ..collection import OVERVIEW_SHEET
from .locate import Place

HEADER_FILL = "#DDEBF7"
ACCEPTED_STATUS_FILL = "#C6EFCE"
CHART_ROWS = 15          # units (and rules) shown in a chart: the ones with most problems
ROW_POINTS = 15.0        # one line of text
OVERVIEW_HEAD = OVERVIEW_SHEET + "："   # the overview's A1 starts so (how a later run knows it is ours)
MAX_LINES = 3            # a long 问题说明 shows three lines; the whole text is in the cell


@dataclass
class Chart:
    """A native bar chart of two adjacent columns: names in `column`, numbers in the next, header
    at `header_row` (it names the series), data to `last_row`. Adjacent, because Excel (and the
    xlwings remote engine) take a chart's source as one rectangular range."""
    title: str
    column: int
    header_row: int
    last_row: int
    anchor: tuple[int, int]
    width: float = 340.0     # points: the rules table's width, so two charts stand side by side
    height: float = 300.0

    @property
    def categories(self) -> tuple[int, int, int]:
        return (self.column, self.header_row + 1, self.last_row)

    @property
    def values(self) -> tuple[int, int, int]:
        return (self.column + 1, self.header_row, self.last_row)


@dataclass
class Sheet:
    name: str
    position: int                                   # where the sheet goes among the workbook's sheets
    blocks: list[tuple[int, int, list[list]]] = field(default_factory=list)   # (row, col, 2-D values)
    widths: dict[int, float] = field(default_factory=dict)                   # column -> width (characters)
    hidden_columns: list[int] = field(default_factory=list)
    fills: dict[tuple[int, int], str] = field(default_factory=dict)         # (row, col) -> "#RRGGBB"
    bold: list[tuple[int, int, int]] = field(default_factory=list)          # (row, first col, last col)
    links: list[tuple[int, int, Place, str]] = field(default_factory=list)  # (row, col, target, text)
    table: tuple[int, int, int, int] | None = None  # filter range (first row, first col, last row, last col)
    table_name: str | None = None
    freeze_row: int | None = None                    # rows above this one stay in view
    charts: list[Chart] = field(default_factory=list)
    wrap_columns: list[int] = field(default_factory=list)
    heights: dict[int, float] = field(default_factory=dict)                   # row -> points (wrapped text)

    def value(self, row: int, col: int):
        """The value the layout puts at (row, col) (tests and the backends' checks use it)."""
        for r0, c0, values in self.blocks:
            if r0 <= row < r0 + len(values) and c0 <= col < c0 + len(values[row - r0]):
                return values[row - r0][col - c0]
        return None


def results_sheet(plan) -> Sheet:
    """`校验结果`: one row per finding with a link to its cell, filterable, and beside it the legend
    and the per-report counts."""
    width = len(plan.header)
    s = Sheet(plan.results_name, position=0, table_name="xxgk_results", freeze_row=2)
    s.blocks.append((1, 1, [list(plan.header)] + [list(r.values) for r in plan.results]))
    s.bold.append((1, 1, width))
    s.fills.update({(1, c): HEADER_FILL for c in range(1, width + 1)})
    link_col = plan.header.index("可疑单元格") + 1
    for i, row in enumerate(plan.results, 2):
        s.fills[(i, 3)] = SEVERITY_FILLS.get(row.severity)
        if row.status == "已核实":
            s.fills[(i, 2)] = ACCEPTED_STATUS_FILL
        if row.link:
            s.links.append((i, link_col, row.link, row.values[link_col - 1] or ""))
    s.table = (1, 1, 1 + max(len(plan.results), 1), width)
    s.widths = dict(enumerate((6, 10, 8, 24, 6, 6, 22, 70, 22, 10, 10, 10, 16, 18), 1))
    text_col = plan.header.index("问题说明") + 1
    s.wrap_columns = [text_col]
    for i, row in enumerate(plan.results, 2):
        lines = min(MAX_LINES, -(-_display_width(str(row.values[text_col - 1] or "")) // int(s.widths[text_col])))
        if lines > 1:
            s.heights[i] = ROW_POINTS * lines
    s.hidden_columns = [width]
    _side_block(s, plan, width + 2)
    return s


def _report_name(u) -> str:
    """`道里区教育局 2021`: one bar per report, so a unit's years are told apart."""
    return f"{u.unit or '（未识别单位）'} {u.year}" if u.year else (u.unit or "（未识别单位）")


def _display_width(text: str) -> int:
    """Width in Excel's character units: a Chinese character is two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _side_block(s: Sheet, plan, col: int) -> None:
    """Legend and per-report counts to the right of the findings, outside the filter range."""
    lines = [[f"待处理 {plan.open} 条，已核实 {plan.accepted} 条"],
             [f"各单位、各规则的问题数和图表见“{plan.overview_name}”工作表"]]
    lines += [[f"工作簿原有的“{theirs}”工作表不是 xxgk 写的，已原样保留；xxgk 的写在“{ours}”"]
              for theirs, ours in plan.apart()]
    if plan.notes_line:         # e.g. notes capped, or not supported by this Excel
        lines.append([plan.notes_line])
    s.blocks.append((1, col, lines))
    s.bold.append((1, col, col))
    legend_row = len(lines) + 1
    s.blocks.append((legend_row, col, [[name, text] for name, text, _ in plan.legend]))
    s.bold.append((legend_row, col, col))
    for i, (_, _, fill) in enumerate(plan.legend):
        if fill:
            s.fills[(legend_row + i, col)] = fill
    row = legend_row + len(plan.legend) + 1
    s.blocks.append((row, col, [["各报告问题数"]]))
    s.bold.append((row, col, col))
    s.blocks.append((row + 1, col, [list(x) for x in plan.counts]))
    s.bold.append((row + 1, col, col + len(plan.counts[0]) - 1))
    s.widths.update({col: 22, col + 1: 40})


def overview_sheet(plan, position: int) -> Sheet:
    """`概览`: which units and which rules have the most problems, as two sortable tables (open
    problems by severity; accepted ones apart) and two native bar charts of their totals."""
    s = Sheet(plan.overview_name, position=position, table_name="xxgk_overview", freeze_row=4)
    labels = [SEVERITY_LABELS[x] for x in SEVERITIES]
    units = sorted(plan.units, key=lambda u: (-u.open, *(-u.by[x] for x in SEVERITIES), str(u.unit), u.year or 0))
    total: Counter[str] = Counter()
    for u in units:
        total.update(u.by)
    s.blocks.append((1, 1, [[f"{OVERVIEW_HEAD}{len(units)} 份报告，待处理问题 {plan.open} 条（"
                             + "，".join(f"{SEVERITY_LABELS[x]} {total[x]}" for x in SEVERITIES)
                             + f"），已核实 {plan.accepted} 条。表格可按任一列筛选、排序；点击报告名称可跳转到它的工作表。"]]))
    s.bold.append((1, 1, 1))
    # reports from A4 (the chart's two columns first: 报告, 待处理合计); a unit's years apart
    head = ["报告", "待处理合计", *labels, "已核实", "单位", "年度"]
    s.blocks.append((3, 1, [["各报告问题数（按待处理问题从多到少）"]]))
    s.bold.append((3, 1, 1))
    rows = [[_report_name(u), u.open, *(u.by[x] for x in SEVERITIES), u.accepted, u.unit, u.year] for u in units]
    s.blocks.append((4, 1, [head] + rows))
    s.bold.append((4, 1, len(head)))
    s.fills.update({(4, c): HEADER_FILL for c in range(1, len(head) + 1)})
    for i, u in enumerate(units, 5):
        if u.link:
            s.links.append((i, 1, u.link, _report_name(u)))
    last = 4 + max(len(rows), 1)
    s.table = (4, 1, last, len(head))
    # rules: from column J
    rc = len(head) + 2
    cat = catalogue()
    rules = sorted(plan.rules.items(), key=lambda kv: (-kv[1][0], SEVERITY_ORDER.get(cat[kv[0]].severity if kv[0] in cat else "", 9), kv[0]))
    s.blocks.append((3, rc, [["各规则问题数"]]))
    s.bold.append((3, rc, rc))
    rhead = ["规则", "待处理", "已核实", "规则名称", "严重程度"]
    rrows = [[rid, n, acc, cat[rid].title if rid in cat else "", cat[rid].severity_text() if rid in cat else ""]
             for rid, (n, acc) in rules]
    s.blocks.append((4, rc, [rhead] + rrows))
    s.bold.append((4, rc, rc + len(rhead) - 1))
    s.fills.update({(4, c): HEADER_FILL for c in range(rc, rc + len(rhead))})
    s.widths = {1: 30, 2: 10, 3: 6, 4: 6, 5: 6, 6: 7, 7: 20, 8: 6, rc - 1: 2, rc: 6, rc + 1: 7, rc + 2: 7, rc + 3: 30, rc + 4: 16}
    # charts below the rules table, side by side: the first under the table, the second beside it
    chart_row = 4 + len(rrows) + 3
    shown = min(len(rows), CHART_ROWS)
    if shown:
        s.charts.append(Chart(f"待处理问题最多的 {shown} 份报告", column=1, header_row=4, last_row=4 + shown,
                              anchor=(chart_row, rc)))
    shown_rules = min(len(rrows), CHART_ROWS)
    if shown_rules:
        s.charts.append(Chart("各规则的待处理问题数", column=rc, header_row=4, last_row=4 + shown_rules,
                              anchor=(chart_row, rc + len(rhead))))
    return s
