"""Output of `xxgk rules`: the rule catalogue."""
from __future__ import annotations

import json
import sys

from ..catalogue import catalogue


def render(fmt: str) -> None:
    rules = list(catalogue().values())      # in rule order
    if fmt == "json":
        json.dump([{"id": r.id, "title": r.title, "severity": r.severity, "formats": list(r.formats),
                    "kind": r.kind, "status": r.status, "doc": r.doc} for r in rules],
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from rich.console import Console
    from rich.table import Table
    t = Table(title="校验规则")
    for col in ("编号", "名称", "严重程度", "适用格式", "检查什么"):
        t.add_column(col)
    for r in rules:
        t.add_row(r.id, r.title, {"error": "错误", "warning": "警告", "info": "提示"}[r.severity],
                  "、".join(r.formats), r.doc.get("what", ""))
    Console().print(t)
