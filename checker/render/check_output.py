"""Output of `xxgk check`: a rich table for people (grouped by report, Chinese), JSON in the spec's
finding shape for programs, CSV that is safe to open in Excel (no formula injection)."""
from __future__ import annotations

import csv
import json
import sys

from ..model import plain
from ..safetext import quoted

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
CSV_COLUMNS = ("单位", "年度", "规则", "严重程度", "单元格", "位置", "实际值", "应为", "建议值", "说明", "来源")


def render(result, fmt: str, out=None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        json.dump(result.to_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        write_csv(result.findings, out)
    else:
        table(result, out)


def safe_cell(value) -> str:
    """Text for a CSV cell that Excel shows as text: a leading = + - @ tab or CR gets a quote."""
    if value is None:
        return ""
    return quoted(str(value))


def write_csv(findings, out) -> None:
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    for f in findings:
        w.writerow([safe_cell(v) for v in (
            f.unit, f.year, f.rule, SEVERITY_LABELS.get(f.severity, f.severity),
            f.suspect.cell if f.suspect else "", f.where, _num(f.actual), _num(f.expected),
            _num(f.suggestion), f.message, f.source)])


def _num(v):
    """A value for a cell of the CSV or the table: integral floats as ints, nothing as ""."""
    v = plain(v)
    return "" if v is None else v


def _label(cell_id: str) -> str:
    """A cell's Chinese label for people (the id where no template knows it, e.g. meta.period)."""
    from ..templates import FORMATS, template
    for fmt in FORMATS:
        index = template(fmt).index
        if cell_id in index:
            return template(fmt).cells[index[cell_id]].label
    return cell_id


def _cell_column(f) -> str:
    """What the 单元格 column shows: the suspect; else the candidates; else the cells involved
    (a blank row: its label and how many cells)."""
    if f.suspect:
        return _label(f.suspect.cell)
    if f.candidates:
        return "、".join(_label(c.cell) for c in f.candidates[:3]) + ("…" if len(f.candidates) > 3 else "")
    if len(f.cells) == 1:
        return _label(f.cells[0].cell)
    if f.cells:
        return f"{_label(f.cells[0].cell).split('·')[0]}（{len(f.cells)} 格）"
    return ""


def table(result, out) -> None:
    from rich.console import Console
    from rich.table import Table
    console = Console(file=out, width=max(100, Console().width if out is sys.stdout else 140))
    groups: dict = {}
    for f in result.findings:
        groups.setdefault((f.unit, f.year, f.source if f.unit is None else None), []).append(f)
    for (unit, year, source), fs in groups.items():
        title = f"{unit or '（未识别单位）'} {year or ''} 年度报告" if unit or year else f"{source or '输入'}"
        t = Table(title=title, title_justify="left", show_lines=False, expand=False)
        t.add_column("规则", no_wrap=True)
        t.add_column("级别", no_wrap=True)
        t.add_column("单元格", overflow="fold")
        t.add_column("建议", justify="right", no_wrap=True)
        t.add_column("说明", overflow="fold")
        for f in fs:
            colour = {"error": "red", "warning": "yellow"}.get(f.severity, "cyan")
            t_cell = _cell_column(f)
            t.add_row(f.rule, f"[{colour}]{SEVERITY_LABELS.get(f.severity, f.severity)}[/{colour}]", t_cell,
                      "" if f.suggestion is None else str(_num(f.suggestion)), f.message)
        console.print(t)
    if not result.reports and not result.findings:
        console.print("没有找到可检查的报告文件（支持 .txt .xlsx .xlsm .xls .docx .pdf .html）。")
    n_err = sum(f.severity == "error" for f in result.findings)
    n_warn = sum(f.severity == "warning" for f in result.findings)
    crashed = [rid for rid, s in result.stats.items() if s.get("crashed")]
    console.print(f"共检查 {len(result.reports)} 份报告：错误 {n_err} 条，警告 {n_warn} 条"
                  + (f"；无法读取的输入 {len(result.unreadable)} 个" if result.unreadable else "")
                  + (f"；运行出错的规则：{'、'.join(crashed)}" if crashed else "") + "。")
