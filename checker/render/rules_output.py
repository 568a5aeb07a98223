"""Output of `xxgk rules`: the rule catalogue."""
from __future__ import annotations

import json
import sys

from ..catalogue import catalogue


def render(fmt: str) -> None:
    rules = list(catalogue().values())      # in rule order
    if fmt == "json":
        json.dump([{"id": r.id, "title": r.title, "severity": r.severity, "also": list(r.also),
                    "formats": list(r.formats),
                    "kind": r.kind, "status": r.status, "doc": r.doc} for r in rules],
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from rich.console import Console
    from rich.table import Table
    t = Table(title="校验规则", expand=True)
    # Chinese has no spaces to wrap at: fold, or rich cuts each cell with "…" on a narrow terminal
    t.add_column("编号", no_wrap=True)
    t.add_column("名称", overflow="fold", ratio=2)
    t.add_column("严重程度", overflow="fold", width=10)
    t.add_column("适用格式", overflow="fold", width=11)
    t.add_column("检查什么", overflow="fold", ratio=4)
    for r in rules:
        t.add_row(r.id, r.title, r.severity_text(),
                  "、".join(r.formats), r.doc.get("what", ""))
    Console().print(t)
