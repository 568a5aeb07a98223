"""Output of `xxgk extract`: JSON for programs, a rich table for people."""
from __future__ import annotations

import json
import sys

from ..catalogue import severity_label
from ..readers import ReadResult
from ..safetext import escape_strings, printable
from ..templates import template


def render(result: ReadResult, fmt: str, out=None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        doc = {"reports": [r.to_json() for r in result.reports],
               "errors": [f.to_json() for f in result.failures]}
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    _table(result)


def _table(result: ReadResult) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    console = Console()
    escape_strings(result.reports, printable)     # control characters shown, not obeyed
    escape_strings(result.failures, printable)
    for r in result.reports:
        # report text is shown as written: `[x]` in a unit or file name is not rich markup
        t = Table(title=escape(f"{r.unit or '（未识别单位）'} {r.year or ''} 年度报告（格式 {r.format or '未识别'}）"),
                  caption=escape(r.source or ""), show_lines=False)
        t.add_column("单元格")
        t.add_column("名称")
        t.add_column("数值", justify="right")
        t.add_column("位置")
        if r.format:
            tpl = template(r.format)
            for cid, v in r.cells.items():
                t.add_row(cid, tpl.cell(cid).label, "（空）" if v is None else str(v), escape(r.locate(cid) or ""))
        for d in (r.facts.get("departures") or {}).values():    # printed in the other generation: shown too
            other = template(d["format"])
            for cid, v in d["cells"].items():
                t.add_row(cid, f"{other.cell(cid).label}（按 {d['format']} 版印出）", "（空）" if v is None else str(v),
                          escape(d.get("locations", {}).get(cid) or ""))
        console.print(t)
        for p in r.prose:
            console.print(f"  正文第{p.line}行：{p.text} → {p.value}", markup=False)
        for f in r.findings:
            console.print(f"  {severity_label(f.severity)} {f.rule} {f.message}", markup=False)
    for f in result.failures:
        Console(stderr=True).print(f"[red]无法读取[/red] {escape(f.message)}")
