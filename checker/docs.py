"""Generate `docs/rules.md` from the rule catalogue (rules are data, docs cannot drift):
one section per rule with 检查什么 / 为什么 / 示例, its severity, formats and message template;
and `docs/cli.md` from each command's `--help` (checker/docs_cli.py).

    python -m checker.docs            # write docs/rules.md and docs/cli.md
    python -m checker.docs --check    # exit 1 when either is stale or a rule lacks a section
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import docs_cli
from .catalogue import Rule, catalogue

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
SECTIONS = (("what", "检查什么"), ("why", "为什么"), ("example", "示例"))
FAMILIES = (("R", "表格勾稽关系（表内、年度间、上下级）"), ("L", "旧版统计表（2018 年及以前）"),
            ("P", "正文中的数字"), ("M", "元数据与结构"), ("S", "正文各部分的内容"), ("T", "照抄的文字"),
            ("F", "格式问题（读取时发现）"), ("U", "单位清单"))


def missing_sections(rule: Rule) -> list[str]:
    """The doc sections a rule lacks (each rule must say what, why, and give an example)."""
    return [label for key, label in SECTIONS if not str(rule.doc.get(key, "")).strip()]


def render() -> str:
    rules = list(catalogue().values())      # in rule order; grouped by family below
    out = ["# 校验规则", "",
           "本页由 `python -m checker.docs` 根据 `schemas/rules/*.yaml` 生成，请勿手工修改。", ""]
    for prefix, title in FAMILIES:
        group = [r for r in rules if r.id.startswith(prefix)]
        if not group:
            continue
        out += [f"## {title}", ""]
        out += [f"- [{r.id} {r.title}](#{r.id.lower()})" for r in group]
        out.append("")
        for r in group:
            out += [f"### {r.id}", "", f"**{r.title}**", "",
                    f"- 严重程度：{r.severity_text()}",
                    f"- 适用格式：{'、'.join(r.formats) or '全部'}",
                    _kind_line(r) + ("（已停用）" if r.status == "removed" else ""), ""]
            for key, label in SECTIONS:
                out += [f"#### {label}", "", str(r.doc.get(key, "")).strip(), ""]
            out += ["#### 提示信息模板", "", f"`{r.message}`", ""]
    return "\n".join(out).rstrip() + "\n"


def _kind_line(r: Rule) -> str:
    if r.raised_by:
        return "- 发现于读取阶段：" + "、".join(f"`checker.{m}`" for m in r.raised_by)
    return f"- 检查类型：`{r.kind}`"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lacking = {r.id: missing_sections(r) for r in catalogue().values() if missing_sections(r)}
    for rid, labels in lacking.items():
        print(f"规则 {rid} 缺少文档段落：{'、'.join(labels)}", file=sys.stderr)
    pages = ((DOCS, render()), (docs_cli.DOCS, docs_cli.render()))
    if "--check" in argv:
        stale = [path for path, text in pages
                 if (path.read_text(encoding="utf-8") if path.exists() else "") != text]
        for path in stale:
            print(f"{path} 已过期，请运行 python -m checker.docs 重新生成。", file=sys.stderr)
        return 1 if stale or lacking else 0
    for path, text in pages:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"已写出 {DOCS}（{len(catalogue())} 条规则）和 {docs_cli.DOCS}（{len(docs_cli.commands()[1])} 个命令）")
    return 1 if lacking else 0


if __name__ == "__main__":
    sys.exit(main())
