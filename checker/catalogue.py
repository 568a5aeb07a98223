"""The rule catalogue: every rule's id, Chinese title, severity, formats, kind, parameters,
message template and documentation, loaded from `schemas/rules/*.yaml` (rules are data)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import yaml

# libyaml's safe loader where installed: ten times faster at start-up than the pure-Python one
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from .templates import SCHEMAS

# The one severity vocabulary: every output (terminal, CSV, notes, 校验结果, 概览, `xxgk rules`,
# docs) takes its labels, order and fills from here.
SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}
SEVERITY_FILLS = {"error": "#FFC7CE", "warning": "#FFEB9C", "info": "#DDEBF7"}       # 校验结果's 严重程度
SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}            # the terminal


def severity_label(severity: str) -> str:
    return SEVERITY_LABELS.get(severity, severity)


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str
    formats: tuple[str, ...]
    kind: str
    message: str
    doc: dict = field(default_factory=dict, hash=False)
    params: dict = field(default_factory=dict, hash=False)
    status: str = "stable"        # stable | preview | removed
    file: str = ""
    # lighter severities some of the rule's findings carry (F2: a figure read with its unit is 提示)
    also: tuple[str, ...] = ()

    @property
    def severities(self) -> tuple[str, ...]:
        return (self.severity, *self.also)

    def severity_text(self) -> str:
        """`错误` or `错误（部分为提示）`: what `xxgk rules` and the docs show."""
        head = severity_label(self.severity)
        return head + (f"（部分为{'、'.join(severity_label(s) for s in self.also)}）" if self.also else "")

    def matches(self, selectors: list[str]) -> bool:
        """True when the id is named (`R1`) or its family is (`R`, `F`): `R1` does not select `R10`."""
        return any(self.id == s or (s.isalpha() and self.id.startswith(s)) for s in selectors)


@cache
def catalogue() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    files = sorted((f for f in (SCHEMAS / "rules").iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    if not files:
        raise RuntimeError(f"没有找到规则文件（{SCHEMAS / 'rules'}）：安装不完整，请重新安装 xxgk-checker。")
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for spec in yaml.load(fh, Loader=_LOADER) or []:
                rule = Rule(
                    id=spec["id"], title=spec["title"], severity=spec["severity"],
                    formats=tuple(spec.get("formats", ())), kind=spec["kind"], message=spec["message"],
                    doc=spec.get("doc", {}), params=spec.get("params", {}),
                    status=spec.get("status", "stable"), file=path.name,
                    also=tuple(spec.get("also", ())),
                )
                if rule.id in rules:
                    raise ValueError(f"规则编号重复：{rule.id}（{path.name} 与 {rules[rule.id].file}）")
                if not set(rule.severities) <= set(SEVERITIES):
                    raise ValueError(f"规则 {rule.id} 的严重程度无效：{rule.severity}")
                rules[rule.id] = rule
    return rules


def rule(rule_id: str) -> Rule:
    return catalogue()[rule_id]


def select(select: list[str] | None = None, ignore: list[str] | None = None) -> set[str]:
    """The rule ids chosen by `--select` / `--ignore` (ids or prefixes such as `R`, `F`, `R1`)."""
    ids = {rid for rid, r in catalogue().items() if r.status != "removed"}
    if select:
        ids = {rid for rid in ids if catalogue()[rid].matches(select)}
    if ignore:
        ids = {rid for rid in ids if not catalogue()[rid].matches(ignore)}
    return ids


def parse_selectors(values: list[str]) -> tuple[list[str], list[str]]:
    """`["R1,F", "M1 M2"]` -> (["R1", "F", "M1", "M2"], unknown): each token an id or a family
    (letters) that names at least one rule of the catalogue; the others are returned as unknown."""
    import re
    tokens = [t.upper() for v in values for t in re.split(r"[\s,，、;；]+", v) if t]
    rules = [r for r in catalogue().values() if r.status != "removed"]
    unknown = [t for t in tokens if not any(r.matches([t]) for r in rules)]
    return [t for t in tokens if t not in unknown], unknown


def families() -> str:
    """`R1–R10、P1–P2…` for messages: the valid ids at a glance."""
    by: dict[str, list[int]] = {}
    for rid in catalogue():
        head = rid.rstrip("0123456789")
        by.setdefault(head, []).append(int(rid[len(head):] or 0))
    return "、".join(f"{h}{min(n)}–{h}{max(n)}" if len(n) > 1 else f"{h}{n[0]}" for h, n in sorted(by.items()))
